# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import decide, matrix_row

from .common import MarginCase


@tagged("post_install", "-at_install")
class TestMarginFloor(MarginCase):
    """AVCO product costing 12; sold at 13 its margin is 7.7 %."""

    def _row(self, code, group_xmlid):
        """A sale matrix row for the exception ``code``, approved by ``group_xmlid``,
        created by the consultant who sets the matrix up."""
        exception = self.env.ref("unifyx_margin.exception_type_%s" % code)
        return matrix_row(
            self.env(user=self.users["consultant"]),
            self.company,
            group_xmlid,
            document_type="sale",
            name="Margin %s" % code,
            exception_type_ids=[Command.link(exception.id)],
        )

    def test_most_specific_floor_wins(self):
        order = self.order([(self.product_avco, 1, 13.0, 0.0)])
        line = order.order_line
        self.assertFalse(line.unifyx_floor_id)
        company = self.floor(10)
        parent = self.floor(11, categ_id=self.categ_avco.parent_id.id)
        category = self.floor(12, categ_id=self.categ_avco.id)
        segment = self.floor(14, customer_segment_id=self.segment.id)
        customer = self.floor(16, partner_id=self.customer.id)
        for floor, label in (
            (customer, "Customer"),
            (segment, "Customer segment"),
            (category, "Product category"),
            (parent, "Product category"),
            (company, "Company default"),
        ):
            order._unifyx_refresh_margin()
            self.assertEqual(line.unifyx_floor_id, floor)
            self.assertTrue(line.unifyx_below_floor)
            self.assertIn("%.1f %%" % floor.min_margin_percent, line.unifyx_floor_message)
            self.assertIn(label, line.unifyx_floor_message)
            floor.active = False
        order._unifyx_refresh_margin()
        self.assertFalse(line.unifyx_floor_id)
        self.assertFalse(line.unifyx_below_floor)

    def test_one_scope_per_floor(self):
        with self.assertRaises(ValidationError):
            self.floor(10, partner_id=self.customer.id, categ_id=self.categ_avco.id)

    def test_warn_confirms_with_a_flag(self):
        self.floor(10)
        order = self.order([(self.product_avco, 1, 13.0, 0.0), (self.product_avco, 1, 20.0, 0.0)])
        low, high = order.order_line
        self.assertTrue(low.unifyx_below_floor)
        self.assertFalse(high.unifyx_below_floor)
        self.assertTrue(order.unifyx_below_floor)
        self.assertFalse(order.unifyx_exception_type_ids)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_approve_goes_to_the_sales_manager_and_alerts(self):
        self._row("below_margin", "unifyx_base.group_sales_manager")
        self.floor(10, policy="approve")
        order = self.order([(self.product_avco, 1, 13.0, 0.0)])
        self.assertEqual(order.unifyx_exception_type_ids.mapped("code"), ["below_margin"])
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(
            order.review_ids.definition_id.reviewer_group_id,
            self.env.ref("unifyx_base.group_sales_manager"),
        )
        # Costs are hidden from salespeople (MarginCase): the note, read by whoever
        # reads the order, names the lines and their floor, not their margin.
        request = order.message_ids.filtered(lambda m: "below their margin floor" in (m.body or ""))
        self.assertIn("10.0 %", request.body)
        self.assertNotIn("7.7 %", request.body)
        self.assertIn(self.product_avco.display_name, request.body)
        decide(order, self.manager)
        # Approved, then the margin gets worse: approval again.
        order.order_line.with_user(self.salesperson).price_unit = 12.5
        self.assertFalse(order.review_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        # A better price needs no new approval.
        order.order_line.with_user(self.salesperson).price_unit = 13.0
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.unifyx_margin_alert, "approved")
        alert = order.message_ids.filtered(lambda m: "below its margin floor" in (m.body or ""))
        self.assertIn(self.manager.partner_id, alert.partner_ids)
        self.assertIn("10.0 %", alert.body)

    def test_below_cost_goes_to_finance_too(self):
        self._row("below_margin", "unifyx_base.group_sales_manager")
        self._row("below_cost", "unifyx_base.group_finance")
        self.floor(10, policy="approve")
        order = self.order([(self.product_avco, 1, 11.0, 0.0)])
        self.assertEqual(
            sorted(order.unifyx_exception_type_ids.mapped("code")), ["below_cost", "below_margin"]
        )
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(
            order.review_ids.definition_id.reviewer_group_id,
            self.env.ref("unifyx_base.group_sales_manager")
            | self.env.ref("unifyx_base.group_finance"),
        )

    def test_block_refuses_confirmation_even_by_rpc(self):
        self.floor(10, policy="block")
        order = self.order([(self.product_avco, 2, 13.0, 0.0)])
        as_salesperson = order.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "blocking margin floor"):
            as_salesperson.action_confirm()
        with self.assertRaises(UserError):
            as_salesperson.write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        # The cost went down since the quote: re-checked at confirmation.
        self.product_avco.with_company(self.company).standard_price = 11.0
        as_salesperson.action_confirm()
        self.assertEqual(order.state, "sale")
        # Before delivery, a lower price is checked again.
        with self.assertRaises(UserError):
            as_salesperson.order_line.write({"discount": 20.0})
        as_salesperson.order_line.write({"price_unit": 14.0})

    def test_floor_rights(self):
        with self.assertRaises(AccessError):
            self.floor(10).with_user(self.salesperson).write({"min_margin_percent": 1})
        with self.assertRaises(AccessError):
            self.env["unifyx.margin.floor"].with_user(self.salesperson).create(
                {"company_id": self.company.id, "min_margin_percent": 1}
            )
        for role in ("finance", "consultant"):
            self.env["unifyx.margin.floor"].with_user(self.users[role]).create(
                {"company_id": self.company.id, "min_margin_percent": 1}
            )
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.env["unifyx.margin.floor"].create(
            {"company_id": other.id, "min_margin_percent": 50}
        )
        visible = self.env["unifyx.margin.floor"].with_user(self.manager).search([])
        self.assertNotIn(foreign, visible)

    def test_salesperson_sees_no_cost_nor_margin(self):
        order = self.order([(self.product_avco, 1, 16.0, 0.0)])
        line = order.order_line.with_user(self.salesperson)
        line.invalidate_recordset()
        # A margin % with the price gives the cost (test_cost_visibility).
        for fname in (
            "unifyx_expected_unit_cost",
            "unifyx_expected_margin",
            "unifyx_expected_margin_percent",
            "purchase_price",
        ):
            with self.assertRaises(AccessError, msg=fname):
                line.read([fname])
        manager_line = order.order_line.with_user(self.manager)
        self.assertAlmostEqual(
            manager_line.read(["unifyx_expected_margin"])[0]["unifyx_expected_margin"], 4.0
        )
        self.assertAlmostEqual(manager_line.unifyx_expected_margin_percent, 0.25)

    def test_drift_alert_and_daily_digest(self):
        self.floor(10)
        self.receive(self.product_avco, 10, 12.0)
        order = self.order([(self.product_avco, 5, 16.0, 0.0)])
        order.action_confirm()
        self.assertFalse(order.unifyx_margin_alert)
        # Freight validated after the sale eats the margin.
        self.env["unifyx.margin.freight.rate"].create(
            {"company_id": self.company.id, "rate_type": "percent", "rate": 20.0}
        )
        self.deliver(order, None)
        self.assertTrue(order.unifyx_real_below_floor)
        mails = self.env["sale.order"]._cron_unifyx_margin_digest()
        self.assertEqual(order.unifyx_margin_alert, "drift")
        mail = mails.filtered(lambda m: order.name in m.body_html)
        self.assertIn(self.manager.partner_id, mail.recipient_ids)
        self.assertNotIn(self.salesperson.partner_id, mail.recipient_ids)
