# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from ..tools.margin import (
    allocate_proportionally,
    below_floor,
    fifo_unit_cost,
    freight_amount,
    margin_percent,
    most_specific,
)


class TestMarginTools(BaseCase):
    def test_fifo_unit_cost(self):
        layers = [(10, 100.0), (10, 130.0)]
        self.assertAlmostEqual(fifo_unit_cost(layers, 15, 99), 11.0)
        self.assertAlmostEqual(fifo_unit_cost(layers, 5, 99), 10.0)
        # Beyond the stock, the product's current cost.
        self.assertAlmostEqual(fifo_unit_cost(layers, 25, 20), (230 + 100) / 25)
        self.assertAlmostEqual(fifo_unit_cost(layers, 0, 99), 10.0)
        self.assertAlmostEqual(fifo_unit_cost([], 3, 7.5), 7.5)

    def test_freight_and_percent(self):
        self.assertAlmostEqual(freight_amount("percent", 2, 270, 15), 5.4)
        self.assertAlmostEqual(freight_amount("per_unit", 0.5, 270, 15), 7.5)
        self.assertEqual(margin_percent(5, 0), 0.0)
        self.assertAlmostEqual(margin_percent(25, 100), 0.25)

    def test_below_floor(self):
        self.assertTrue(below_floor(9, 100, 10))
        self.assertFalse(below_floor(10, 100, 10))
        self.assertTrue(below_floor(-1, 0, 10))
        self.assertFalse(below_floor(0, 0, 10))

    def test_most_specific(self):
        candidates = [
            ("company", 0, 9, "company"),
            ("category", 1, 8, "parent category"),
            ("category", 2, 7, "child category"),
        ]
        self.assertEqual(most_specific(candidates), "child category")
        self.assertEqual(most_specific(candidates + [("segment", 0, 1, "segment")]), "segment")
        self.assertEqual(
            most_specific(candidates + [("segment", 0, 1, "s"), ("customer", 0, 2, "c")]), "c"
        )
        self.assertIsNone(most_specific([]))

    def test_allocate(self):
        self.assertEqual(allocate_proportionally(12, {1: 6, 2: 2}), {1: 9.0, 2: 3.0})
        self.assertEqual(allocate_proportionally(12, {}), {})
