# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, UnifyxTourCase, enable_features

from .common import excess_discount_row


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
        excess_discount_row(cls.env, company)
        # The discount column of the order lines (Settings > Discounts).
        enable_features(cls.env, "sale.group_discount_per_so_line")

    def _activate_as_sales_manager(self, contract):
        self.start_tour(
            "/odoo/action-unifyx_pricing.unifyx_price_contract_action/%d" % contract.id,
            "unifyx_manager_activates_contract",
            login=self.users["sales_manager"].login,
        )
        self.assertEqual(contract.state, "active")

    def _quoted_line(self, tour, contract):
        """The one sale line the salesperson's tour priced by ``contract``."""
        self.start_tour("/odoo", tour, login=self.users["salesperson"].login)
        line = self.env["sale.order.line"].search(
            [("unifyx_price_contract_line_id", "=", contract.line_ids.id)]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.order_id.user_id, self.users["salesperson"])
        return line

    def test_contract_entered_activated_and_quoted(self):
        self.start_tour(
            "/odoo", "unifyx_consultant_enters_contract", login=self.users["consultant"].login
        )
        contract = self.env["unifyx.price.contract"].search([("name", "=", "Tour contract")])
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.line_ids.fixed_price, 1.23)
        self._activate_as_sales_manager(contract)
        line = self._quoted_line("unifyx_salesperson_contract_price", contract)
        self.assertEqual(line.price_unit, 1.23)
        self.assertEqual(line.unifyx_price_source, "contract")
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
        self._activate_as_sales_manager(contract)
        line = self._quoted_line("unifyx_salesperson_segment_discount", contract)
        self.assertEqual(line.discount, 20)
        self.assertEqual(line.unifyx_discount_alert, "approve")
        order = line.order_id
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
