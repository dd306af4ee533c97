# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pricing rules on the models that own them, called directly: which
contract or exception line may price a quote and at what, the discount excess
on the limit model, and the resolver's "why this price"."""

from datetime import date

from odoo.tests import tagged

from ..tools.quoting import Quote, RateCache
from ..tools.resolution import LEVEL_CUSTOMER, LEVEL_EXCEPTION, LEVEL_SEGMENT
from .common import PricingCase


@tagged("post_install", "-at_install")
class TestContractLineRules(PricingCase):
    def _quote(self, product=None, partner=None, currency=None, day=None):
        product = product or self.product
        return Quote(
            partner=partner or self.customer,
            product=product,
            company=self.company,
            currency=currency or self.company.currency_id,
            day=day or self.date,
            categ_path=tuple(product.categ_id._unifyx_path()),
        )

    def test_rules_for_customer_then_segment_product_then_nearest_category(self):
        segment = self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 80}],
            segment=self.segment,
        )
        customer = self._contract(
            [
                {"categ_id": self.parent_categ.id, "price_type": "discount", "discount": 20},
                {"categ_id": self.categ.id, "price_type": "discount", "discount": 10},
                {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90},
            ],
            partner=self.customer,
        )
        # A draft contract prices nothing.
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 1}],
            partner=self.customer,
            activate=False,
        )
        found = self.env["unifyx.price.contract.line"]._unifyx_rules_for(
            {"q": self._quote()}, RateCache()
        )["q"]
        by_categ = {line.categ_id: line for line in customer.line_ids if line.categ_id}
        self.assertEqual(
            [rec for rec, _rule in found],
            [
                customer.line_ids.filtered("product_id"),
                by_categ[self.categ],
                by_categ[self.parent_categ],
                segment.line_ids,
            ],
        )
        self.assertEqual(
            [rule.level for _rec, rule in found],
            [LEVEL_CUSTOMER, LEVEL_CUSTOMER, LEVEL_CUSTOMER, LEVEL_SEGMENT],
        )
        # The other customer of the segment gets the segment's rule only.
        found = self.env["unifyx.price.contract.line"]._unifyx_rules_for(
            {"q": self._quote(partner=self.other_customer)}, RateCache()
        )["q"]
        self.assertEqual([rec for rec, _rule in found], [segment.line_ids])
        # A product of another category: no rule of these.
        other = self._make_product("Other", self.env["product.category"].create({"name": "X"}))
        self.assertFalse(
            self.env["unifyx.price.contract.line"]._unifyx_rules_for(
                {"q": self._quote(product=other)}, RateCache()
            )
        )

    def test_rule_converts_fixed_price_and_measures_units(self):
        self._usd_rate(2.0)
        contract = self._contract(
            [
                {
                    "product_id": self.product.id,
                    "price_type": "fixed",
                    "fixed_price": 240,
                    "uom_id": self.dozen.id,
                    "min_qty": 2,
                },
                {"categ_id": self.categ.id, "price_type": "discount", "discount": 10},
            ],
            partner=self.customer,
            currency_id=self.usd.id,
        )
        fixed, discount = contract.line_ids.sorted(lambda line: not line.product_id)
        rule = fixed._unifyx_rule(LEVEL_CUSTOMER, self._quote(), RateCache())
        # 240 USD at 2 USD per EUR, per dozen.
        self.assertAlmostEqual(rule.value, 120)
        self.assertEqual((rule.uom_ratio, rule.min_qty), (12.0, 2))
        self.assertEqual((rule.product_id, rule.categ_id), (self.product.id, None))
        self.assertEqual((rule.date_start, rule.date_end), (date(2026, 1, 1), date(2026, 12, 31)))
        # A percentage is no amount: not converted.
        rule = discount._unifyx_rule(LEVEL_SEGMENT, self._quote(), RateCache())
        self.assertEqual(
            (rule.value, rule.level, rule.categ_id), (10, LEVEL_SEGMENT, self.categ.id)
        )
        # A unit that cannot measure the product, another company: no rule.
        kg_product = self._make_product("Cable", self.categ)
        kg_product.write({"uom_id": self.env.ref("uom.product_uom_kgm").id})
        kg_product.uom_po_id = kg_product.uom_id
        self.assertIsNone(
            fixed._unifyx_rule(LEVEL_CUSTOMER, self._quote(product=kg_product), RateCache())
        )
        other_company = self.env["res.company"].create({"name": "Other Co T"})
        quote = self._quote()._replace(company=other_company)
        self.assertIsNone(discount._unifyx_rule(LEVEL_CUSTOMER, quote, RateCache()))

    def test_explain_hides_the_markup_from_who_may_not_see_costs(self):
        contract = self._contract(
            [{"product_id": self.product.id, "price_type": "cost_plus", "markup": 25}],
            segment=self.segment,
        )
        line = contract.line_ids
        shown = line._unifyx_explain(show_cost=True)
        self.assertIn(contract.name, shown)
        self.assertIn(self.segment.name, shown)
        self.assertIn("25", shown)
        self.assertNotIn("25", line._unifyx_explain(show_cost=False))


@tagged("post_install", "-at_install")
class TestExceptionLineRules(PricingCase):
    def _request(self, price=70, approve=True, **line):
        exception = self._exception(
            [(self.product, price, line)], expiry=date(2026, 6, 30), reason="Tender"
        )
        if approve:
            exception.with_user(self.manager).action_approve()
        return exception

    def _quote(self, partner=None, day=None):
        return Quote(
            partner=partner or self.customer,
            product=self.product,
            company=self.company,
            currency=self.company.currency_id,
            day=day or self.date,
            categ_path=tuple(self.categ._unifyx_path()),
        )

    def test_rules_for_approved_unexpired_exceptions_of_the_customer(self):
        approved = self._request(uom_id=self.dozen.id)
        self._request(price=50, approve=False)
        Line = self.env["unifyx.price.exception.line"]
        found = Line._unifyx_rules_for({"q": self._quote()}, RateCache())["q"]
        self.assertEqual([rec for rec, _rule in found], [approved.line_ids])
        rule = found[0][1]
        self.assertEqual(
            (rule.level, rule.price_type, rule.value, rule.uom_ratio, rule.date_end),
            (LEVEL_EXCEPTION, "fixed", 70, 12.0, date(2026, 6, 30)),
        )
        self.assertFalse(
            Line._unifyx_rules_for({"q": self._quote(day=date(2026, 7, 1))}, RateCache())
        )
        other = self._quote(partner=self.other_customer)
        self.assertFalse(Line._unifyx_rules_for({"q": other}, RateCache()))

    def test_explain_names_the_exception_and_its_approver(self):
        exception = self._request()
        text = exception.line_ids._unifyx_explain()
        self.assertIn(exception.name, text)
        self.assertIn(self.manager.name, text)
        self.assertIn("2026-06-30", text)


@tagged("post_install", "-at_install")
class TestDiscountLimitExcess(PricingCase):
    def test_over_limit_per_user_and_category(self):
        Limit = self.env["unifyx.discount.limit"]
        path = self.categ._unifyx_path()
        # Defaults: salesperson 5 %, sales manager 15 %, director unlimited.
        over = Limit._unifyx_over_limit(
            [
                ("within", self.company, self.salesperson, path, 5),
                ("beyond", self.company, self.salesperson, path, 6),
                ("manager", self.company, self.manager, path, 15),
                ("director", self.company, self.director, path, 90),
                ("none", self.company, self.salesperson, path, 0),
            ]
        )
        self.assertEqual(over, {"beyond": (5, "approve")})
        Limit.create(
            {
                "group_id": self.env.ref("unifyx_base.group_salesperson").id,
                "categ_id": self.parent_categ.id,
                "company_id": self.company.id,
                "max_discount": 8,
                "policy": "block",
            }
        )
        over = Limit._unifyx_over_limit(
            [
                ("beyond", self.company, self.salesperson, path, 6),
                ("far", self.company, self.salesperson, path, 9),
                ("elsewhere", self.company, self.salesperson, [], 6),
            ]
        )
        # The category's limit covers its subcategories; elsewhere the role's.
        self.assertEqual(over, {"far": (8, "block"), "elsewhere": (5, "approve")})

    def test_messages_say_the_excess_and_the_limit(self):
        Limit = self.env["unifyx.discount.limit"]
        warning = Limit._unifyx_excess_warning(self.product, 7.5, 5, "block")["warning"]
        self.assertIn("7.50", warning["message"])
        self.assertIn("5.00", warning["message"])
        self.assertIn("cannot be confirmed", warning["message"])
        order = self._order([(self.product, 1, {})])
        refusal = Limit._unifyx_confirmed_refusal(order, self.product, 7.5, 5, "approve")
        self.assertIn(order.name, refusal)
        self.assertIn("needs approval", refusal)

    def test_sale_line_is_judged_on_its_setter(self):
        order = self._order([(self.product, 1, {"discount": 10})], user=self.manager)
        line = order.order_line
        self.assertEqual(line.unifyx_price_manual_user_id, self.manager)
        Limit = self.env["unifyx.discount.limit"]
        self.assertFalse(Limit._unifyx_lines_over_limit(line))
        self.assertEqual(
            Limit._unifyx_lines_over_limit(line, self.salesperson), {line: (5, "approve")}
        )


@tagged("post_install", "-at_install")
class TestPriceResolver(PricingCase):
    def test_resolve_contract_exception_and_pricelist(self):
        contract = self._contract(
            [{"product_id": self.product.id, "price_type": "discount", "discount": 10}],
            partner=self.customer,
        )
        order = self._order([(self.product, 2, {}), (self.boiler, 1, {})])
        priced, listed = order.order_line
        Resolver = self.env["unifyx.price.resolver"]
        resolved = Resolver._resolve(order.order_line)
        self.assertNotIn(listed, resolved)
        self.assertFalse(listed.unifyx_price_contract_line_id)
        self.assertEqual(Resolver._unruled(listed), (100, 0))
        self.assertEqual(resolved[priced][1], self.env["unifyx.price.exception.line"])
        self.assertEqual(resolved[priced][0], contract.line_ids)
        # Shown as list price and discount when discounts are shown, else net.
        for shown, price_and_discount in ((True, (100, 10)), (False, (90, 0))):
            self.env["res.config.settings"].create({"group_discount_per_so_line": shown}).execute()
            self.assertEqual(
                Resolver._resolve(order.order_line)[priced][2:], price_and_discount, shown
            )
        self.assertIn(contract.name, Resolver._explain(priced))
        self.assertEqual(Resolver._extra_discount(priced), 0)
        priced.price_unit = priced.price_unit * 0.9
        self.assertAlmostEqual(Resolver._extra_discount(priced), 10)
        self.assertTrue(Resolver._is_manual(priced))
        self.assertIn(self.salesperson.name, Resolver._explain(priced.with_user(self.salesperson)))
