# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import StockControlMixin


@tagged("post_install", "-at_install")
class TestInventoryRulesRpc(StockControlMixin, RpcClientMixin, HttpCase):
    """The operator of Marseille, over XML-RPC and JSON-RPC as an integration
    would call: Lyon's receipt is refused on every path, and nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_stock_control()
        cls.product = cls._product("SC rules RPC")
        cls.operator = cls.users["warehouse_operator"]
        cls.operator.unifyx_warehouse_ids = cls.wh_mrs
        cls.rpc_context = {"allowed_company_ids": cls.company.ids}

    def _receipt(self, warehouse):
        ptype = warehouse.in_type_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": ptype.id,
                "location_id": self.supplier_location.id,
                "location_dest_id": ptype.default_location_dest_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 4,
                            "product_uom": self.product.uom_id.id,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": ptype.default_location_dest_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 4
        return picking

    def test_operator_refused_on_lyon_over_rpc(self):
        lyon = self._receipt(self.wh_lyo)
        self.assertRpcRefused("Lyon", self.operator, "stock.picking", "button_validate", [lyon.id])
        self.assertRpcRefused(
            "Lyon",
            self.operator,
            "stock.move.line",
            "write",
            lyon.move_line_ids.ids,
            {"quantity": 1, "picked": True},
        )
        self.assertRpcRefused(
            "Lyon",
            self.operator,
            "stock.move",
            "write",
            lyon.move_ids.ids,
            {"quantity": 1, "picked": True},
        )
        # A client's context changes nothing.
        self.assertXmlrpcRefused(
            "Lyon",
            self.operator,
            "stock.picking",
            "button_validate",
            [lyon.id],
            context={"skip_backorder": True, "allowed_company_ids": self.company.ids},
        )
        self.assertEqual((lyon.state, lyon.move_ids.quantity), ("assigned", 4))
        self.assertFalse(lyon.move_ids.picked)
        marseille = self._receipt(self.wh_mrs)
        self.xmlrpc_call(self.operator, "stock.picking", "button_validate", [marseille.id])
        self.assertEqual(marseille.state, "done")

    def test_locked_location_refused_over_rpc(self):
        self._stock(self.product, 10)
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.product.id),
                ("location_id", "=", self.wh_mrs.lot_stock_id.id),
            ]
        )
        quant.action_set_inventory_quantity()
        receipt = self._receipt(self.wh_mrs)
        self.assertRpcRefused(
            "being counted", self.operator, "stock.picking", "button_validate", [receipt.id]
        )
        self.assertEqual(receipt.state, "assigned")
        quant.action_clear_inventory_quantity()
        self.xmlrpc_call(self.operator, "stock.picking", "button_validate", [receipt.id])
        self.assertEqual(receipt.state, "done")

    def test_guarded_flags_refused_over_rpc(self):
        """The purchaser may not flag an item critical nor allow negative stock,
        on the template, the variant or the category, whatever the client. (The
        variant is refused by Odoo's access rights before the suite's check: a
        purchaser does not write variants.)"""
        purchaser = self.users["purchaser"]
        template = self.product.product_tmpl_id
        for model, record, field, text in (
            ("product.template", template, "unifyx_critical", "Only a"),
            ("product.product", self.product, "unifyx_critical", "not allowed to modify"),
            ("product.template", template, "allow_negative_stock", "Only a"),
            ("product.product", self.product, "allow_negative_stock", "not allowed to modify"),
            ("product.category", self.category, "allow_negative_stock", "Only a"),
        ):
            with self.subTest(model=model, field=field):
                self.assertRpcRefused(text, purchaser, model, "write", [record.id], {field: True})
                self.assertXmlrpcRefused(
                    text,
                    purchaser,
                    model,
                    "write",
                    [record.id],
                    {field: True},
                    context={"skip_negative_qty_check": True, "tracking_disable": True},
                )
                self.assertFalse(record[field])
        # Nor at creation.
        self.assertRpcRefused(
            "Only a",
            purchaser,
            "product.template",
            "create",
            [{"name": "SC RPC critical", "unifyx_critical": True}],
        )
        self.assertFalse(
            self.env["product.template"].search_count([("name", "=", "SC RPC critical")])
        )
        # The warehouse manager may.
        manager = self.users["warehouse_manager"]
        self.xmlrpc_call(
            manager, "product.template", "write", [template.id], {"unifyx_critical": True}
        )
        self.assertTrue(template.unifyx_critical)
