# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UnifyxStockoutEvent(models.Model):
    """A critical item out of stock in a warehouse: opened by the morning
    refresh that finds nothing on hand, closed by the first that finds stock."""

    _name = "unifyx.stockout.event"
    _description = "Stock-out of a critical item"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    product_id = fields.Many2one("product.product", required=True, index=True, ondelete="cascade")
    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    date_start = fields.Date(string="Out of stock since", required=True, index=True)
    date_end = fields.Date(string="Back in stock on", index=True)

    @api.model
    def _unifyx_track(self, companies, today):
        risks = self.env["unifyx.stock.risk"].search(
            [("company_id", "in", companies.ids), ("critical", "=", True)]
        )
        out = {(r.product_id.id, r.warehouse_id.id): r for r in risks if r.on_hand <= 0}
        open_events = self.search([("company_id", "in", companies.ids), ("date_end", "=", False)])
        still_out = set()
        for event in open_events:
            key = (event.product_id.id, event.warehouse_id.id)
            if key in out:
                still_out.add(key)
            else:
                event.date_end = today
        self.create(
            [
                {
                    "product_id": risk.product_id.id,
                    "warehouse_id": risk.warehouse_id.id,
                    "company_id": risk.company_id.id,
                    "date_start": today,
                }
                for key, risk in out.items()
                if key not in still_out
            ]
        )
