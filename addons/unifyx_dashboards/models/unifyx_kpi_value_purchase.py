# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Purchase KPIs: the procure-to-pay cycle times."""

from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import KpiDefinition


class UnifyxKpiValue(models.Model):
    _inherit = "unifyx.kpi.value"

    @api.model
    def _unifyx_kpi_definitions(self):
        _ = self.env._
        return super()._unifyx_kpi_definitions() + [
            KpiDefinition(
                "purchase_to_confirm",
                _("Purchases: RFQ to confirmed (median days)"),
                "days",
                "purchase.order",
                sequence=70,
                direction="down",
            ),
            KpiDefinition(
                "purchase_to_receive",
                _("Purchases: confirmed to received (median days)"),
                "days",
                "purchase.order",
                sequence=80,
                direction="down",
            ),
            KpiDefinition(
                "purchase_to_bill",
                _("Purchases: received to billed (median days)"),
                "days",
                "purchase.order",
                sequence=90,
                direction="down",
            ),
        ]

    # ---------------------------------------------------------------- queries
    def _kpi_sql_received(self, period):
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

    def _kpi_query_purchase_to_confirm(self, period):
        return [
            self._median(
                """SELECT EXTRACT(EPOCH FROM date_approve - create_date) / 86400.0 AS days
                     FROM purchase_order
                    WHERE company_id = %(company)s AND state IN ('purchase', 'done')
                      AND date_approve >= %(start)s AND date_approve < %(end)s""",
                period.params,
            )
        ]

    def _kpi_query_purchase_to_receive(self, period):
        return [
            self._median(
                """SELECT EXTRACT(EPOCH FROM done - date_approve) / 86400.0 AS days
                     FROM (%(received)s) r WHERE done >= %(start)s AND done < %(end)s""",
                period.params,
                received=self._kpi_sql_received(period),
            )
        ]

    def _kpi_query_purchase_to_bill(self, period):
        return [
            self._median(
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
                received=self._kpi_sql_received(period),
            )
        ]

    # ------------------------------------------------------------- drill-down
    def _kpi_domain_purchase_to_confirm(self):
        return self._kpi_domain_company() + self._kpi_domain_dates("date_approve")

    def _kpi_domain_purchase_to_receive(self):
        return self._kpi_domain_company() + [("state", "in", ("purchase", "done"))]

    def _kpi_domain_purchase_to_bill(self):
        return self._kpi_domain_purchase_to_receive()
