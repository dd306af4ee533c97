# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order-to-cash cycle times (``unifyx.kpi.value``'s registry)."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import median


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def _unifyx_kpi_delivered_sql(self, period):
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

    @api.model
    def _unifyx_kpi_sale_to_confirm(self, period):
        return [
            median(
                self.env,
                """SELECT EXTRACT(EPOCH FROM date_order - create_date) / 86400.0 AS days
                     FROM sale_order
                    WHERE company_id = %(company)s AND state = 'sale'
                      AND date_order >= %(start)s AND date_order < %(end)s""",
                period.params,
            )
        ]

    @api.model
    def _unifyx_kpi_sale_to_deliver(self, period):
        return [
            median(
                self.env,
                """SELECT EXTRACT(EPOCH FROM done - date_order) / 86400.0 AS days
                     FROM (%(delivered)s) d WHERE done >= %(start)s AND done < %(end)s""",
                period.params,
                delivered=self._unifyx_kpi_delivered_sql(period),
            )
        ]

    @api.model
    def _unifyx_kpi_sale_to_invoice(self, period):
        return [
            median(
                self.env,
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
                delivered=self._unifyx_kpi_delivered_sql(period),
            )
        ]

    @api.model
    def _unifyx_kpi_sale_to_confirm_domain(self, value):
        return [("state", "=", "sale")] + value._kpi_period().domain("date_order")

    @api.model
    def _unifyx_kpi_sale_to_deliver_domain(self, value):
        return [("company_id", "=", value.company_id.id), ("state", "=", "sale")]

    @api.model
    def _unifyx_kpi_sale_to_invoice_domain(self, value):
        return self._unifyx_kpi_sale_to_deliver_domain(value)
