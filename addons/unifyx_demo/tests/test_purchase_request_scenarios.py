# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Purchase requests on the demo distributor: one in every state, one turned
into a call for tenders; and the issue's "done when": a warehouse operator
requests a product, the purchasing manager approves it, the buyer turns it
into a tender and a purchase order, the receipt comes in and the requester
sees it."""

from odoo import Command, fields
from odoo.tests import Form, tagged

from .common import DemoCompanyCase, decide


@tagged("post_install", "-at_install")
class TestPurchaseRequestScenarios(DemoCompanyCase):
    def test_demo_requests_in_every_state(self):
        states = {
            key: self.env.ref("unifyx_demo.purchase_request_%s_demo" % key).state
            for key in ("draft", "to_approve", "approved", "in_progress", "done", "rejected")
        }
        self.assertEqual(
            states,
            {
                "draft": "draft",
                "to_approve": "to_approve",
                "approved": "approved",
                "in_progress": "in_progress",
                "done": "done",
                "rejected": "rejected",
            },
        )
        done = self.env.ref("unifyx_demo.purchase_request_done_demo")
        self.assertEqual(done.unifyx_receipt_status, "full")
        waiting = self.env.ref("unifyx_demo.purchase_request_to_approve_demo")
        self.assertIn("pending", waiting.review_ids.mapped("status"))
        tender = self.env.ref("unifyx_demo.purchase_request_tender_demo")
        requisition = tender.line_ids.requisition_lines.requisition_id
        self.assertEqual(len(requisition), 1)
        self.assertEqual(requisition.requisition_type, "purchase_template")
        self.assertGreaterEqual(tender.estimated_cost, self.company.unifyx_tender_amount)

    def test_operator_request_to_tender_po_and_receipt(self):
        operator = self.user["wh_operator"]
        buyer = self.user["purchaser"]
        product = self.env.ref("unifyx_demo.purchase_request_draft_demo").line_ids.product_id
        seller = product.seller_ids[:1]
        qty = int(self.company.unifyx_tender_amount // seller.price) + 5
        request = (
            self.env["purchase.request"]
            .with_user(operator)
            .create(
                {
                    "description": "Large site order expected",
                    "picking_type_id": self.lyon.in_type_id.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": qty,
                                "product_uom_id": product.uom_po_id.id,
                                "date_required": fields.Date.add(fields.Date.today(), days=14),
                            }
                        )
                    ],
                }
            )
        )
        self.assertAlmostEqual(request.line_ids.estimated_cost, seller.price * qty, places=2)
        request.with_user(operator).button_to_approve()
        decide(request, self.user["purchase_manager"])
        decide(request, self.user["finance"])
        self.assertEqual(request.state, "approved")
        request.with_user(buyer).action_unifyx_create_purchases()
        tender = request.line_ids.requisition_lines.requisition_id
        self.assertTrue(tender)
        tender.with_user(buyer).action_confirm()
        with Form(self.env["purchase.order"].with_user(buyer)) as form:
            form.partner_id = seller.partner_id
            form.requisition_id = tender
        order = form.save()
        order.with_user(self.user["purchase_manager"]).button_confirm()
        if order.state != "purchase":
            # The purchase matrix's bands: the purchasing manager (and finance) approve.
            order.with_user(buyer).request_validation()
            for login in ("purchase_manager", "finance"):
                decide(order, self.user[login])
            order.with_user(buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(request.with_user(operator).unifyx_receipt_status, "waiting")
        receipt = order.picking_ids
        self.env["unifyx.demo"]._demo_receive(receipt)
        self.assertEqual(receipt.state, "done")
        self.env.invalidate_all()
        self.assertEqual(request.with_user(operator).unifyx_receipt_status, "full")
        self.assertIn(receipt, request.with_user(operator).unifyx_picking_ids)
