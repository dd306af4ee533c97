# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A request from the need to the receipt: estimated from the vendor prices,
approved by band, committed in the budget then released as it is ordered,
turned into RFQs grouped by vendor and a call for tenders for the large line,
followed to the receipt. Figures: see common.py."""

from odoo.tests import Form, tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase

from .common import PurchaseRequestSetupMixin, decide


@tagged("post_install", "-at_install")
class TestRequestFlow(PurchaseRequestSetupMixin, UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_purchase_requests()

    def assertBudget(self, committed, from_requests):
        self.budget.invalidate_recordset()
        self.assertAlmostEqual(self.budget.committed, committed, places=2)
        self.assertAlmostEqual(self.budget.committed_request, from_requests, places=2)
        self.assertAlmostEqual(self.budget.remaining, 10000.0 - committed, places=2)

    def test_estimated_cost_from_vendor_prices(self):
        request = self.full_request(self.users["warehouse_operator"])
        costs = {line.product_id: line.estimated_cost for line in request.line_ids}
        self.assertEqual(
            [costs[self.products[code]] for code in "ABCD"], [500.0, 300.0, 400.0, 6000.0]
        )
        self.assertEqual(request.estimated_cost, 7200.0)
        self.assertEqual(request.unifyx_approval_amount, 7200.0)
        # A larger quantity at a vendor's quantity break is estimated at its price.
        self.env["product.supplierinfo"].create(
            {
                "partner_id": self.vendor_one.id,
                "product_tmpl_id": self.products["A"].product_tmpl_id.id,
                "min_qty": 100,
                "price": 10.0,
                "company_id": self.company.id,
            }
        )
        small = self.make_request(self.users["salesperson"], {"A": 100})
        self.assertEqual(small.line_ids.estimated_cost, 1000.0)

    def test_approval_by_band(self):
        small = self.make_request(self.users["warehouse_operator"], {"A": 40, "B": 10})
        small.with_user(self.users["warehouse_operator"]).button_to_approve()
        self.assertEqual(small.state, "to_approve")
        self.assertEqual(small.review_ids.definition_id.unifyx_matrix_id, self.small_row)
        decide(small, self.users["purchasing_manager"])
        self.assertEqual(small.state, "approved")

        large = self.full_request(self.users["warehouse_operator"])
        large.with_user(self.users["warehouse_operator"]).button_to_approve()
        self.assertEqual(len(large.review_ids), 2)
        self.assertEqual(large.review_ids.definition_id.unifyx_matrix_id, self.large_row)
        # Finance waits for the purchasing manager: nothing to decide yet.
        decide(large, self.users["finance"])
        self.assertEqual(large.state, "to_approve")
        decide(large, self.users["purchasing_manager"])
        self.assertEqual(large.state, "to_approve")
        decide(large, self.users["finance"])
        self.assertEqual(large.state, "approved")
        self.assertTrue(large.unifyx_approved_date)

    def test_rejected_by_approver_releases_nothing_committed(self):
        request = self.full_request(self.users["warehouse_operator"])
        request.with_user(self.users["warehouse_operator"]).button_to_approve()
        self.assertBudget(0.0, 0.0)
        decide(request, self.users["purchasing_manager"], "reject", "Not this month")
        self.assertEqual(request.state, "rejected")
        self.assertTrue(all(request.line_ids.mapped("cancelled")))
        self.assertBudget(0.0, 0.0)

    def test_cancel_releases_the_budget(self):
        request = self._approved(self.full_request(self.users["salesperson"]))
        self.assertBudget(7200.0, 7200.0)
        request.with_user(self.users["purchasing_manager"]).button_rejected()
        self.assertEqual(request.state, "rejected")
        self.assertBudget(0.0, 0.0)

    def test_over_budget_row(self):
        self.budget.amount = 7000.0
        finance_row = self.env["unifyx.approval.matrix"].create(
            {
                "name": "Requests over budget",
                "document_type": "purchase_request",
                "company_id": self.company.id,
                "over_budget": True,
                "sequence": 50,
                "step_ids": [(0, 0, {"group_id": self.env.ref("unifyx_base.group_director").id})],
            }
        )
        request = self.full_request(self.users["warehouse_operator"])
        self.assertTrue(request.unifyx_budget_exceeded)
        request.with_user(self.users["warehouse_operator"]).button_to_approve()
        self.assertIn(finance_row, request.review_ids.definition_id.unifyx_matrix_id)
        small = self.make_request(self.users["warehouse_operator"], {"A": 40})
        self.assertFalse(small.unifyx_budget_exceeded)

    def _approved(self, request):
        request.with_user(request.requested_by).button_to_approve()
        decide(request, self.users["purchasing_manager"])
        decide(request, self.users["finance"])
        self.assertEqual(request.state, "approved")
        return request

    def test_need_to_receipt(self):
        operator = self.users["warehouse_operator"]
        purchaser = self.users["purchaser"]
        request = self._approved(self.full_request(operator))
        # Approved: the whole estimate is committed in the month's budget.
        self.assertBudget(7200.0, 7200.0)

        request.with_user(purchaser).action_unifyx_create_purchases()
        self.assertEqual(request.state, "in_progress")
        line = {
            code: request.line_ids.filtered(lambda x, c=code: x.product_id == self.products[c])
            for code in "ABCD"
        }
        rfq_one = line["A"].purchase_lines.order_id
        rfq_two = line["C"].purchase_lines.order_id
        # Grouped by vendor: A and B on one RFQ, C on another; D to a tender.
        self.assertEqual(rfq_one, line["B"].purchase_lines.order_id)
        self.assertEqual(rfq_one.partner_id, self.vendor_one)
        self.assertEqual(rfq_two.partner_id, self.vendor_two)
        self.assertEqual(rfq_one.amount_untaxed, 800.0)
        self.assertEqual(rfq_two.amount_untaxed, 400.0)
        self.assertFalse(line["D"].purchase_lines)
        tender = line["D"].requisition_lines.requisition_id
        self.assertEqual(tender.requisition_type, "purchase_template")
        self.assertEqual(tender.line_ids.product_qty, 100)
        # RFQs commit nothing: the request still does.
        self.assertBudget(7200.0, 7200.0)

        rfq_one.with_user(purchaser).button_confirm()
        self.assertEqual(rfq_one.state, "purchase")
        # 800 ordered, 6,400 still requested: 7,200, not 8,000.
        self.assertBudget(7200.0, 6400.0)
        rfq_two.with_user(purchaser).button_confirm()
        self.assertBudget(7200.0, 6000.0)

        # The tender: Vendor Two quotes 55.00; its order replaces the request's 6,000.
        tender.with_user(purchaser).action_confirm()
        with Form(self.env["purchase.order"].with_user(purchaser)) as form:
            form.partner_id = self.vendor_two
            form.requisition_id = tender
        bid = form.save()
        bid.order_line.price_unit = 55.0
        self.assertIn(line["D"], bid.order_line.purchase_request_lines)
        bid.with_user(purchaser).button_confirm()
        # 800 + 400 + 5,500 ordered; nothing left on the request.
        self.assertBudget(6700.0, 0.0)

        # The requester follows it to the receipt.
        request.invalidate_recordset()
        self.assertEqual(request.with_user(operator).unifyx_order_ids, rfq_one | rfq_two | bid)
        self.assertEqual(request.with_user(operator).unifyx_receipt_status, "waiting")
        receipt = rfq_one.picking_ids
        self.assertIn(receipt, request.with_user(operator).unifyx_picking_ids)
        receipt.action_assign()
        for move in receipt.move_ids:
            move.quantity = move.product_uom_qty
        receipt.move_ids.picked = True
        receipt._action_done()
        self.assertEqual(receipt.state, "done")
        self.env.invalidate_all()
        self.assertEqual(line["A"].unifyx_qty_received, 40)
        self.assertEqual(request.with_user(operator).unifyx_receipt_status, "partial")

        # Cancelling the bid frees its 5,500 and puts the request's 6,000 back.
        bid.with_user(purchaser).button_cancel()
        self.assertBudget(7200.0, 6000.0)
        # Closing the request releases what it still committed.
        request.with_user(purchaser).button_done()
        self.assertBudget(1200.0, 0.0)
