# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The approvals' browser tours, as fresh users per role in a company of the
test's own, on records the test creates (no demo data needed): the names the
tours type (static/tests/tours/) exist only in this company."""

from odoo.tests import tagged

from .common import RoleUsersMixin, UnifyxTourCase, matrix_row

CUSTOMER = "UX Tour Customer Lyon"
VENDOR = "UX Tour Vendor Rhône"
PRODUCT = "UX Tour Socket 2P+T"


class UnifyxApprovalsTourCase(RoleUsersMixin, UnifyxTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.product = cls.env["product.product"].create(
            {
                "name": PRODUCT,
                "default_code": "UX-TOUR-0001",
                "type": "consu",
                "list_price": 12.34,
                "standard_price": 20.0,
                "purchase_ok": True,
                "sale_ok": True,
                "company_id": cls.company.id,
            }
        )

    def tour(self, url, tour, role):
        self.start_tour(url, tour, login=self.users[role].login)


@tagged("post_install", "-at_install")
class TestSalespersonTour(UnifyxApprovalsTourCase):
    def test_salesperson_quotation_tour(self):
        """A salesperson opens the UnifyX menus, then quotes and confirms."""
        salesperson = self.users["salesperson"]
        customer = self.env["res.partner"].create(
            {
                "name": CUSTOMER,
                "company_id": self.company.id,
                "customer_rank": 1,
                "user_id": salesperson.id,
            }
        )
        self.tour("/odoo", "unifyx_salesperson_quotation", "salesperson")
        order = self.env["sale.order"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id, salesperson)
        self.assertEqual(order.company_id, self.company)
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertEqual(order.order_line.product_uom_qty, 2)


@tagged("post_install", "-at_install")
class TestPurchaseApprovalTour(UnifyxApprovalsTourCase):
    def test_purchase_submitted_then_approved_in_the_browser(self):
        """The brief's band 5,000-25,000: the purchaser submits, the purchasing
        manager approves with a comment and confirms."""
        matrix_row(
            self.env,
            self.company,
            "unifyx_base.group_purchasing_manager",
            name="Purchases 5,000 to 25,000",
            amount_min=5000,
            amount_max=25000,
        )
        vendor = self.env["res.partner"].create(
            {"name": VENDOR, "company_id": self.company.id, "supplier_rank": 1}
        )
        self.tour("/odoo", "unifyx_purchaser_request_approval", "purchaser")
        order = self.env["purchase.order"].search([("partner_id", "=", vendor.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual((order.user_id, order.amount_untaxed), (self.users["purchaser"], 6000))
        self.assertIn(order.validation_status, ("waiting", "pending"))
        self.assertEqual(order.state, "draft")
        self.tour(
            "/odoo/action-purchase.purchase_rfq/%d" % order.id,
            "unifyx_manager_approve_purchase",
            "purchasing_manager",
        )
        order.invalidate_recordset()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.review_ids.done_by, self.users["purchasing_manager"])
        self.assertEqual(order.review_ids.comment, "Agreed for the Lyon site")


@tagged("post_install", "-at_install")
class TestConsultantMatrixTour(UnifyxApprovalsTourCase):
    def test_consultant_enters_a_matrix_row_in_the_browser(self):
        self.tour("/odoo", "unifyx_consultant_enters_matrix_row", "consultant")
        row = self.env["unifyx.approval.matrix"].search(
            [("name", "=", "Purchases from 50,000 EUR"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual((row.document_type, row.amount_min), ("purchase", 50000))
        self.assertEqual(
            row.step_ids.sorted("sequence").group_id,
            self.env.ref("unifyx_base.group_purchasing_manager")
            | self.env.ref("unifyx_base.group_director"),
        )
        # The row drives OCA's engine: one tier definition per step.
        self.assertEqual(len(row.tier_definition_ids), 2)
