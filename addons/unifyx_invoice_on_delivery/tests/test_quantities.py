# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from ..tools.quantities import delivery_quantity


class TestDeliveryQuantity(BaseCase):
    def test_bills_what_the_delivery_moved(self):
        # 6 to invoice after a 2-unit credit note, the backorder moved 4.
        self.assertEqual(delivery_quantity(6, 4), 4)
        self.assertEqual(delivery_quantity(3, 5), 3)
        self.assertEqual(delivery_quantity(2, 0), 0)

    def test_credits_what_came_back(self):
        self.assertEqual(delivery_quantity(-1, -1), -1)
        self.assertEqual(delivery_quantity(-3, -1), -1)
        self.assertEqual(delivery_quantity(-1, -4), -1)

    def test_never_the_other_sign(self):
        self.assertEqual(delivery_quantity(2, -1), 0)
        self.assertEqual(delivery_quantity(-2, 3), 0)
        self.assertEqual(delivery_quantity(0, 3), 0)
