# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BillMatchCase


@tagged("post_install", "-at_install")
class TestThreeWayMatch(BillMatchCase):
    """Bills against their orders and receipts, with the company's tolerances
    (2 % and 50.00 a line, nothing over the received quantity, 100.00 a bill)."""

    def _received_order(self, qty=10, price=10.0, product=None, vendor=None):
        order = self.purchase([(product or self.product_fifo, qty, price)], vendor=vendor)
        self.receive_po(order)
        return order

    def test_exact_match_is_posted(self):
        order = self._received_order()
        bill = self.bill(order)
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.unifyx_match_state, "matched")
        # Confirmed by a click: not counted as validated without one.
        self.assertFalse(bill.unifyx_auto_posted)
        line = bill.unifyx_match_line_ids
        self.assertEqual(line.purchase_line_id, order.order_line)
        self.assertEqual((line.qty_billed, line.qty_received, line.qty_billable), (10, 10, 10))
        self.assertEqual((line.price_ordered, line.price_billed, line.gap_amount), (10, 10, 0))
        self.assertTrue(line.within_tolerance)

    def test_price_gap_within_tolerance(self):
        # 10.15 for 10.00 on 10 units: 1.5 %, 1.50.
        order = self._received_order()
        bill = self.bill(order, {self.product_fifo: {"price_unit": 10.15}})
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        line = bill.unifyx_match_line_ids
        self.assertAlmostEqual(line.price_gap_percent, 1.5)
        self.assertAlmostEqual(line.gap_amount, 1.5)
        self.assertTrue(line.within_tolerance)

    def test_price_gap_beyond_tolerance_holds(self):
        # 12.00 for 10.00 on 10 units: 20 %, 20.00.
        order = self._received_order()
        bill = self.bill(order, {self.product_fifo: {"price_unit": 12.0}})
        res = bill.action_post()
        self.assertEqual(res["params"]["type"], "warning")
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
        self.assertTrue(bill.unifyx_gap_price)
        self.assertFalse(bill.unifyx_gap_quantity or bill.unifyx_without_po)
        self.assertAlmostEqual(bill.unifyx_gap_amount, 20.0)
        line = bill.unifyx_match_line_ids
        self.assertAlmostEqual(line.price_gap, 2.0)
        self.assertAlmostEqual(line.price_gap_percent, 20.0)
        self.assertTrue(line.reason_price)
        review = bill.unifyx_review_id
        self.assertEqual(review.state, "held")
        self.assertEqual(review.unifyx_exception_type_ids.code, "bill_price_gap")
        self.assertEqual(review.review_ids.status, "pending")
        self.assertAlmostEqual(review.unifyx_approval_amount, 120.0)

    def test_quantity_billed_above_received(self):
        order = self.purchase([(self.product_fifo, 10, 10.0)])
        self.receive_po(order, {self.product_fifo: 6})
        bill = self.bill(order)
        self.assertEqual(bill.invoice_line_ids.quantity, 6.0, "Odoo bills what was received")
        bill.invoice_line_ids.quantity = 10
        bill.action_post()
        self.assertEqual(bill.unifyx_match_state, "held")
        line = bill.unifyx_match_line_ids
        self.assertEqual((line.qty_received, line.qty_billable, line.qty_gap), (6, 6, 4))
        self.assertAlmostEqual(line.quantity_gap_amount, 40.0)
        self.assertTrue(line.reason_quantity)
        self.assertFalse(line.reason_price)
        self.assertEqual(bill.unifyx_review_id.unifyx_exception_type_ids.code, "bill_quantity_gap")

    def test_bill_without_purchase_order(self):
        bill = self.hand_bill(self.vendor, [(self.product_avco, 3, 12.0)])
        bill.action_post()
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
        self.assertTrue(bill.unifyx_without_po)
        self.assertTrue(bill.unifyx_match_line_ids.reason_no_po)
        self.assertAlmostEqual(bill.unifyx_gap_amount, 36.0)
        self.assertEqual(bill.unifyx_review_id.unifyx_exception_type_ids.code, "bill_without_po")

    def test_hand_bill_finds_its_order(self):
        """A bill typed by hand for an ordered product is linked to its order."""
        order = self._received_order(qty=4, price=12.0, product=self.product_avco)
        bill = self.hand_bill(self.vendor, [(self.product_avco, 4, 12.0)])
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)

    def test_partial_receipts_two_bills(self):
        order = self.purchase([(self.product_fifo, 10, 10.0)])
        self.receive_po(order, {self.product_fifo: 6})
        first = self.bill(order)
        first.action_post()
        self.assertEqual((first.state, first.invoice_line_ids.quantity), ("posted", 6.0))
        self.receive_po(order)
        second = self.bill(order)
        self.assertEqual(second.invoice_line_ids.quantity, 4.0)
        second.action_post()
        self.assertEqual(second.state, "posted")
        line = second.unifyx_match_line_ids
        self.assertEqual((line.qty_received, line.qty_billable, line.qty_gap), (10, 4, 0))
        # A third bill of 1: nothing left to bill.
        third = self.hand_bill(self.vendor, [(self.product_fifo, 1, 10.0)])
        third.invoice_line_ids.purchase_line_id = order.order_line
        third.action_post()
        self.assertEqual(third.unifyx_match_state, "held")
        self.assertEqual(
            (third.unifyx_match_line_ids.qty_billable, third.unifyx_match_line_ids.qty_gap),
            (0, 1),
        )

    def test_total_tolerance(self):
        """Three lines each 1.5 % and 45.00 above their order: 135.00 over the
        bill, beyond its 100.00."""
        order = self.purchase([(self.product_fifo, 300, 10.0), (self.product_avco, 300, 10.0)])
        self.receive_po(order)
        bill = self.bill(
            order,
            {self.product_fifo: {"price_unit": 10.15}, self.product_avco: {"price_unit": 10.15}},
        )
        # Two lines: 90.00, within 100.00.
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        self.assertAlmostEqual(bill.unifyx_gap_amount, 90.0)
        order2 = self.purchase([(self.product_fifo, 300, 10.0), (self.product_avco, 600, 10.0)])
        self.receive_po(order2)
        bill2 = self.bill(
            order2,
            {self.product_fifo: {"price_unit": 10.15}, self.product_avco: {"price_unit": 10.15}},
        )
        # 45.00 + 90.00 (the second line beyond its own 50.00 as well) = 135.00.
        bill2.action_post()
        self.assertEqual(bill2.unifyx_match_state, "held")
        self.assertAlmostEqual(bill2.unifyx_gap_amount, 135.0)
        self.assertEqual(bill2.unifyx_match_line_ids.mapped("reason_price"), [True, True])

    def test_vendor_override_of_tolerance(self):
        generous = self.env["res.partner"].create(
            {"name": "Generous terms vendor", "is_company": True, "company_id": self.company.id}
        )
        generous.with_user(self.users["consultant"]).write(
            {
                "unifyx_bill_tolerance_own": True,
                "unifyx_bill_price_tolerance_percent": 25.0,
                "unifyx_bill_price_tolerance_amount": 50.0,
                "unifyx_bill_total_tolerance_amount": 50.0,
            }
        )
        # 20 % and 20.00: within this vendor's tolerances, not the company's.
        order = self._received_order(vendor=generous)
        bill = self.bill(order, {self.product_fifo: {"price_unit": 12.0}})
        bill.action_post()
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "matched"))
        order = self._received_order()
        bill = self.bill(order, {self.product_fifo: {"price_unit": 12.0}})
        bill.action_post()
        self.assertEqual(bill.unifyx_match_state, "held")

    def test_purchaser_cannot_loosen_a_vendor(self):
        with self.assertRaises(AccessError):
            self.vendor.with_user(self.purchaser).write(
                {"unifyx_bill_tolerance_own": True, "unifyx_bill_price_tolerance_percent": 99}
            )
        self.assertFalse(self.vendor.unifyx_bill_tolerance_own)

    def test_reset_to_draft_matches_again(self):
        order = self._received_order()
        bill = self.bill(order)
        bill.action_post()
        bill.button_draft()
        self.assertFalse(bill.unifyx_match_state)
        bill.invoice_line_ids.price_unit = 15.0
        bill.action_post()
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
