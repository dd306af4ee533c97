# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import tagged

from .common import MarginCase

# More delivered lines than the ORM recomputes at a time (PREFETCH_MAX, 1,000).
LINES = 1010


@tagged("post_install", "-at_install")
class TestMarginBatching(MarginCase):
    def _spy(self, model, method):
        """Patch ``model``'s ``method`` so that its calls are counted; it still runs."""
        cls = type(self.env[model])
        return patch.object(cls, method, autospec=True, side_effect=getattr(cls, method))

    def test_landed_cost_reads_the_adjustments_once_for_every_line(self):
        """A landed cost over the receipt of more than 1,000 delivered lines
        reads the cost adjustments (landed costs, vendor price differences) and
        spreads them over the deliveries once, not once per 1,000 lines."""
        receipt = self.receive(self.product_avco, LINES + 10, 10.0)
        order = self.order([(self.product_avco, 1, 20.0, 0.0)] * LINES)
        order.action_confirm()
        self.deliver(order, None)
        lines = order.order_line
        self.assertEqual(set(lines.mapped("unifyx_delivered_cost")), {10.0})

        with (
            self._spy("stock.landed.cost", "_unifyx_adjustments") as landed,
            self._spy("account.move.line", "_unifyx_price_adjustments") as bills,
            self._spy("stock.valuation.layer", "_unifyx_adjustments_after_delivery") as spread,
        ):
            # 2 a unit: 20 for the 10 units in stock, 2 for each unit delivered.
            cost = self.landed_cost(receipt, 2.0 * (LINES + 10))
        self.assertEqual(cost.stock_valuation_layer_ids.value, 20.0)
        self.assertEqual(
            (landed.call_count, bills.call_count, spread.call_count),
            (1, 1, 1),
            "the adjustments of all the lines are read in one go",
        )
        # Every line took its share, and the order total follows.
        self.assertEqual(set(lines.mapped("unifyx_landed_cost")), {2.0})
        self.assertAlmostEqual(order.unifyx_real_margin, LINES * (20.0 - 10.0 - 2.0))
