# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UnifyxKpiRecomputeLogLine(models.Model):
    _name = "unifyx.kpi.recompute.log.line"
    _description = "Closed Month KPI Recompute Value"
    _order = "log_id, kpi, warehouse_id"
    _rec_name = "kpi"

    log_id = fields.Many2one(
        "unifyx.kpi.recompute.log", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="log_id.company_id", store=True)
    kpi = fields.Selection(selection="_selection_kpi", string="KPI", required=True)
    warehouse_id = fields.Many2one("stock.warehouse")
    old_value = fields.Float(digits=(16, 2))
    new_value = fields.Float(digits=(16, 2))
    # A KPI measured only before, or only after, the recompute.
    had_value = fields.Boolean(string="Had a Value")
    has_value = fields.Boolean(string="Has a Value")

    @api.model
    def _selection_kpi(self):
        return self.env["unifyx.kpi.value"]._selection_kpi()
