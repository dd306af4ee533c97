# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL


class UnifyxStockKpi(models.Model):
    """The month's stock KPIs per company: stock-outs of critical items (events
    and days out of stock, from the stock-out events) and overstock (from the
    latest refresh of the month). Stored, so that a month keeps its figures."""

    _name = "unifyx.stock.kpi"
    _description = "Stock KPIs of a month"
    _order = "month desc, company_id"

    company_id = fields.Many2one("res.company", required=True, index=True)
    month = fields.Date(required=True, index=True, help="The first day of the month.")
    stockout_events = fields.Integer(
        string="Critical stock-outs", help="Stock-outs of critical items that began this month."
    )
    stockout_days = fields.Integer(
        string="Days out of stock",
        help="Days a critical item was out of stock in a warehouse this month, summed "
        "over items and warehouses.",
    )
    overstock_count = fields.Integer(string="Overstocked items")
    overstock_value = fields.Monetary(
        currency_field="currency_id", groups="product_cost_security.group_product_cost"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        ("company_month_uniq", "UNIQUE(company_id, month)", "One row per company and month."),
    ]

    @api.model
    def _unifyx_stockout_figures(self, companies, month_start, today):
        """{company id: (events, days)} of the month, one SQL query: the days of
        each event that fall within the month (up to today for open ones)."""
        month_end = month_start + relativedelta(months=1)
        self.env["unifyx.stockout.event"].flush_model()
        self.env.cr.execute(
            SQL(
                """
            SELECT company_id,
                   COUNT(*) FILTER (WHERE date_start >= %(start)s),
                   COALESCE(SUM(LEAST(COALESCE(date_end, %(today)s + 1), %(end)s)
                                - GREATEST(date_start, %(start)s)), 0)
              FROM unifyx_stockout_event
             WHERE company_id = ANY(%(companies)s)
               AND date_start < %(end)s
               AND (date_end IS NULL OR date_end > %(start)s)
          GROUP BY company_id
            """,
                start=month_start,
                end=month_end,
                today=today,
                companies=companies.ids,
            )
        )
        return {row[0]: (row[1], row[2]) for row in self.env.cr.fetchall()}

    @api.model
    def _unifyx_snapshot(self, companies, today):
        month = today.replace(day=1)
        stockouts = self._unifyx_stockout_figures(companies, month, today)
        overstock = {
            company.id: (count, value)
            for company, count, value in self.env["unifyx.stock.risk"]._read_group(
                [("company_id", "in", companies.ids), ("overstock_qty", ">", 0)],
                ["company_id"],
                ["__count", "overstock_value:sum"],
            )
        }
        rows = {
            r.company_id.id: r
            for r in self.search([("company_id", "in", companies.ids), ("month", "=", month)])
        }
        for company in companies:
            events, days = stockouts.get(company.id, (0, 0))
            count, value = overstock.get(company.id, (0, 0.0))
            vals = {
                "stockout_events": events,
                "stockout_days": days,
                "overstock_count": count,
                "overstock_value": value,
            }
            if company.id in rows:
                rows[company.id].write(vals)
            else:
                self.create(dict(vals, company_id=company.id, month=month))
