# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UnifyxCompanyCase, count, counts_matrix_row, decide, stocked_product


@tagged("post_install", "-at_install")
class TestInventoryApproval(UnifyxCompanyCase):
    """Inventory adjustment | value of the difference > 1,000 EUR | warehouse manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        counts_matrix_row(cls.env, cls.company)
        cls.warehouse, cls.product = stocked_product(cls.env, cls.company, "Drill T", 100.0, 50)
        cls.operator = cls.users["warehouse_operator"]
        cls.manager = cls.users["warehouse_manager"]

    def _count(self, counted):
        return count(self.env, self.operator, self.product, self.warehouse.lot_stock_id, counted)

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
