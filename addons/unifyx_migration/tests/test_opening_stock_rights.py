# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who loads opening stock and the value it books are decided on the server:
a warehouse operator's context (any shape) values nothing, and the migration's
load refuses them, with_user as over JSON-RPC and XML-RPC."""

import base64
import xmlrpc.client

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import execute_jsonrpc

from .common import DistributorMixin, xlsx_file

COST_KEY = "unifyx_migration_unit_costs"


@tagged("post_install", "-at_install")
class TestOpeningStockRights(DistributorMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_distributor()
        cls.operator = cls.users["warehouse_operator"]
        cls.consultant = cls.users["consultant"]
        cls.product = cls.env["product.product"].create(
            {
                "name": "Counted cable",
                "default_code": "RIGHTS-1",
                "is_storable": True,
                "categ_id": cls.avco.id,
            }
        )
        cls.product.with_company(cls.company).standard_price = 2.0
        cls.location = cls.marseille.lot_stock_id

    def setUp(self):
        super().setUp()
        self.url = self.base_url()
        self.models = xmlrpc.client.ServerProxy("%s/xmlrpc/2/object" % self.url, allow_none=True)

    def layers(self):
        return self.env["stock.valuation.layer"].search([("product_id", "=", self.product.id)])

    def assert_nothing_at_99999(self):
        self.env.invalidate_all()
        for layer in self.layers():
            self.assertAlmostEqual(layer.unit_cost, 2.0)
            self.assertAlmostEqual(layer.value, layer.quantity * 2.0)
        self.assertFalse(
            self.env["account.move.line"].search(
                [("debit", ">=", 99999), ("company_id", "=", self.company.id)]
            )
        )

    @staticmethod
    def contexts(quant_ids):
        # A dict by quant id, and the list-shaped value that old code read as
        # one: "id in costs" and costs[id] both hold for this list.
        return [
            {COST_KEY: dict.fromkeys(quant_ids, 99999)},
            {COST_KEY: [99999] * (max(quant_ids) + 1) + list(quant_ids)},
        ]

    def test_operator_context_values_no_count_with_user(self):
        Quant = self.env["stock.quant"].with_user(self.operator).with_context(inventory_mode=True)
        for attempt in range(2):
            counted = Quant.create(
                {
                    "product_id": self.product.id,
                    "location_id": self.location.id,
                    "inventory_quantity": attempt + 1,
                }
            )
            costs = self.contexts(counted.ids)[attempt]
            try:
                counted.with_context(**costs).action_apply_inventory()
            except (AccessError, UserError):
                pass
            self.assert_nothing_at_99999()

    def test_operator_cannot_load_opening_stock(self):
        profile = self.env["unifyx.migration.profile"].create(
            {"name": "S", "target": "stock", "company_id": self.company.id}
        )
        content = xlsx_file(
            [["Réf. article", "Entrepôt", "Qté", "Coût"], ["RIGHTS-1", "MRS", "1", "99999"]]
        )
        with self.assertRaises(AccessError):
            self.env["unifyx.migration.run"].with_user(self.operator).create(
                {"profile_id": profile.id, "file_name": "s.xlsx", "file": base64.b64encode(content)}
            )
        run = (
            self.env["unifyx.migration.run"]
            .with_user(self.consultant)
            .create(
                {"profile_id": profile.id, "file_name": "s.xlsx", "file": base64.b64encode(content)}
            )
        )
        plans = run._plan_rows(run._rows(*run._read()))
        with self.assertRaises(AccessError):
            self.env["unifyx.migration.loader"].with_user(self.operator)._apply_stock(run, plans)
        with self.assertRaises(AccessError):
            run.with_user(self.operator).action_commit()
        self.assertFalse(self.layers())
        self.assertEqual(run.state, "draft")

        # Over XML-RPC and JSON-RPC: the run's commit, the loader's private load,
        # a count applied with the cost key, all refused or valued at the cost.
        uid = self.operator.id
        db = self.env.cr.dbname
        calls = [
            ("unifyx.migration.run", "action_commit", [[run.id]], {}),
            ("unifyx.migration.loader", "_apply_stock", [[], run.id, []], {}),
        ]
        for model, method, args, kwargs in calls:
            with self.subTest(rpc="xmlrpc", method=method), self.assertRaises(xmlrpc.client.Fault):
                self.models.execute_kw(db, uid, self.operator.login, model, method, args, kwargs)
            with self.subTest(rpc="jsonrpc", method=method):
                answer = self._json(uid, model, method, args, kwargs)
                self.assertIn("error", answer)
        self.env.invalidate_all()
        self.assertEqual(run.state, "draft")
        self.assertFalse(self.layers())

        context = {"allowed_company_ids": self.company.ids, "inventory_mode": True}
        quant_id = self.models.execute_kw(
            db,
            uid,
            self.operator.login,
            "stock.quant",
            "create",
            [
                {
                    "product_id": self.product.id,
                    "location_id": self.location.id,
                    "inventory_quantity": 1,
                }
            ],
            {"context": context},
        )
        for costs in self.contexts([quant_id]):
            # Over the wire a dict's keys are strings (XML-RPC insists).
            value = costs[COST_KEY]
            if isinstance(value, dict):
                costs = {COST_KEY: {str(k): v for k, v in value.items()}}
            for call in (self._xml_apply, self._json_apply):
                call(uid, quant_id, dict(context, **costs))
                self.assert_nothing_at_99999()

    def _xml_apply(self, uid, quant_id, context):
        try:
            self.models.execute_kw(
                self.env.cr.dbname,
                uid,
                self.operator.login,
                "stock.quant",
                "action_apply_inventory",
                [[quant_id]],
                {"context": context},
            )
        except xmlrpc.client.Fault:
            pass  # refused, or a result XML-RPC cannot marshal: the layers decide

    def _json_apply(self, uid, quant_id, context):
        self._json(
            uid,
            "stock.quant",
            "write",
            [[quant_id], {"inventory_quantity": 2}],
            {"context": context},
        )
        self._json(uid, "stock.quant", "action_apply_inventory", [[quant_id]], {"context": context})

    def _json(self, uid, model, method, args, kwargs):
        return execute_jsonrpc(
            self.url, self.env.cr.dbname, uid, self.operator.login, model, method, args, kwargs
        )
