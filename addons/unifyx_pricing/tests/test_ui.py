# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, UnifyxTourCase


@tagged("post_install", "-at_install")
class TestPricingTour(RoleUsersMixin, UnifyxTourCase):
    """The records the tours name, in a company of their own (no demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        company = cls.company
        segment = cls.env["unifyx.customer.segment"].create(
            {"name": "Tour Wholesale T", "company_id": company.id}
        )
        cls.env["res.partner"].create(
            [
                {"name": "Tour Customer T", "company_id": company.id},
                {
                    "name": "Tour Wholesaler T",
                    "company_id": company.id,
                    "unifyx_customer_segment_id": segment.id,
                },
            ]
        )
        categ = cls.env["product.category"].create({"name": "Tour Switchgear T"})
        cls.env["product.product"].create(
            {
                "name": "Tour Socket T",
                "type": "consu",
                "categ_id": categ.id,
                "list_price": 10,
                "taxes_id": False,
                "company_id": company.id,
            }
        )
        # The brief's matrix row: a discount above the seller's limit goes to
        # a sales manager.
        cls.env["unifyx.approval.matrix"].create(
            {
                "name": "Excess discounts T",
                "document_type": "sale",
                "company_id": company.id,
                "exception_type_ids": [
                    Command.link(cls.env.ref("unifyx_pricing.exception_type_excess_discount").id)
                ],
                "step_ids": [
                    Command.create({"group_id": cls.env.ref("unifyx_base.group_sales_manager").id})
                ],
            }
        )

    def test_contract_entered_activated_and_quoted(self):
        self.start_tour(
            "/odoo", "unifyx_consultant_enters_contract", login=self.users["consultant"].login
        )
        contract = self.env["unifyx.price.contract"].search([("name", "=", "Tour contract")])
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.line_ids.fixed_price, 1.23)
        self.start_tour(
            "/odoo/action-unifyx_pricing.unifyx_price_contract_action/%d" % contract.id,
            "unifyx_manager_activates_contract",
            login=self.users["sales_manager"].login,
        )
        self.assertEqual(contract.state, "active")
        self.start_tour(
            "/odoo", "unifyx_salesperson_contract_price", login=self.users["salesperson"].login
        )
        line = self.env["sale.order.line"].search(
            [("unifyx_price_contract_line_id", "=", contract.line_ids.id)]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.price_unit, 1.23)
        self.assertEqual(line.unifyx_price_source, "contract")
        self.assertEqual(line.order_id.user_id, self.users["salesperson"])
        self.assertEqual(line.order_id.state, "sale")

    def test_segment_contract_and_discount_limit_through_the_screens(self):
        self.start_tour(
            "/odoo",
            "unifyx_consultant_enters_segment_contract_and_limit",
            login=self.users["consultant"].login,
        )
        contract = self.env["unifyx.price.contract"].search(
            [("name", "=", "Tour segment contract")]
        )
        self.assertEqual(contract.customer_segment_id.name, "Tour Wholesale T")
        self.assertEqual(contract.line_ids.categ_id.name, "Tour Switchgear T")
        self.assertEqual(contract.line_ids.price_type, "discount")
        self.assertEqual(contract.line_ids.discount, 10)
        limit = self.env.ref("unifyx_pricing.discount_limit_salesperson")
        self.assertEqual(limit.max_discount, 8)
        self.start_tour(
            "/odoo/action-unifyx_pricing.unifyx_price_contract_action/%d" % contract.id,
            "unifyx_manager_activates_contract",
            login=self.users["sales_manager"].login,
        )
        self.assertEqual(contract.state, "active")
        self.start_tour(
            "/odoo", "unifyx_salesperson_segment_discount", login=self.users["salesperson"].login
        )
        line = self.env["sale.order.line"].search(
            [("unifyx_price_contract_line_id", "=", contract.line_ids.id)]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.discount, 20)
        self.assertEqual(line.unifyx_discount_alert, "approve")
        order = line.order_id
        self.assertEqual(order.user_id, self.users["salesperson"])
        self.assertIn(
            self.env.ref("unifyx_pricing.exception_type_excess_discount"),
            order.unifyx_exception_type_ids,
        )
        self.assertEqual(order.state, "draft")
        # Routed: the sales manager's step waits on the order.
        self.assertIn(
            self.env.ref("unifyx_base.group_sales_manager"),
            order.review_ids.definition_id.reviewer_group_id,
        )
        self.assertFalse(order.validation_status == "validated")
