# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockWarehouseOrderpoint(models.Model):
    """The replenishment screen shows the stock-out risk of its lines."""

    _inherit = "stock.warehouse.orderpoint"

    unifyx_cover_days = fields.Float(
        compute="_compute_unifyx_risk", string="Days of cover", digits=(16, 1)
    )
    unifyx_stockout_date = fields.Date(compute="_compute_unifyx_risk", string="Forecast stock-out")
    unifyx_at_risk = fields.Boolean(compute="_compute_unifyx_risk", string="Stock-out risk")
    unifyx_critical = fields.Boolean(compute="_compute_unifyx_risk", string="Critical")

    def _compute_unifyx_risk(self):
        # One search for the whole screen, not one per line.
        risks = self.env["unifyx.stock.risk"].search(
            [
                ("product_id", "in", self.product_id.ids),
                ("warehouse_id", "in", self.warehouse_id.ids),
            ]
        )
        by_key = {(r.product_id.id, r.warehouse_id.id): r for r in risks}
        for orderpoint in self:
            risk = by_key.get((orderpoint.product_id.id, orderpoint.warehouse_id.id))
            orderpoint.unifyx_cover_days = risk.cover_days if risk else 0.0
            orderpoint.unifyx_stockout_date = risk.stockout_date if risk else False
            orderpoint.unifyx_at_risk = bool(risk and risk.at_risk)
            orderpoint.unifyx_critical = bool(risk and risk.critical)
