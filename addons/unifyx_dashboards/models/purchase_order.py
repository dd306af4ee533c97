# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The procure-to-pay cycle times (``unifyx.kpi.value``'s registry)."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import median


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
        return [
            median(
                self.env,
                """SELECT EXTRACT(EPOCH FROM date_approve - create_date) / 86400.0 AS days
                     FROM purchase_order
                    WHERE company_id = %(company)s AND state IN ('purchase', 'done')
                      AND date_approve >= %(start)s AND date_approve < %(end)s""",
                period.params,
            )
        ]

    @api.model
    def _unifyx_kpi_purchase_to_receive(self, period):
        return [
            median(
                self.env,
                """SELECT EXTRACT(EPOCH FROM done - date_approve) / 86400.0 AS days
                     FROM (%(received)s) r WHERE done >= %(start)s AND done < %(end)s""",
                period.params,
                received=self._unifyx_kpi_received_sql(period),
            )
        ]

    @api.model
    def _unifyx_kpi_purchase_to_bill(self, period):
        return [
            median(
                self.env,
                """SELECT min(am.invoice_date) - r.done::date AS days
                     FROM (%(received)s) r
                     JOIN purchase_order_line pol ON pol.order_id = r.id
                     JOIN account_move_line aml ON aml.purchase_line_id = pol.id
                     JOIN account_move am ON am.id = aml.move_id
                    WHERE am.state = 'posted' AND am.move_type = 'in_invoice'
                    GROUP BY r.id, r.done
                   HAVING min(am.invoice_date) >= %(start)s::date
                      AND min(am.invoice_date) < %(end)s::date""",
                period.params,
                received=self._unifyx_kpi_received_sql(period),
            )
        ]

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
