# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stock control on the demo distributor: classes computed from its history,
the morning digest's line, operators bound to their warehouse."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestStockControlScenarios(DemoCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marseille = cls.env.ref("unifyx_demo.warehouse_marseille_demo")
        cls.op_lyon = cls.env.ref("unifyx_demo.user_wh_operator_lyon_demo")
        cls.op_marseille = cls.env.ref("unifyx_demo.user_wh_operator_marseille_demo")
        cls.late = cls.env.ref("unifyx_demo.product_late_vendor_demo")
        cls.plain = cls.env["product.product"].search(
            [
                ("default_code", "=like", "UX-%"),
                ("tracking", "=", "none"),
                ("is_storable", "=", True),
                ("uom_id", "=", cls.unit.id),
            ],
            order="default_code",
            limit=1,
        )

    def test_abc_classes_computed(self):
        profile = self.env.ref("unifyx_demo.abc_profile_company_demo")
        levels = self.env["abc.classification.product.level"].search(
            [("profile_id", "=", profile.id)]
        )
        by_class = {
            name: levels.filtered(lambda lv, n=name: lv.level_id.name == n) for name in "ABC"
        }
        self.assertTrue(all(by_class.values()), {k: len(v) for k, v in by_class.items()})
        # Class A holds fewer products than C (the value is concentrated).
        self.assertLess(len(by_class["A"]), len(by_class["C"]))
        critical = self.env["unifyx.stock.risk"].search(
            [("company_id", "=", self.company.id), ("critical", "=", True)]
        )
        self.assertTrue(critical.filtered(lambda r: r.abc_level_id.name == "A"))
        self.assertTrue(critical.product_id.filtered("unifyx_critical"))

    def _receipt(self, warehouse):
        ptype = warehouse.in_type_id
        product = self.plain
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": ptype.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": ptype.default_location_dest_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 2,
                            "product_uom": product.uom_id.id,
                            "location_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": ptype.default_location_dest_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 2
        return picking

    def test_operators_bound_to_their_warehouse(self):
        lyon, marseille = self._receipt(self.lyon), self._receipt(self.marseille)
        with self.assertRaises(AccessError):
            lyon.with_user(self.op_marseille).button_validate()
        with self.assertRaises(AccessError):
            marseille.with_user(self.op_lyon).button_validate()
        marseille.with_user(self.op_marseille).button_validate()
        lyon.with_user(self.op_lyon).button_validate()
        self.assertEqual((lyon.state, marseille.state), ("done", "done"))

    def test_no_negative_stock_on_the_demo(self):
        product = self.plain
        stock = self.lyon.lot_stock_id
        quantity = product.with_context(location=stock.id).qty_available
        picking = (
            self.env["stock.picking"]
            .with_context(test_stock_no_negative=True)
            .create(
                {
                    "picking_type_id": self.lyon.out_type_id.id,
                    "location_id": stock.id,
                    "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": quantity + 5,
                                "product_uom": product.uom_id.id,
                                "location_id": stock.id,
                                "location_dest_id": self.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            },
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.quantity = quantity + 5
        with self.assertRaises(ValidationError):
            picking.with_user(self.op_lyon).button_validate()
