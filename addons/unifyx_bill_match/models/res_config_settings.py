# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_bill_match = fields.Boolean(related="company_id.unifyx_bill_match", readonly=False)
    unifyx_bill_price_tolerance_percent = fields.Float(
        related="company_id.unifyx_bill_price_tolerance_percent", readonly=False
    )
    unifyx_bill_price_tolerance_amount = fields.Monetary(
        related="company_id.unifyx_bill_price_tolerance_amount",
        readonly=False,
        currency_field="currency_id",
    )
    unifyx_bill_quantity_tolerance_percent = fields.Float(
        related="company_id.unifyx_bill_quantity_tolerance_percent", readonly=False
    )
    unifyx_bill_total_tolerance_amount = fields.Monetary(
        related="company_id.unifyx_bill_total_tolerance_amount",
        readonly=False,
        currency_field="currency_id",
    )
