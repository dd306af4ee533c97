# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    unifyx_matrix_id = fields.Many2one(
        "unifyx.approval.matrix", string="Approval Matrix Row", index=True, ondelete="set null"
    )
    unifyx_matrix_step_id = fields.Many2one(
        "unifyx.approval.matrix.step", string="Approval Matrix Step", ondelete="set null"
    )

    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + [
            "purchase.order",
            "sale.order",
            "unifyx.inventory.approval",
        ]
