# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase

from odoo.addons.unifyx_pricing.tools.resolution import (
    LEVEL_CUSTOMER,
    LEVEL_EXCEPTION,
    LEVEL_SEGMENT,
    Rule,
    price_of,
    resolve,
)

PRODUCT, CATEG, PARENT = 7, 3, 1
PATH = (CATEG, PARENT)


class TestResolution(BaseCase):
    def test_customer_before_segment_before_pricelist(self):
        seg = Rule(1, LEVEL_SEGMENT, "fixed", 8.0, product_id=PRODUCT)
        cust = Rule(2, LEVEL_CUSTOMER, "fixed", 9.0, categ_id=PARENT)
        self.assertEqual(resolve([seg, cust], PRODUCT, PATH, 1, 10, 5).rule, cust)
        self.assertEqual(resolve([seg], PRODUCT, PATH, 1, 10, 5).rule, seg)
        self.assertIsNone(resolve([seg], 99, (42,), 1, 10, 5))

    def test_approved_exception_before_contracts(self):
        cust = Rule(1, LEVEL_CUSTOMER, "fixed", 9.0, product_id=PRODUCT)
        exc = Rule(2, LEVEL_EXCEPTION, "fixed", 7.0, product_id=PRODUCT, date_end=date(2026, 6, 30))
        self.assertEqual(resolve([cust, exc], PRODUCT, PATH, 1, 10, 5, date(2026, 6, 30)).rule, exc)
        self.assertEqual(resolve([cust, exc], PRODUCT, PATH, 1, 10, 5, date(2026, 7, 1)).rule, cust)

    def test_product_over_category_nearest_category(self):
        parent = Rule(1, LEVEL_CUSTOMER, "discount", 20, categ_id=PARENT)
        categ = Rule(2, LEVEL_CUSTOMER, "discount", 10, categ_id=CATEG)
        prod = Rule(3, LEVEL_CUSTOMER, "fixed", 9.5, product_id=PRODUCT)
        self.assertEqual(resolve([parent, categ, prod], PRODUCT, PATH, 1, 10, 5).rule, prod)
        self.assertEqual(resolve([parent, categ], PRODUCT, PATH, 1, 10, 5).rule, categ)

    def test_tier_boundary(self):
        base = Rule(1, LEVEL_CUSTOMER, "fixed", 10.0, product_id=PRODUCT)
        tier = Rule(2, LEVEL_CUSTOMER, "fixed", 9.0, product_id=PRODUCT, min_qty=100)
        self.assertEqual(resolve([base, tier], PRODUCT, PATH, 99.99, 12, 5).rule, base)
        self.assertEqual(resolve([base, tier], PRODUCT, PATH, 100, 12, 5).rule, tier)

    def test_uom_box_of_12_applied_to_units(self):
        box = Rule(1, LEVEL_CUSTOMER, "fixed", 60.0, product_id=PRODUCT, min_qty=2, uom_ratio=12)
        self.assertIsNone(resolve([box], PRODUCT, PATH, 23, 10, 3))
        res = resolve([box], PRODUCT, PATH, 24, 10, 3)
        self.assertAlmostEqual(res.price, 5.0)

    def test_validity_first_and_last_day(self):
        rule = Rule(
            1,
            LEVEL_CUSTOMER,
            "fixed",
            9.0,
            product_id=PRODUCT,
            date_start=date(2026, 1, 1),
            date_end=date(2026, 12, 31),
        )
        for day, ok in (
            (date(2025, 12, 31), False),
            (date(2026, 1, 1), True),
            (date(2026, 12, 31), True),
            (date(2027, 1, 1), False),
        ):
            self.assertEqual(resolve([rule], PRODUCT, PATH, 1, 10, 5, day) is not None, ok, day)

    def test_price_types(self):
        self.assertEqual(price_of(Rule(1, 0, "discount", 15), 20.0, 8.0), (17.0, 20.0, 15))
        self.assertEqual(price_of(Rule(1, 0, "cost_plus", 25), 20.0, 8.0), (10.0, 10.0, 0.0))
        # cost-plus follows the cost
        self.assertEqual(price_of(Rule(1, 0, "cost_plus", 25), 20.0, 12.0)[0], 15.0)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.sampled_from([LEVEL_EXCEPTION, LEVEL_CUSTOMER, LEVEL_SEGMENT]),
                st.sampled_from(["fixed", "discount", "cost_plus"]),
                st.floats(0, 100),
                st.sampled_from([PRODUCT, None]),
                st.sampled_from([CATEG, PARENT, 55]),
                st.floats(0, 50),
                st.sampled_from([1.0, 12.0]),
            ),
            max_size=8,
        ),
        st.floats(0, 1000),
        st.floats(0, 500),
        st.floats(0, 500),
    )
    def test_property_chosen_price_is_allowed(self, specs, qty, list_price, cost):
        rules = [
            Rule(
                i,
                lvl,
                ptype,
                value,
                product_id=prod,
                categ_id=None if prod else categ,
                min_qty=min_qty,
                uom_ratio=ratio,
            )
            for i, (lvl, ptype, value, prod, categ, min_qty, ratio) in enumerate(specs)
        ]
        res = resolve(rules, PRODUCT, PATH, qty, list_price, cost)
        matching = [
            r
            for r in rules
            if (r.product_id == PRODUCT or r.categ_id in PATH) and qty >= r.min_qty * r.uom_ratio
        ]
        if not matching:
            self.assertIsNone(res)
            return
        self.assertIn(res.rule, matching)
        self.assertEqual(res.rule.level, min(r.level for r in matching))
        self.assertEqual(res.price, price_of(res.rule, list_price, cost)[0])
