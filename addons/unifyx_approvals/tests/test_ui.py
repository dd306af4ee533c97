# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import UnifyxTourCase


@tagged("post_install", "-at_install")
class TestSalespersonTour(UnifyxTourCase):
    def test_salesperson_quotation_tour(self):
        """A demo salesperson opens the UnifyX menus, then quotes and confirms."""
        customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        self.assertEqual(customer.user_id.login, "salesperson")
        before = self.env["sale.order"].search([("partner_id", "=", customer.id)])
        self.start_tour("/odoo", "unifyx_salesperson_quotation", login="salesperson")
        order = self.env["sale.order"].search(
            [("partner_id", "=", customer.id), ("id", "not in", before.ids)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id.login, "salesperson")
        self.assertEqual(order.company_id, self.env.ref("unifyx_demo.company_distributor_demo"))
        self.assertEqual(order.order_line.product_id.default_code, "UX-APP-00002")


@tagged("post_install", "-at_install")
class TestPurchaseApprovalTour(UnifyxTourCase):
    def test_purchase_submitted_then_approved_in_the_browser(self):
        """The brief's band 5,000-25,000: the purchaser submits, the purchasing
        manager approves with a comment and confirms."""
        self.start_tour("/odoo", "unifyx_purchaser_request_approval", login="purchaser")
        order = self.env["purchase.order"].search(
            [("user_id.login", "=", "purchaser"), ("amount_untaxed", "=", 6000)],
            order="id desc",
            limit=1,
        )
        self.assertIn(order.validation_status, ("waiting", "pending"))
        self.assertEqual(order.state, "draft")
        self.start_tour(
            "/odoo/action-purchase.purchase_rfq/%d" % order.id,
            "unifyx_manager_approve_purchase",
            login="purchase_manager",
        )
        order.invalidate_recordset()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.review_ids.done_by.login, "purchase_manager")
        self.assertEqual(order.review_ids.comment, "Agreed for the Lyon site")


@tagged("post_install", "-at_install")
class TestConsultantMatrixTour(UnifyxTourCase):
    def test_consultant_enters_a_matrix_row_in_the_browser(self):
        self.start_tour("/odoo", "unifyx_consultant_enters_matrix_row", login="consultant")
        row = self.env["unifyx.approval.matrix"].search(
            [("name", "=", "Purchases from 50,000 EUR")]
        )
        self.assertEqual((row.document_type, row.amount_min), ("purchase", 50000))
        self.assertEqual(
            row.step_ids.sorted("sequence").group_id,
            self.env.ref("unifyx_base.group_purchasing_manager")
            | self.env.ref("unifyx_base.group_director"),
        )
        # The row drives OCA's engine: one tier definition per step.
        self.assertEqual(len(row.tier_definition_ids), 2)
        self.assertEqual(row.company_id, self.env.ref("unifyx_demo.company_distributor_demo"))
