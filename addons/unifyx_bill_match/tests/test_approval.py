# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import BillMatchCase


@tagged("post_install", "-at_install")
class TestApproval(BillMatchCase):
    """Held bills go through the approval matrix (document type "vendor bill");
    approval posts them, refusal keeps them held."""

    def _held_bill(self, price=12.0, user=None):
        order = self.purchase([(self.product_fifo, 10, 10.0)])
        self.receive_po(order)
        bill = self.bill(order, {self.product_fifo: {"price_unit": price}})
        (bill.with_user(user) if user else bill).action_post()
        self.assertEqual(bill.unifyx_match_state, "held")
        return bill

    def test_approval_releases_the_bill(self):
        bill = self._held_bill(user=self.finance)
        review = bill.unifyx_review_id
        self.assertEqual(review.review_ids.reviewer_ids, self.finance | self.users["director"])
        # The finance user who confirmed the bill is its requester: not its approver.
        with self.assertRaises(UserError):
            self.approve(bill, self.finance)
        self.assertEqual(bill.unifyx_match_state, "held")
        self.approve(bill, self.users["director"])
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "released"))
        self.assertEqual(review.state, "released")
        self.assertEqual(review.validation_status, "validated")

    def test_refusal_keeps_the_bill_held(self):
        bill = self._held_bill()
        self.approve(bill, decision="reject")
        self.assertEqual(bill.unifyx_review_id.validation_status, "rejected")
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
        with self.assertRaises(UserError):
            bill.with_user(self.finance).action_post()
        self.assertEqual(bill.state, "draft")

    def test_reopen_and_correct(self):
        """The vendor sends the right price: reopened, corrected, it matches."""
        bill = self._held_bill()
        review = bill.unifyx_review_id
        with self.assertRaises(UserError):
            bill.invoice_line_ids.price_unit = 10.0
        bill.with_user(self.finance).action_unifyx_reopen_match()
        self.assertEqual(review.state, "cancel")
        bill.invoice_line_ids.price_unit = 10.0
        bill.action_post()
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "matched"))

    def test_rows_by_reason(self):
        """A row for price gaps only: a quantity gap asks someone else."""
        self.matrix.active = False
        price_row = self.env["unifyx.approval.matrix"].create(
            {
                "name": "Price gaps: purchasing manager",
                "document_type": "vendor_bill",
                "company_id": self.company.id,
                "exception_type_ids": [
                    Command.set(self.bill_types.filtered(lambda t: t.code == "bill_price_gap").ids)
                ],
                "step_ids": [
                    Command.create(
                        {
                            "approver_type": "group",
                            "group_id": self.env.ref("unifyx_base.group_purchasing_manager").id,
                        }
                    )
                ],
            }
        )
        bill = self._held_bill()
        self.assertEqual(bill.unifyx_review_id.review_ids.definition_id.unifyx_matrix_id, price_row)
        no_po = self.hand_bill(self.vendor, [(self.product_avco, 1, 5.0)])
        no_po.action_post()
        self.assertEqual(no_po.unifyx_match_state, "held")
        self.assertFalse(no_po.unifyx_review_id.review_ids)
        # No row asks for approval: finance releases it, nobody else.
        with self.assertRaises(AccessError):
            no_po.unifyx_review_id.with_user(self.purchaser).action_release()
        self.assertEqual(no_po.unifyx_match_state, "held")
        no_po.unifyx_review_id.with_user(self.finance).action_release()
        self.assertEqual((no_po.state, no_po.unifyx_match_state), ("posted", "released"))

    def test_bill_rows_take_bill_reasons_only(self):
        below_margin = self.env["unifyx.approval.exception.type"].search(
            [("code", "=", "below_margin")]
        )
        with self.assertRaises(ValidationError):
            self.matrix.exception_type_ids = [Command.link(below_margin.id)]
        with self.assertRaises(ValidationError):
            self.env["unifyx.approval.matrix"].create(
                {
                    "name": "Sales with a bill reason",
                    "document_type": "sale",
                    "company_id": self.company.id,
                    "exception_type_ids": [Command.set(self.bill_types[:1].ids)],
                }
            )

    def test_accepted_price_gap_reaches_the_real_margin(self):
        """PO 10 @ 10 received; 6 sold at 20 and delivered (real margin 60.00);
        billed at 12: held; approved, the 6 delivered take 2.00 each: 48.00."""
        order = self.purchase([(self.product_fifo, 10, 10.0)])
        self.receive_po(order)
        sale = self.order([(self.product_fifo, 6, 20.0, 0.0)])
        sale.action_confirm()
        self.deliver(sale, None)
        line = sale.order_line
        self.assertAlmostEqual(line.unifyx_real_margin, 60.0)
        bill = self.bill(order, {self.product_fifo: {"price_unit": 12.0}})
        bill.action_post()
        self.assertEqual(bill.unifyx_match_state, "held")
        line.invalidate_recordset()
        self.assertAlmostEqual(line.unifyx_real_margin, 60.0, msg="a held bill moves nothing")
        self.approve(bill)
        self.assertEqual(bill.state, "posted")
        line.invalidate_recordset()
        self.assertAlmostEqual(line.unifyx_price_diff_cost, 12.0)
        self.assertAlmostEqual(line.unifyx_real_margin, 48.0)
