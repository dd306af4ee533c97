# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase

from ..tools import cover

TODAY = date(2026, 3, 1)


class TestCover(BaseCase):
    def test_days_of_cover(self):
        self.assertEqual(cover.days_of_cover(100, 2), 50)
        self.assertEqual(cover.days_of_cover(-5, 2), 0)
        self.assertEqual(cover.days_of_cover(10, 0), cover.NO_DEMAND_COVER)

    def test_stockout_and_arrival(self):
        self.assertEqual(cover.stockout_date(TODAY, 50), date(2026, 4, 20))
        self.assertIsNone(cover.stockout_date(TODAY, cover.NO_DEMAND_COVER))
        self.assertEqual(cover.reorder_arrival(TODAY, 60, 5), date(2026, 5, 5))

    def test_at_risk(self):
        # Runs out on day 50, a reorder arrives on day 65: too late.
        self.assertTrue(cover.at_risk(TODAY, 50, 60, 5))
        # Runs out on day 60, a reorder arrives on day 30: in time.
        self.assertFalse(cover.at_risk(TODAY, 60, 30, 0))
        # Runs out the day the reorder arrives: in time.
        self.assertFalse(cover.at_risk(TODAY, 14, 14, 0))
        self.assertFalse(cover.at_risk(TODAY, cover.NO_DEMAND_COVER, 365, 0))

    def test_overstock(self):
        # 500 on hand, 2 a day, 180 days of cover allowed: 140 too many.
        self.assertEqual(cover.overstock_quantity(500, 2, 180, 0), 140)
        # The replenishment maximum (300) is the larger excess (200).
        self.assertEqual(cover.overstock_quantity(500, 2, 180, 300), 200)
        self.assertEqual(cover.overstock_quantity(100, 2, 180, 0), 0)
        self.assertEqual(cover.overstock_quantity(100, 2, 0, 0), 0)
