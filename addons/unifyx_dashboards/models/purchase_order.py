# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The procure-to-pay cycle times (``unifyx.kpi.value``'s registry)."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import median_days, median_days_to_invoice


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    @api.model
    def _unifyx_kpi_received_sql(self, period):
        """Orders whose receipts are all done or cancelled, with the date of
        the last one."""
        return SQL(
            """
            SELECT po.id, po.date_approve, max(sp.date_done) AS done
              FROM purchase_order po
              JOIN purchase_order_line pol ON pol.order_id = po.id
              JOIN stock_move sm ON sm.purchase_line_id = pol.id
              JOIN stock_picking sp ON sp.id = sm.picking_id
             WHERE po.company_id = %(company)s AND po.state IN ('purchase', 'done')
             GROUP BY po.id
            HAVING bool_and(sp.state IN ('done', 'cancel')) AND max(sp.date_done) IS NOT NULL
            """,
            **period.params,
        )

    @api.model
    def _unifyx_kpi_purchase_to_confirm(self, period):
        confirmed = SQL(
            """SELECT create_date, date_approve FROM purchase_order
                WHERE company_id = %(company)s AND state IN ('purchase', 'done')""",
            **period.params,
        )
        return [median_days(self.env, period, confirmed, "create_date", "date_approve")]

    @api.model
    def _unifyx_kpi_purchase_to_receive(self, period):
        received = self._unifyx_kpi_received_sql(period)
        return [median_days(self.env, period, received, "date_approve", "done")]

    @api.model
    def _unifyx_kpi_purchase_to_bill(self, period):
        billed = SQL(
            """SELECT pol.order_id, aml.id AS move_line_id
                 FROM purchase_order_line pol
                 JOIN account_move_line aml ON aml.purchase_line_id = pol.id"""
        )
        received = self._unifyx_kpi_received_sql(period)
        return [median_days_to_invoice(self.env, period, received, billed, "in_invoice")]

    @api.model
    def _unifyx_kpi_purchase_to_confirm_domain(self, value):
        return value._kpi_period().domain("date_approve")

    @api.model
    def _unifyx_kpi_purchase_to_receive_domain(self, value):
        return [
            ("company_id", "=", value.company_id.id),
            ("state", "in", ("purchase", "done")),
        ]

    @api.model
    def _unifyx_kpi_purchase_to_bill_domain(self, value):
        return self._unifyx_kpi_purchase_to_receive_domain(value)
