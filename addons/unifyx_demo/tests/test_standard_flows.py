# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installing the suite keeps Odoo's own flows working: a quotation, a purchase,
a receipt, a delivery and an invoice, each done by the role that does it at the
distributor, on the demo company."""

from odoo import Command
from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestStandardFlows(DemoCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].search(
            [("default_code", "=like", "UX-APP-%"), ("tracking", "=", "none")], limit=1
        )
        cls.vendor = cls.product.seller_ids[:1].partner_id

    def _on_hand(self):
        return self.product.with_context(warehouse_id=self.lyon.id).qty_available

    def test_purchase_receipt_bill(self):
        before = self._on_hand()
        order = (
            self.env["purchase.order"]
            .with_user(self.user["purchaser"])
            .create(
                {
                    "partner_id": self.vendor.id,
                    "picking_type_id": self.lyon.in_type_id.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "product_qty": 10})
                    ],
                }
            )
        )
        if order.need_validation:
            # Over the purchaser's limit: the demo approval matrix routes it to the
            # purchasing manager, who approves with a comment.
            order.request_validation()
            self._approve(order, "purchase_manager")
            self.assertEqual(order.validation_status, "validated")
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self._validate(order.picking_ids, self.user["wh_operator"])
        self.assertEqual(self._on_hand(), before + 10)
        layer = order.picking_ids.move_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(layer.value, 10 * order.order_line.price_unit, places=2)
        self.assertTrue(layer.account_move_id, "perpetual valuation books an entry")
        order.with_user(self.user["purchaser"]).action_create_invoice()
        bill = order.invoice_ids.with_user(self.user["finance"])
        bill.invoice_date = bill.date or "2026-11-01"
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(order.invoice_status, "invoiced")

    def test_quotation_delivery_invoice_payment(self):
        before = self._on_hand()
        self.assertGreaterEqual(before, 2, "the demo history stocked Lyon")
        order = self._sale((self.product, 2, {"discount": 5}))
        self.assertEqual(order.state, "draft")
        self.assertEqual(
            order.payment_term_id, self.customer.with_company(self.company).property_payment_term_id
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self._validate(order.picking_ids, self.user["wh_operator"])
        self.assertEqual(self._on_hand(), before - 2)
        self.assertEqual(order.order_line.qty_delivered, 2)
        invoice = order.with_user(self.user["finance"])._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        # The order's data flows to the invoice untouched.
        self.assertEqual(invoice.invoice_line_ids.discount, 5)
        self.assertEqual(invoice.invoice_payment_term_id, order.payment_term_id)
        self.assertAlmostEqual(invoice.amount_untaxed, order.amount_untaxed, places=2)
        self.env["account.payment.register"].with_user(self.user["finance"]).with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
