# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxKpiRecomputeLog(models.Model):
    """Who recomputed a closed month's KPIs, when and why; its lines keep each
    KPI's value before and after. Written by the wizard only."""

    _name = "unifyx.kpi.recompute.log"
    _description = "Closed Month KPI Recompute"
    _order = "date desc, id desc"
    _rec_name = "month"

    date = fields.Datetime(string="Recomputed On", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Recomputed By", required=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    month = fields.Date(required=True)
    reason = fields.Text(required=True)
    line_ids = fields.One2many("unifyx.kpi.recompute.log.line", "log_id", string="Values")
