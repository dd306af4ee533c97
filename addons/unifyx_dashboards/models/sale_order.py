# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order-to-cash cycle times (``unifyx.kpi.value``'s registry)."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import median_days, median_days_to_invoice


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
        confirmed = SQL(
            """SELECT create_date, date_order FROM sale_order
                WHERE company_id = %(company)s AND state = 'sale'""",
            **period.params,
        )
        return [median_days(self.env, period, confirmed, "create_date", "date_order")]

    @api.model
    def _unifyx_kpi_sale_to_deliver(self, period):
        delivered = self._unifyx_kpi_delivered_sql(period)
        return [median_days(self.env, period, delivered, "date_order", "done")]

    @api.model
    def _unifyx_kpi_sale_to_invoice(self, period):
        invoiced = SQL(
            """SELECT sol.order_id, rel.invoice_line_id AS move_line_id
                 FROM sale_order_line sol
                 JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id"""
        )
        delivered = self._unifyx_kpi_delivered_sql(period)
        return [median_days_to_invoice(self.env, period, delivered, invoiced, "out_invoice")]

    @api.model
    def _unifyx_kpi_sale_to_confirm_domain(self, value):
        return [("state", "=", "sale")] + value._kpi_period().domain("date_order")

    @api.model
    def _unifyx_kpi_sale_to_deliver_domain(self, value):
        return [("company_id", "=", value.company_id.id), ("state", "=", "sale")]

    @api.model
    def _unifyx_kpi_sale_to_invoice_domain(self, value):
        return self._unifyx_kpi_sale_to_deliver_domain(value)
