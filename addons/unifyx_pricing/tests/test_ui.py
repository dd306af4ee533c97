# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import UnifyxTourCase


@tagged("post_install", "-at_install")
class TestPricingTour(UnifyxTourCase):
    def test_contract_entered_activated_and_quoted(self):
        self.start_tour("/odoo", "unifyx_consultant_enters_contract", login="consultant")
        contract = self.env["unifyx.price.contract"].search([("name", "=", "Tour contract")])
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.line_ids.fixed_price, 1.23)
        self.start_tour(
            "/odoo/action-unifyx_pricing.unifyx_price_contract_action/%d" % contract.id,
            "unifyx_manager_activates_contract",
            login="sales_manager",
        )
        self.assertEqual(contract.state, "active")
        self.start_tour("/odoo", "unifyx_salesperson_contract_price", login="salesperson")
        line = self.env["sale.order.line"].search(
            [("unifyx_price_contract_line_id", "=", contract.line_ids.id)]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.price_unit, 1.23)
        self.assertEqual(line.unifyx_price_source, "contract")
        self.assertEqual(line.order_id.user_id.login, "salesperson")
        self.assertEqual(line.order_id.state, "sale")

    def test_segment_contract_and_discount_limit_through_the_screens(self):
        self.start_tour(
            "/odoo", "unifyx_consultant_enters_segment_contract_and_limit", login="consultant"
        )
        contract = self.env["unifyx.price.contract"].search(
            [("name", "=", "Tour segment contract")]
        )
        self.assertEqual(contract.customer_segment_id.name, "Wholesale")
        self.assertEqual(contract.line_ids.categ_id.name, "Switchgear")
        self.assertEqual(contract.line_ids.price_type, "discount")
        self.assertEqual(contract.line_ids.discount, 10)
        limit = self.env.ref("unifyx_pricing.discount_limit_salesperson")
        self.assertEqual(limit.max_discount, 8)
        self.start_tour(
            "/odoo/action-unifyx_pricing.unifyx_price_contract_action/%d" % contract.id,
            "unifyx_manager_activates_contract",
            login="sales_manager",
        )
        self.assertEqual(contract.state, "active")
        self.start_tour("/odoo", "unifyx_salesperson_segment_discount", login="salesperson")
        line = self.env["sale.order.line"].search(
            [("unifyx_price_contract_line_id", "=", contract.line_ids.id)]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.discount, 20)
        self.assertEqual(line.unifyx_discount_alert, "approve")
        order = line.order_id
        self.assertEqual(order.user_id.login, "salesperson")
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
