# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Finance's supplier e-invoices on the demo: one matched to its order and
receipt and posted without a click, one held for a price gap that finance
approves through the matrix."""

from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestBillMatchScenarios(DemoCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matched = cls.env.ref("unifyx_demo.bill_match_REF_2026_11802_demo")
        cls.held = cls.env.ref("unifyx_demo.bill_match_REF_2026_11847_demo")

    def test_matched_e_invoice_posted_without_a_click(self):
        bill = self.matched
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "matched"))
        self.assertTrue(bill.unifyx_auto_posted)
        self.assertEqual(bill.ref, "REF-2026-11802")
        order = bill.invoice_line_ids.purchase_line_id.order_id
        self.assertEqual(len(order), 1)
        self.assertEqual(bill.invoice_origin, order.name)
        for line in bill.unifyx_match_line_ids:
            self.assertTrue(line.within_tolerance)
            self.assertEqual(line.qty_billed, line.qty_received)
            self.assertAlmostEqual(line.price_billed, line.price_ordered)
        # Read from the XML: 20 % VAT on the lines' total.
        self.assertAlmostEqual(bill.amount_tax, round(bill.amount_untaxed * 0.2, 2))

    def test_held_e_invoice_approved_by_finance(self):
        bill = self.held
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
        gap_line = bill.unifyx_match_line_ids.filtered("reason_price")
        self.assertEqual(len(gap_line), 1)
        # 12 % above the order's price on the ordered (and received) quantity.
        self.assertAlmostEqual(gap_line.price_gap_percent, 12.0, places=1)
        self.assertAlmostEqual(
            gap_line.gap_amount,
            round((gap_line.price_billed - gap_line.price_ordered) * gap_line.qty_billed, 2),
        )
        review = bill.unifyx_review_id
        self.assertEqual(review.review_ids.status, "pending")
        self.assertIn(self.user["finance"], review.review_ids.reviewer_ids)
        # The purchaser who uploaded it does not approve it.
        self.assertNotIn(self.user["purchaser"], review.review_ids.reviewer_ids)
        menu = self.env.ref("unifyx_bill_match.account_move_to_review_menu")
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.user["finance"])._visible_menu_ids()
        )
        held = (
            self.env["account.move"]
            .with_user(self.user["finance"])
            .search([("unifyx_match_state", "=", "held"), ("unifyx_gap_price", "=", True)])
        )
        self.assertIn(bill, held)
        self._approve(review, "finance")
        bill.invalidate_recordset()
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "released"))

    def test_match_rate_on_the_board(self):
        value = self.env["unifyx.kpi.value"].search(
            [("kpi", "=", "bill_match_rate"), ("company_id", "=", self.company.id)],
            order="date_from desc",
            limit=1,
        )
        self.assertTrue(value)
        bills = self.env["account.move"].search(value.action_open_records()["domain"])
        auto = bills.filtered("unifyx_auto_posted")
        self.assertIn(self.matched, auto)
        self.assertIn(self.held, bills)
        self.assertAlmostEqual(value.value, round(100.0 * len(auto) / len(bills), 2))
