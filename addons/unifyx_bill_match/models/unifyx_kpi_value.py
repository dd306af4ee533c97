# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.unifyx_dashboards.tools.kpi import KpiDefinition


class UnifyxKpiValue(models.Model):
    _inherit = "unifyx.kpi.value"

    @api.model
    def _unifyx_kpi_definitions(self):
        return super()._unifyx_kpi_definitions() + [
            KpiDefinition(
                "bill_match_rate",
                self.env._("Vendor bills validated without a click (%)"),
                "percent",
                "account.move",
                sequence=95,
                direction="up",
            )
        ]
