# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxApprovalMatrixStep(models.Model):
    _name = "unifyx.approval.matrix.step"
    _description = "Approval Matrix Step"
    _order = "matrix_id, sequence, id"

    matrix_id = fields.Many2one(
        "unifyx.approval.matrix", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    approver_type = fields.Selection(
        [("group", "Role"), ("user", "Named user"), ("manager", "Requester's manager")],
        required=True,
        default="group",
    )
    group_id = fields.Many2one(
        "res.groups",
        string="Role",
    )
    user_id = fields.Many2one("res.users", string="User")

    @api.constrains("approver_type", "group_id", "user_id")
    def _check_approver(self):
        for step in self:
            if step.approver_type == "group" and not step.group_id:
                raise ValidationError(self.env._("A role step needs a role."))
            if step.approver_type == "user" and not step.user_id:
                raise ValidationError(self.env._("A named-user step needs a user."))
            if step.approver_type == "manager" and (step.group_id or step.user_id):
                raise ValidationError(
                    self.env._("A requester's-manager step takes no role nor user.")
                )

    @api.depends("approver_type", "group_id", "user_id")
    def _compute_display_name(self):
        for step in self:
            if step.approver_type == "manager":
                step.display_name = self.env._("Requester's manager")
            else:
                step.display_name = (
                    step.group_id.name if step.approver_type == "group" else step.user_id.name
                ) or ""

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        steps.matrix_id._sync_tier_definitions()
        return steps

    def write(self, vals):
        res = super().write(vals)
        self.matrix_id._sync_tier_definitions()
        return res

    def unlink(self):
        rows = self.matrix_id
        res = super().unlink()
        rows._sync_tier_definitions()
        return res
