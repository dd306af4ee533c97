# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_invoice_on_delivery = fields.Boolean(
        related="company_id.unifyx_invoice_on_delivery", readonly=False
    )
