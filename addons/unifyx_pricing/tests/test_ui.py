# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxTourCase


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
