# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import UnifyxCompanyCase, decide


@tagged("post_install", "-at_install")
class TestSaleApproval(UnifyxCompanyCase):
    """Sales exceptions: the hook other addons use, shown with the exception
    the approvals addon raises itself (longer payment terms than the customer's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.terms_30 = cls.env.ref("account.account_payment_term_30days")
        cls.terms_45 = cls.env.ref("account.account_payment_term_45days")
        cls.terms_15 = cls.env.ref("account.account_payment_term_15days")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Customer T", "company_id": cls.company.id}
        )
        cls.customer.with_company(cls.company).property_payment_term_id = cls.terms_30
        cls.product = cls.env["product.product"].create(
            {"name": "Widget S", "type": "consu", "list_price": 100, "taxes_id": False}
        )
        cls.row = (
            cls.env["unifyx.approval.matrix"]
            .with_user(cls.users["consultant"])
            .create(
                {
                    "name": "Longer payment terms",
                    "document_type": "sale",
                    "company_id": cls.company.id,
                    "exception_type_ids": [
                        Command.link(
                            cls.env.ref("unifyx_approvals.exception_type_payment_terms").id
                        )
                    ],
                    "step_ids": [
                        Command.create(
                            {"group_id": cls.env.ref("unifyx_base.group_sales_manager").id}
                        )
                    ],
                }
            )
        )
        cls.salesperson = cls.users["salesperson"]
        cls.manager = cls.users["sales_manager"]

    def _order(self, terms=None):
        vals = {
            "partner_id": self.customer.id,
            "company_id": self.company.id,
            "order_line": [Command.create({"product_id": self.product.id, "product_uom_qty": 1})],
        }
        order = self.env["sale.order"].with_user(self.salesperson).create(vals)
        if terms:
            order.payment_term_id = terms
        return order

    def test_usual_terms_need_no_approval(self):
        order = self._order()
        self.assertEqual(order.payment_term_id, self.terms_30)
        self.assertFalse(order.unifyx_exception_type_ids)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_shorter_terms_are_no_exception(self):
        order = self._order(self.terms_15)
        self.assertFalse(order.unifyx_exception_type_ids)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_longer_terms_need_the_sales_manager(self):
        order = self._order(self.terms_45)
        self.assertEqual(order.unifyx_exception_type_ids.code, "payment_terms")
        self.assertIn(self.row.name, order.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            order.action_confirm()
        with self.assertRaises(ValidationError):
            order.write({"state": "sale"})
        order.request_validation()
        # The salesperson is no reviewer: the button approves nothing.
        order.with_user(self.salesperson).validate_tier()
        self.assertNotIn("approved", order.review_ids.mapped("status"))
        decide(order, self.manager)
        self.assertEqual(order.validation_status, "validated")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_new_exception_after_approval_needs_approval_again(self):
        other_row_group = self.env.ref("unifyx_base.group_sales_manager")
        self.env["unifyx.approval.matrix"].create(
            {
                "name": "Big sales",
                "document_type": "sale",
                "company_id": self.company.id,
                "amount_min": 50,
                "step_ids": [Command.create({"group_id": other_row_group.id})],
            }
        )
        order = self._order()
        order.request_validation()
        decide(order, self.manager)
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.salesperson).payment_term_id = self.terms_45
        self.assertFalse(order.review_ids, "a new exception resets the approval")
        with self.assertRaises(ValidationError):
            order.action_confirm()

    def test_sales_manager_cannot_approve_own_order(self):
        order = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "payment_term_id": self.terms_45.id,
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        order.with_user(self.manager).request_validation()
        with self.assertRaises(UserError):
            decide(order, self.manager)

    def test_sale_rows_only_take_sale_conditions(self):
        with self.assertRaises(ValidationError):
            self.env["unifyx.approval.matrix"].create(
                {
                    "name": "Wrong",
                    "document_type": "purchase",
                    "company_id": self.company.id,
                    "exception_type_ids": [
                        Command.link(
                            self.env.ref("unifyx_approvals.exception_type_payment_terms").id
                        )
                    ],
                }
            )
