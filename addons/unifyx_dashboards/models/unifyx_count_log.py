# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.kpi import query, ratio


class UnifyxCountLog(models.Model):
    """One counted line, as applied: Odoo keeps no trace of a count that found
    no difference, and the discrepancy rate needs them all."""

    _name = "unifyx.count.log"
    _description = "Counted Line"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    location_id = fields.Many2one("stock.location", required=True)
    product_id = fields.Many2one("product.product", required=True)
    lot_id = fields.Many2one("stock.lot")
    user_id = fields.Many2one("res.users", string="Counted By")
    system_qty = fields.Float(string="System Quantity", digits="Product Unit of Measure")
    counted_qty = fields.Float(string="Counted Quantity", digits="Product Unit of Measure")
    difference = fields.Float(digits="Product Unit of Measure")
    currency_id = fields.Many2one(related="company_id.currency_id")
    value_difference = fields.Monetary(
        string="Value of the Difference", help="Difference times the product's cost at the count."
    )
    has_difference = fields.Boolean(index=True)

    # ----------------------------------------------------- KPIs (registry)
    @api.model
    def _unifyx_kpi_discrepancy_count(self, period):
        ((lines, differing),) = query(
            self.env,
            """
            SELECT count(*), count(*) FILTER (WHERE has_difference)
              FROM unifyx_count_log
             WHERE company_id = %(company)s AND date >= %(start)s AND date < %(end)s
            """,
            period.params,
        )
        return [ratio(differing, lines)]

    @api.model
    def _unifyx_kpi_discrepancy_value(self, period):
        ((value,),) = query(
            self.env,
            """
            SELECT COALESCE(sum(abs(value_difference)), 0)
              FROM unifyx_count_log
             WHERE company_id = %(company)s AND date >= %(start)s AND date < %(end)s
            """,
            period.params,
        )
        stock = self.env["stock.valuation.layer"]._unifyx_stock_value(period.company, period.end)
        return [ratio(value, stock)]

    @api.model
    def _unifyx_kpi_discrepancy_count_domain(self, value):
        return value._kpi_period().domain("date")

    @api.model
    def _unifyx_kpi_discrepancy_value_domain(self, value):
        return self._unifyx_kpi_discrepancy_count_domain(value)
