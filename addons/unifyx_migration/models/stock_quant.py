# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def _get_inventory_move_values(
        self, qty, location_id, location_dest_id, package_id=False, package_dest_id=False
    ):
        """Opening stock: value the incoming inventory move at the file's unit cost.

        The migration passes ``unifyx_migration_unit_costs`` ({quant id: unit cost}); Odoo
        then values the move (layer, journal entry, AVCO average) at that cost.
        """
        values = super()._get_inventory_move_values(
            qty, location_id, location_dest_id, package_id, package_dest_id
        )
        costs = self.env.context.get("unifyx_migration_unit_costs") or {}
        if self.id in costs and location_dest_id == self.location_id:
            values["price_unit"] = costs[self.id]
        return values
