# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_tender_category_ids = fields.Many2many(
        related="company_id.unifyx_tender_category_ids", readonly=False
    )
    unifyx_tender_amount = fields.Monetary(
        related="company_id.unifyx_tender_amount",
        currency_field="company_currency_id",
        readonly=False,
    )
