# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import StockControlMixin


@tagged("post_install", "-at_install")
class TestInventoryRules(StockControlMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_stock_control()
        cls.product = cls._product("SC rules")
        cls._stock(cls.product, 10)
        cls._stock(cls.product, 10, warehouse=cls.wh_lyo)
        cls.operator = cls.users["warehouse_operator"]
        cls.operator.unifyx_warehouse_ids = cls.wh_mrs

    def _picking(self, picking_type, qty=5):
        source = picking_type.default_location_src_id or self.supplier_location
        dest = picking_type.default_location_dest_id or self.customer_location
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": qty,
                            "product_uom": self.product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": dest.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.quantity = qty
        return picking

    # -- no negative stock ----------------------------------------------

    def test_negative_stock_refused_and_the_explicit_exception(self):
        nn = self.env(context=dict(self.env.context, test_stock_no_negative=True))
        picking = self._picking(self.wh_mrs.out_type_id, qty=15).with_env(nn)
        picking.move_ids.quantity = 15
        with self.assertRefused(ValidationError, "would become negative"):
            picking.button_validate()
        # A client cannot skip the rule with OCA's context key.
        with self.assertRefused(ValidationError, "would become negative"):
            picking.with_context(skip_negative_qty_check=True).button_validate()
        self.env.invalidate_all()
        self.assertEqual(picking.state, "assigned")
        # The exception is explicit, and set by a warehouse manager only.
        with self.assertRaises(AccessError):
            self.category.with_user(self.operator).allow_negative_stock = True
        with self.assertRaises(AccessError):
            self.product.product_tmpl_id.with_user(
                self.users["purchasing_manager"]
            ).allow_negative_stock = True
        self.category.with_user(self.users["warehouse_manager"]).allow_negative_stock = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.product.id),
                ("location_id", "=", self.wh_mrs.lot_stock_id.id),
            ]
        )
        self.assertEqual(quant.quantity, -5)

    # -- operators bound to their warehouse ------------------------------

    def test_operator_refused_on_another_warehouse(self):
        lyon = self._picking(self.wh_lyo.in_type_id)
        with self.assertRefused(AccessError, "Lyon"):
            lyon.with_user(self.operator).button_validate()
        with self.assertRefused(AccessError, "Lyon"):
            lyon.move_line_ids.with_user(self.operator).write({"quantity": 1})
        with self.assertRefused(AccessError, "Lyon"):
            lyon.move_ids.with_user(self.operator).write({"quantity": 2, "picked": True})
        self.env.invalidate_all()
        self.assertEqual((lyon.state, lyon.move_ids.quantity), ("assigned", 5))
        marseille = self._picking(self.wh_mrs.in_type_id)
        marseille.with_user(self.operator).button_validate()
        self.assertEqual(marseille.state, "done")
        # An operator without warehouses (not configured) is not bound.
        lyon.with_user(self.users["warehouse_manager"]).button_validate()
        self.assertEqual(lyon.state, "done")

    def test_operation_type_reserved_to_roles(self):
        self.wh_mrs.in_type_id.unifyx_group_ids = self.env.ref(
            "unifyx_base.group_warehouse_manager"
        )
        picking = self._picking(self.wh_mrs.in_type_id)
        with self.assertRefused(AccessError, "reserved"):
            picking.with_user(self.operator).button_validate()
        picking.with_user(self.users["warehouse_manager"]).button_validate()
        self.assertEqual(picking.state, "done")

    def test_allowed_warehouses_not_self_granted(self):
        with self.assertRaises(AccessError):
            self.operator.with_user(self.operator).write(
                {"unifyx_warehouse_ids": [(4, self.wh_lyo.id)]}
            )

    # -- locations locked while counted ------------------------------------

    def test_location_locked_while_counted(self):
        delivery = self._picking(self.wh_mrs.out_type_id, qty=3)
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.product.id),
                ("location_id", "=", self.wh_mrs.lot_stock_id.id),
            ]
        )
        quant.action_set_inventory_quantity()
        quant.inventory_quantity = 9
        self.assertTrue(quant.inventory_quantity_set)
        with self.assertRefused(UserError, "being counted"):
            delivery.button_validate()
        receipt = self._picking(self.wh_mrs.in_type_id, qty=2)
        with self.assertRefused(UserError, "being counted"):
            receipt.button_validate()
        self.assertEqual((delivery.state, receipt.state), ("assigned", "assigned"))
        # Lyon is not being counted.
        lyon = self._picking(self.wh_lyo.out_type_id, qty=1)
        lyon.button_validate()
        self.assertEqual(lyon.state, "done")
        # The count itself is applied; then the location is free again.
        quant._apply_inventory()
        self.assertFalse(quant.inventory_quantity_set)
        self.assertEqual(quant.quantity, 9)
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")

    def test_count_cancelled_frees_the_location(self):
        delivery = self._picking(self.wh_mrs.out_type_id, qty=3)
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.product.id),
                ("location_id", "=", self.wh_mrs.lot_stock_id.id),
            ]
        )
        quant.action_set_inventory_quantity()
        with self.assertRefused(UserError, "being counted"):
            delivery.button_validate()
        quant.action_clear_inventory_quantity()
        delivery.button_validate()
        self.assertEqual(delivery.state, "done")
