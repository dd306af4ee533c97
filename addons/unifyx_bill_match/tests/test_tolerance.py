# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from ..tools.tolerance import PRICE, QUANTITY, LineGap, Tolerance, bill_reasons

TOLERANCE = Tolerance(
    price_percent=2.0, price_amount=50.0, quantity_percent=0.0, total_amount=100.0
)


class TestTolerance(BaseCase):
    def test_exact_line(self):
        gap = LineGap(ordered_price=10.0, billed_price=10.0, billed_qty=10, billable_qty=10)
        self.assertEqual(gap.price_gap, 0.0)
        self.assertEqual(gap.quantity_gap, 0.0)
        self.assertEqual(gap.reasons(TOLERANCE), set())

    def test_price_within_and_beyond(self):
        # 10.15 for 10.00: 1.5 %, 1.50 on 10 units: within 2 % and 50.00.
        within = LineGap(ordered_price=10.0, billed_price=10.15, billed_qty=10, billable_qty=10)
        self.assertAlmostEqual(within.price_gap_percent, 1.5)
        self.assertAlmostEqual(within.price_gap_amount, 1.5)
        self.assertEqual(within.reasons(TOLERANCE), set())
        # 12.00 for 10.00: 20 %.
        beyond = LineGap(ordered_price=10.0, billed_price=12.0, billed_qty=10, billable_qty=10)
        self.assertAlmostEqual(beyond.price_gap_percent, 20.0)
        self.assertAlmostEqual(beyond.price_gap_amount, 20.0)
        self.assertEqual(beyond.reasons(TOLERANCE), {PRICE})
        # 1.5 % on 4,000 units: 60.00, beyond the amount though within the percentage.
        big = LineGap(ordered_price=1.0, billed_price=1.015, billed_qty=4000, billable_qty=4000)
        self.assertAlmostEqual(big.price_gap_amount, 60.0)
        self.assertEqual(big.reasons(TOLERANCE), {PRICE})

    def test_lower_price_or_quantity_is_no_gap(self):
        gap = LineGap(ordered_price=10.0, billed_price=9.0, billed_qty=4, billable_qty=10)
        self.assertEqual((gap.price_gap, gap.quantity_gap), (0.0, 0.0))
        self.assertEqual(gap.reasons(TOLERANCE), set())

    def test_quantity_above_received(self):
        gap = LineGap(ordered_price=10.0, billed_price=10.0, billed_qty=10, billable_qty=6)
        self.assertAlmostEqual(gap.quantity_gap, 4.0)
        self.assertAlmostEqual(gap.quantity_gap_percent, 100.0 * 4 / 6)
        self.assertAlmostEqual(gap.quantity_gap_amount, 40.0)
        self.assertEqual(gap.reasons(TOLERANCE), {QUANTITY})
        loose = Tolerance(quantity_percent=70.0)
        self.assertEqual(gap.reasons(loose), set())
        # Nothing left to bill: all of it is a gap.
        none_left = LineGap(ordered_price=10.0, billed_price=10.0, billed_qty=2, billable_qty=0)
        self.assertEqual(none_left.quantity_gap_percent, 100.0)

    def test_total_tolerance(self):
        # Two lines each within their own tolerance (1.5 %, 45.00) add up to 90.00:
        # within 100.00; a third makes 135.00 and every line with a gap shows it.
        line = LineGap(ordered_price=10.0, billed_price=10.15, billed_qty=300, billable_qty=300)
        self.assertAlmostEqual(line.price_gap_amount, 45.0)
        exact = LineGap(ordered_price=5.0, billed_price=5.0, billed_qty=1, billable_qty=1)
        self.assertEqual(bill_reasons([line, line, exact], TOLERANCE), [set(), set(), set()])
        self.assertEqual(
            bill_reasons([line, line, line, exact], TOLERANCE),
            [{PRICE}, {PRICE}, {PRICE}, set()],
        )
