# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxMigrationProfile(models.Model):
    _inherit = "unifyx.migration.profile"

    target = fields.Selection(
        selection_add=[("contract", "Customer contracts")], ondelete={"contract": "cascade"}
    )
    match_key = fields.Selection(
        selection_add=[
            (
                "contract_line",
                "Contract reference, product or category, minimum quantity, unit",
            )
        ],
        ondelete={"contract_line": "cascade"},
    )
