# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import models

# {quant id: unit cost} of the opening stock being loaded, set only by the
# migration's own load: a context key would not do, RPC callers choose their
# context (and its shape).
_OPENING_COSTS = ContextVar("unifyx_migration_opening_costs", default=None)


@contextmanager
def opening_stock_costs(costs):
    token = _OPENING_COSTS.set({int(k): float(v) for k, v in costs.items()})
    try:
        yield
    finally:
        _OPENING_COSTS.reset(token)


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def _get_inventory_move_values(
        self, qty, location_id, location_dest_id, package_id=False, package_dest_id=False
    ):
        """Opening stock: value the incoming inventory move at the file's unit cost.

        Odoo then values the move through its own valuation (layer, journal entry,
        AVCO average, FIFO layer) at that cost; standard-cost products were given
        it as their standard price before (see the loader)."""
        values = super()._get_inventory_move_values(
            qty, location_id, location_dest_id, package_id, package_dest_id
        )
        costs = _OPENING_COSTS.get()
        if costs and self.id in costs and location_dest_id == self.location_id:
            values["price_unit"] = costs[self.id]
        return values
