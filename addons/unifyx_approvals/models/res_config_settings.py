# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_max_line_quantity = fields.Float(
        related="company_id.unifyx_max_line_quantity", readonly=False
    )
    unifyx_max_unit_price = fields.Float(related="company_id.unifyx_max_unit_price", readonly=False)
