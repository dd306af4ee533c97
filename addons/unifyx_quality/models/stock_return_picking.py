# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    unifyx_inspection_id = fields.Many2one("qc.inspection", readonly=True)

    def _prepare_picking_default_values(self):
        vals = super()._prepare_picking_default_values()
        inspection = self.unifyx_inspection_id.sudo()
        move = inspection and inspection._unifyx_move()
        # A rejected quantity leaves from where its inspection holds it, only
        # for the receipt that brought it (never another picking's return).
        if move and move._unifyx_vendor_receipt_move().picking_id == self.picking_id:
            vals["location_id"] = move.location_dest_id.id
        return vals
