# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UnifyxCase, decide


@tagged("post_install", "-at_install")
class TestInventoryApproval(UnifyxCase):
    """Inventory adjustment | value of the difference > 1,000 EUR | warehouse manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.env["unifyx.approval.matrix"].create(
            {
                "name": "Counts over 1,000",
                "document_type": "inventory",
                "company_id": cls.company.id,
                "amount_min": 1000.01,
                "step_ids": [
                    Command.create(
                        {"group_id": cls.env.ref("unifyx_base.group_warehouse_manager").id}
                    )
                ],
            }
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Drill T", "type": "consu", "is_storable": True}
        )
        cls.product.with_company(cls.company).standard_price = 100.0
        cls.env["stock.quant"].with_company(cls.company)._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 50
        )
        cls.operator = cls.users["warehouse_operator"]
        cls.manager = cls.users["warehouse_manager"]

    def _count(self, counted):
        quant = (
            self.env["stock.quant"]
            .with_user(self.operator)
            .search(
                [
                    ("product_id", "=", self.product.id),
                    ("location_id", "=", self.warehouse.lot_stock_id.id),
                ]
            )
        )
        quant.inventory_quantity = counted
        return quant

    def _on_hand(self):
        return (
            self.product.with_company(self.company)
            .with_context(location=self.warehouse.lot_stock_id.id)
            .qty_available
        )

    def test_small_difference_applies_at_once(self):
        quant = self._count(40)  # 10 x 100 = 1,000: not over the limit
        quant.action_apply_inventory()
        self.assertEqual(self._on_hand(), 40)
        self.assertFalse(self.env["unifyx.inventory.approval"].search([]))

    def test_large_difference_waits_for_the_warehouse_manager(self):
        quant = self._count(39)  # 11 x 100 = 1,100
        action = quant.action_apply_inventory()
        self.assertEqual(self._on_hand(), 50, "no stock moved before approval")
        request = self.env["unifyx.inventory.approval"].browse(action["res_id"])
        self.assertEqual(request.unifyx_approval_amount, 1100)
        self.assertEqual(request.line_ids.counted_quantity, 39)
        # Other paths to apply are held the same way.
        quant.with_user(self.operator)._apply_inventory()
        self.assertEqual(self._on_hand(), 50)
        # Not approved: cannot be applied, nor its state forced.
        with self.assertRaises(ValidationError):
            request.with_user(self.operator).action_apply()
        with self.assertRaises(AccessError):
            request.with_user(self.operator).write({"state": "applied"})
        decide(request, self.manager, comment="Recounted, confirmed")
        self.assertEqual(request.validation_status, "validated")
        request.with_user(self.operator).action_apply()
        self.assertEqual(request.state, "applied")
        self.assertEqual(self._on_hand(), 39)
        move = self.env["stock.move"].search(
            [("product_id", "=", self.product.id), ("is_inventory", "=", True)]
        )
        self.assertEqual(move.quantity, 11)
        with self.assertRaises(UserError):
            request.with_user(self.operator).action_apply()

    def test_manager_cannot_approve_own_count(self):
        quant = (
            self.env["stock.quant"]
            .with_user(self.manager)
            .search([("product_id", "=", self.product.id)])
        )
        quant.inventory_quantity = 10
        action = quant.action_apply_inventory()
        request = self.env["unifyx.inventory.approval"].browse(action["res_id"])
        self.assertEqual(request.user_id, self.manager)
        with self.assertRaises(UserError):
            decide(request, self.manager, comment="mine")
        self.assertEqual(self._on_hand(), 50)
