# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The gate and the decision rights over the external API: an operator's
XML-RPC / JSON-RPC validation of the storage transfer, writes of the
decision and the manager's actions, each refused with nothing changed."""

from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import QualityMixin


@tagged("post_install", "-at_install")
class TestQualityRpc(RpcClientMixin, QualityMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_quality()

    def test_rpc_refusals(self):
        inspection, storage = self.receive_to_quality(self.purchase(qty=5.0))
        for move in storage.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        # Taken out of its chain, the storage move is still held.
        self.xmlrpc_call(
            self.operator,
            "stock.move",
            "write",
            storage.move_ids.ids,
            {"move_orig_ids": [(5, 0, 0)]},
        )
        self.assertRpcRefused(
            "wait for quality control",
            self.operator,
            "stock.picking",
            "button_validate",
            storage.ids,
        )
        self.answer(inspection, ok=True)
        self.assertRpcRefused(
            "buttons only",
            self.operator,
            "qc.inspection",
            "write",
            inspection.ids,
            {"state": "success"},
        )
        self.assertRpcRefused(
            "warehouse manager", self.operator, "qc.inspection", "action_approve", inspection.ids
        )
        self.assertRpcRefused(
            "warehouse manager", self.operator, "qc.inspection", "action_cancel", inspection.ids
        )
        self.assertRpcRefused(
            "created open",
            self.operator,
            "qc.inspection",
            "create",
            {"object_id": "stock.move,%d" % storage.move_ids.id, "state": "success"},
        )
        self.assertEqual(inspection.state, "ready")
        self.assertEqual(storage.state, "assigned")
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 0.0)
        # The manager passes it over XML-RPC; the operator's validation goes through.
        self.xmlrpc_call(self.operator, "qc.inspection", "action_confirm", inspection.ids)
        self.assertEqual(inspection.state, "waiting")
        self.xmlrpc_call(self.manager, "qc.inspection", "action_approve", inspection.ids)
        self.assertEqual(inspection.state, "success")
        self.xmlrpc_call(self.operator, "stock.picking", "button_validate", storage.ids)
        self.assertEqual(storage.state, "done")
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 5.0)
