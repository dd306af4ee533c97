# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_einvoice_platform = fields.Selection(
        related="company_id.unifyx_einvoice_platform", readonly=False
    )
    unifyx_einvoice_folder = fields.Char(
        related="company_id.unifyx_einvoice_folder", readonly=False
    )
    unifyx_einvoice_journal_id = fields.Many2one(
        related="company_id.unifyx_einvoice_journal_id", readonly=False
    )
