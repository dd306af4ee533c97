# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import decide

from .common import PricingCase, excess_discount_row


@tagged("post_install", "-at_install")
class TestDiscountAuthority(PricingCase):
    """Defaults: salesperson 5 %, sales manager 15 %, director unlimited; above
    the limit the order raises the 'excess_discount' sales exception, which a
    matrix row routes to the sales manager (or the limit blocks the order)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.excess = cls.env.ref("unifyx_pricing.exception_type_excess_discount")
        cls.row = excess_discount_row(cls.env, cls.company)
        cls.limit_salesperson = cls.env.ref("unifyx_pricing.discount_limit_salesperson")

    def test_default_limits_are_data(self):
        self.assertEqual(self.limit_salesperson.max_discount, 5)
        self.assertEqual(
            self.env.ref("unifyx_pricing.discount_limit_sales_manager").max_discount, 15
        )
        self.assertTrue(self.env.ref("unifyx_pricing.discount_limit_director").unlimited)

    def test_limit_per_role(self):
        for user, discount, excess in (
            (self.salesperson, 5, False),
            (self.salesperson, 6, True),
            (self.manager, 15, False),
            (self.manager, 16, True),
            (self.director, 60, False),
        ):
            order = self._order([(self.product, 1, {"discount": discount})], user=user)
            self.assertEqual(
                self.excess in order.unifyx_exception_type_ids, excess, (user.login, discount)
            )

    def test_line_shows_the_excess_while_quoting(self):
        order = self._order(
            [(self.product, 1, {"discount": 5}), (self.product, 1, {"discount": 7})]
        )
        within, beyond = order.order_line
        self.assertFalse(within.unifyx_discount_alert)
        self.assertEqual(beyond.unifyx_discount_alert, "approve")
        self.limit_salesperson.policy = "block"
        beyond.invalidate_recordset(["unifyx_discount_alert"])
        self.assertEqual(beyond.unifyx_discount_alert, "block")

    def test_salesperson_is_warned_when_typing_the_discount(self):
        order = self._order([(self.product, 1, {})])
        line = order.order_line.with_user(self.salesperson)
        line.discount = 4
        self.assertIsNone(line._onchange_unifyx_discount_limit())
        line.discount = 9
        warning = line._onchange_unifyx_discount_limit()["warning"]
        self.assertIn("9.00 %", warning["message"])
        self.assertIn("5.00 %", warning["message"])
        self.assertIn("need approval", warning["message"])
        self.assertEqual(warning["type"], "notification")
        # The same warning reaches the web client through the onchange.
        result = (
            self.env["sale.order.line"]
            .with_user(self.salesperson)
            .onchange(
                {
                    "order_id": order.id,
                    "product_id": self.product.id,
                    "product_uom_qty": 1,
                    "product_uom": self.product.uom_id.id,
                    "price_unit": line.price_unit,
                    "discount": 12,
                },
                ["discount"],
                {
                    "order_id": {},
                    "product_id": {},
                    "product_uom_qty": {},
                    "product_uom": {},
                    "price_unit": {},
                    "discount": {},
                },
            )
        )
        self.assertIn("12.00 %", result["warning"]["message"])

    def test_excess_discount_needs_the_sales_manager(self):
        order = self._order([(self.product, 1, {"discount": 10})])
        self.assertIn(self.excess, order.unifyx_exception_type_ids)
        self.assertIn(self.row.name, order.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).write({"state": "sale"})
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_more_discount_after_approval_needs_approval_again(self):
        order = self._order([(self.product, 1, {"discount": 10})])
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        self.assertEqual(order.validation_status, "validated")
        # Same exception, lower amount: only the discount tells it got worse.
        order.with_user(self.salesperson).write(
            {"order_line": [(1, order.order_line.id, {"discount": 30})]}
        )
        self.assertFalse(order.review_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        # A new line beyond the limit too.
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        self.env["sale.order.line"].with_user(self.salesperson).create(
            {"order_id": order.id, "product_id": self.product_b.id, "discount": 20}
        )
        self.assertFalse(order.review_ids)

    def test_manual_price_below_the_contract_counts_as_a_discount(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {})])
        line = order.order_line
        # The contract's own price is no discount of the salesperson's.
        self.assertFalse(order.unifyx_exception_type_ids)
        line.with_user(self.salesperson).price_unit = 86  # -4.4 %
        self.assertFalse(order.unifyx_exception_type_ids)
        line.with_user(self.salesperson).price_unit = 81  # -10 %
        self.assertAlmostEqual(line.unifyx_extra_discount, 10)
        self.assertIn(self.excess, order.unifyx_exception_type_ids)
        # A sales manager setting the same price covers it with their authority.
        line.with_user(self.manager).write({"price_unit": 80.9})
        self.assertEqual(line.unifyx_price_manual_user_id, self.manager)
        self.assertFalse(order.unifyx_exception_type_ids)

    def test_limit_per_category(self):
        self.env["unifyx.discount.limit"].create(
            {
                "group_id": self.env.ref("unifyx_base.group_salesperson").id,
                "categ_id": self.parent_categ.id,
                "max_discount": 12,
            }
        )
        # The Heating category and its Radiators subcategory allow 12 %.
        order = self._order(
            [(self.product, 1, {"discount": 10}), (self.boiler, 1, {"discount": 12})]
        )
        self.assertFalse(order.unifyx_exception_type_ids)
        other = self.env["product.category"].create({"name": "Other T"})
        tool = self._make_product("Tool", other)
        order = self._order([(tool, 1, {"discount": 10})])
        self.assertIn(self.excess, order.unifyx_exception_type_ids)

    def test_blocking_limit_refuses_confirmation_also_over_rpc(self):
        self.limit_salesperson.policy = "block"
        order = self._order([(self.product, 1, {"discount": 8})])
        with self.assertRaisesRegex(UserError, "more discount than allowed"):
            order.with_user(self.salesperson).action_confirm()
        with self.assertRaises(UserError):
            order.with_user(self.salesperson).write({"state": "sale"})
        # Within the limit, it confirms.
        order.order_line.with_user(self.salesperson).discount = 5
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_salesperson_cannot_raise_their_own_limit(self):
        with self.assertRaises(AccessError):
            self.limit_salesperson.with_user(self.salesperson).max_discount = 50
        with self.assertRaises(AccessError):
            self.env["unifyx.discount.limit"].with_user(self.salesperson).create(
                {
                    "group_id": self.env.ref("unifyx_base.group_salesperson").id,
                    "unlimited": True,
                }
            )
        self.limit_salesperson.with_user(self.consultant).max_discount = 7
        self.assertEqual(self.limit_salesperson.max_discount, 7)
