# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The KPIs measured on deliveries (``unifyx.kpi.value``'s registry)."""

from odoo import api, models

from ..tools.kpi import measure, query, ratio


class StockPicking(models.Model):
    _inherit = "stock.picking"

    @api.model
    def _unifyx_kpi_on_time_delivery(self, period):
        # Promised: the order's commitment date, else the delivery's deadline,
        # else the date it was scheduled for when the order was confirmed.
        ((total, on_time),) = query(
            self.env,
            """
            SELECT count(*),
                   count(*) FILTER (WHERE sp.date_done::date <= COALESCE(
                       so.commitment_date, sp.date_deadline, sp.scheduled_date)::date)
              FROM stock_picking sp
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
              JOIN sale_order so ON so.id = sp.sale_id
             WHERE sp.state = 'done' AND spt.code = 'outgoing'
               AND sp.company_id = %(company)s
               AND sp.date_done >= %(start)s AND sp.date_done < %(end)s
            """,
            period.params,
        )
        return [ratio(on_time, total)]

    @api.model
    def _unifyx_kpi_on_time_delivery_domain(self, value):
        return [
            ("state", "=", "done"),
            ("picking_type_code", "=", "outgoing"),
            ("sale_id", "!=", False),
        ] + value._kpi_period().domain("date_done")

    @api.model
    def _unifyx_kpi_open_backorders(self, period):
        ((count,),) = query(
            self.env,
            """
            SELECT count(*) FROM stock_picking
             WHERE company_id = %(company)s AND backorder_id IS NOT NULL
               AND state NOT IN ('done', 'cancel')
            """,
            period.params,
        )
        return [measure(count, count, 1)]

    @api.model
    def _unifyx_kpi_open_backorders_domain(self, value):
        return [
            ("company_id", "=", value.company_id.id),
            ("backorder_id", "!=", False),
            ("state", "not in", ("done", "cancel")),
        ]
