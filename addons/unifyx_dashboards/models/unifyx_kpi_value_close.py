# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Finance KPI: how long the month-end close takes."""

from odoo import api, models

from ..tools.kpi import KpiDefinition, measure


class UnifyxKpiValue(models.Model):
    _inherit = "unifyx.kpi.value"

    @api.model
    def _unifyx_kpi_definitions(self):
        return super()._unifyx_kpi_definitions() + [
            KpiDefinition(
                "close_duration",
                self.env._("Month-end close (days)"),
                "days",
                "unifyx.lock.date.log",
                sequence=100,
                direction="down",
            ),
        ]

    def _kpi_query_close_duration(self, period):
        # The first time a lock date covering the period's last day was set.
        log = (
            self.env["unifyx.lock.date.log"]
            .sudo()
            .search(
                [
                    ("company_id", "=", period.company.id),
                    ("lock_field", "in", ("fiscalyear_lock_date", "hard_lock_date")),
                    ("new_date", ">=", period.date_to),
                ],
                order="date",
                limit=1,
            )
        )
        if not log:
            return []
        days = (log.date.date() - period.date_to).days
        return [measure(days, days, 1)]

    def _kpi_domain_close_duration(self):
        return self._kpi_domain_company()
