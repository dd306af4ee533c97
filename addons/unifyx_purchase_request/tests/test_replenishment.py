# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Replenishment raises a purchase request, not an RFQ, for the products
flagged for it (OCA's "Purchase Request" box on the product), estimated from
the vendor prices like any request."""

from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase

from .common import PurchaseRequestSetupMixin


@tagged("post_install", "-at_install")
class TestReplenishment(PurchaseRequestSetupMixin, UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_purchase_requests()

    def test_orderpoint_raises_a_request(self):
        flagged = self.products["C"]
        plain = self.products["A"]
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        flagged.with_company(self.company).purchase_request = True
        (flagged | plain).write({"route_ids": [(4, buy.id)]})
        manager = self.users["warehouse_manager"]
        orderpoints = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(manager)
            .create(
                [
                    {
                        "product_id": product.id,
                        "warehouse_id": self.warehouse.id,
                        "location_id": self.warehouse.lot_stock_id.id,
                        "product_min_qty": 5,
                        "product_max_qty": 20,
                        "company_id": self.company.id,
                    }
                    for product in (flagged, plain)
                ]
            )
        )
        orderpoints.with_user(manager).action_replenish()
        line = self.env["purchase.request.line"].search([("product_id", "=", flagged.id)])
        self.assertEqual(line.product_qty, 20)
        self.assertEqual(line.request_id.state, "draft")
        self.assertEqual(line.estimated_cost, 1600.0)  # 20 x 80.00
        self.assertFalse(self.env["purchase.order.line"].search([("product_id", "=", flagged.id)]))
        # The product not flagged gets its RFQ as before.
        self.assertTrue(self.env["purchase.order.line"].search([("product_id", "=", plain.id)]))
        self.assertFalse(self.env["purchase.request.line"].search([("product_id", "=", plain.id)]))
