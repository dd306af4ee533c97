# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxMigrationProfile(models.Model):
    _inherit = "unifyx.migration.profile"

    match_key = fields.Selection(
        selection_add=[("siren", "SIREN")],
        ondelete={"siren": "cascade"},
    )
