# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stock KPIs: inventory discrepancy and the snapshots of the stock now
(slow movers, open backorders). Rotation has its own file."""

from odoo import api, models

from ..tools.kpi import KpiDefinition, measure, ratio

SLOW_DAYS = 90


class UnifyxKpiValue(models.Model):
    _inherit = "unifyx.kpi.value"

    @api.model
    def _unifyx_kpi_definitions(self):
        _ = self.env._
        return super()._unifyx_kpi_definitions() + [
            KpiDefinition(
                "discrepancy_count",
                _("Inventory discrepancy, counted lines (%)"),
                "percent",
                "unifyx.count.log",
                sequence=20,
                direction="down",
            ),
            KpiDefinition(
                "discrepancy_value",
                _("Inventory discrepancy, value (%)"),
                "percent",
                "unifyx.count.log",
                sequence=30,
                direction="down",
            ),
            KpiDefinition(
                "slow_moving_value",
                _("Slow-moving stock value"),
                "amount",
                "stock.quant",
                sequence=120,
                direction="down",
                snapshot=True,
            ),
            KpiDefinition(
                "open_backorders",
                _("Open backorders"),
                "count",
                "stock.picking",
                sequence=130,
                direction="down",
                snapshot=True,
            ),
        ]

    # ---------------------------------------------------------------- queries
    def _kpi_query_discrepancy_count(self, period):
        ((lines, differing),) = self._query(
            """
            SELECT count(*), count(*) FILTER (WHERE has_difference)
              FROM unifyx_count_log
             WHERE company_id = %(company)s AND date >= %(start)s AND date < %(end)s
            """,
            period.params,
        )
        return [ratio(differing, lines)]

    def _kpi_query_discrepancy_value(self, period):
        ((value,),) = self._query(
            """
            SELECT COALESCE(sum(abs(value_difference)), 0)
              FROM unifyx_count_log
             WHERE company_id = %(company)s AND date >= %(start)s AND date < %(end)s
            """,
            period.params,
        )
        return [ratio(value, self._stock_value(period.company, period.end))]

    def _stock_value(self, company, at):
        """The company's stock value before ``at``."""
        ((value,),) = self._query(
            """
            SELECT COALESCE(sum(value), 0) FROM stock_valuation_layer
             WHERE company_id = %(company)s AND create_date < %(at)s
            """,
            {"company": company.id, "at": at},
        )
        return value

    def _kpi_query_slow_moving_value(self, period):
        rows = self._query(
            """
            WITH unit AS (
                SELECT product_id, sum(value) / NULLIF(sum(quantity), 0) AS cost
                  FROM stock_valuation_layer WHERE company_id = %(company)s
                 GROUP BY product_id
            ), stock AS (
                SELECT sl.warehouse_id, sq.product_id, sum(sq.quantity) AS qty
                  FROM stock_quant sq JOIN stock_location sl ON sl.id = sq.location_id
                 WHERE sq.company_id = %(company)s AND sl.usage = 'internal'
                   AND sl.warehouse_id IS NOT NULL
                 GROUP BY sl.warehouse_id, sq.product_id HAVING sum(sq.quantity) > 0
            )
            SELECT s.warehouse_id, COALESCE(sum(s.qty * COALESCE(u.cost, 0)), 0), count(*)
              FROM stock s LEFT JOIN unit u ON u.product_id = s.product_id
             WHERE NOT EXISTS (
                   SELECT 1 FROM stock_move sm
                     JOIN stock_location src ON src.id = sm.location_id
                     JOIN stock_location dst ON dst.id = sm.location_dest_id
                    WHERE sm.product_id = s.product_id AND sm.state = 'done'
                      AND src.warehouse_id = s.warehouse_id
                      AND (dst.warehouse_id IS NULL OR dst.warehouse_id != s.warehouse_id)
                      AND sm.date >= now() - make_interval(days => %(slow_days)s))
             GROUP BY s.warehouse_id
            """,
            dict(period.params, slow_days=SLOW_DAYS),
        )
        return [
            measure(value, value, count, warehouse_id=warehouse_id)
            for warehouse_id, value, count in rows
        ]

    def _kpi_query_open_backorders(self, period):
        ((count,),) = self._query(
            """
            SELECT count(*) FROM stock_picking
             WHERE company_id = %(company)s AND backorder_id IS NOT NULL
               AND state NOT IN ('done', 'cancel')
            """,
            period.params,
        )
        return [measure(count, count, 1)]

    # ------------------------------------------------------------- drill-down
    def _kpi_domain_discrepancy_count(self):
        return self._kpi_domain_company() + self._kpi_domain_dates("date")

    def _kpi_domain_discrepancy_value(self):
        return self._kpi_domain_discrepancy_count()

    def _kpi_domain_slow_moving_value(self):
        domain = self._kpi_domain_company() + [("location_id.usage", "=", "internal")]
        if self.warehouse_id:
            domain += [("warehouse_id", "=", self.warehouse_id.id)]
        return domain

    def _kpi_domain_open_backorders(self):
        return self._kpi_domain_company() + [
            ("backorder_id", "!=", False),
            ("state", "not in", ("done", "cancel")),
        ]
