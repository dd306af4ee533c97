# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_demand_window_days = fields.Integer(
        related="company_id.unifyx_demand_window_days", readonly=False
    )
    unifyx_overstock_cover_days = fields.Integer(
        related="company_id.unifyx_overstock_cover_days", readonly=False
    )
