# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .stock_move import check_inventory_adjustment

# Editing these on a done line moves stock again (Odoo updates the quants).
DONE_LINE_FIELDS = {
    "quantity",
    "location_id",
    "location_dest_id",
    "lot_id",
    "package_id",
    "result_package_id",
    "owner_id",
    "product_id",
    "product_uom_id",
}


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        done = lines.filtered(lambda line: line.state == "done")
        check_inventory_adjustment(
            self.env, [(line.location_id, line.location_dest_id) for line in done]
        )
        return lines

    def write(self, vals):
        if DONE_LINE_FIELDS & vals.keys():
            done = self.filtered(lambda line: line.state == "done")
            check_inventory_adjustment(
                self.env, [(line.location_id, line.location_dest_id) for line in done]
            )
            res = super().write(vals)
            check_inventory_adjustment(
                self.env, [(line.location_id, line.location_dest_id) for line in done]
            )
            return res
        return super().write(vals)
