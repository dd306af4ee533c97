# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sales KPIs: on-time delivery and the order-to-cash cycle times."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import KpiDefinition, ratio


class UnifyxKpiValue(models.Model):
    _inherit = "unifyx.kpi.value"

    @api.model
    def _unifyx_kpi_definitions(self):
        _ = self.env._
        return super()._unifyx_kpi_definitions() + [
            KpiDefinition(
                "on_time_delivery",
                _("On-time delivery (%)"),
                "percent",
                "stock.picking",
                sequence=10,
                direction="up",
            ),
            KpiDefinition(
                "sale_to_confirm",
                _("Sales: created to confirmed (median days)"),
                "days",
                "sale.order",
                sequence=40,
                direction="down",
            ),
            KpiDefinition(
                "sale_to_deliver",
                _("Sales: confirmed to delivered (median days)"),
                "days",
                "sale.order",
                sequence=50,
                direction="down",
            ),
            KpiDefinition(
                "sale_to_invoice",
                _("Sales: delivered to invoiced (median days)"),
                "days",
                "sale.order",
                sequence=60,
                direction="down",
            ),
        ]

    # ---------------------------------------------------------------- queries
    def _kpi_query_on_time_delivery(self, period):
        # Promised: the order's commitment date, else the delivery's deadline,
        # else the date it was scheduled for when the order was confirmed.
        ((total, on_time),) = self._query(
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

    def _kpi_sql_delivered(self, period):
        """Orders whose deliveries are all done or cancelled, with the date of
        the last one."""
        return SQL(
            """
            SELECT so.id, so.date_order, max(sp.date_done) AS done
              FROM sale_order so
              JOIN stock_picking sp ON sp.sale_id = so.id
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
             WHERE so.company_id = %(company)s AND so.state = 'sale' AND spt.code = 'outgoing'
             GROUP BY so.id
            HAVING bool_and(sp.state IN ('done', 'cancel')) AND max(sp.date_done) IS NOT NULL
            """,
            **period.params,
        )

    def _kpi_query_sale_to_confirm(self, period):
        return [
            self._median(
                """SELECT EXTRACT(EPOCH FROM date_order - create_date) / 86400.0 AS days
                     FROM sale_order
                    WHERE company_id = %(company)s AND state = 'sale'
                      AND date_order >= %(start)s AND date_order < %(end)s""",
                period.params,
            )
        ]

    def _kpi_query_sale_to_deliver(self, period):
        return [
            self._median(
                """SELECT EXTRACT(EPOCH FROM done - date_order) / 86400.0 AS days
                     FROM (%(delivered)s) d WHERE done >= %(start)s AND done < %(end)s""",
                period.params,
                delivered=self._kpi_sql_delivered(period),
            )
        ]

    def _kpi_query_sale_to_invoice(self, period):
        return [
            self._median(
                """SELECT min(am.invoice_date) - d.done::date AS days
                     FROM (%(delivered)s) d
                     JOIN sale_order_line sol ON sol.order_id = d.id
                     JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                     JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                     JOIN account_move am ON am.id = aml.move_id
                    WHERE am.state = 'posted' AND am.move_type = 'out_invoice'
                    GROUP BY d.id, d.done
                   HAVING min(am.invoice_date) >= %(start)s::date
                      AND min(am.invoice_date) < %(end)s::date""",
                period.params,
                delivered=self._kpi_sql_delivered(period),
            )
        ]

    # ------------------------------------------------------------- drill-down
    def _kpi_domain_on_time_delivery(self):
        return (
            self._kpi_domain_company()
            + [
                ("state", "=", "done"),
                ("picking_type_code", "=", "outgoing"),
                ("sale_id", "!=", False),
            ]
            + self._kpi_domain_dates("date_done")
        )

    def _kpi_domain_sale_to_confirm(self):
        return (
            self._kpi_domain_company()
            + [("state", "=", "sale")]
            + self._kpi_domain_dates("date_order")
        )

    def _kpi_domain_sale_to_deliver(self):
        return self._kpi_domain_company() + [("state", "=", "sale")]

    def _kpi_domain_sale_to_invoice(self):
        return self._kpi_domain_sale_to_deliver()
