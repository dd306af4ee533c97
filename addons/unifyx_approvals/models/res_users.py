# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DELEGATION_FIELDS = ["unifyx_delegate_id", "unifyx_delegate_date_from", "unifyx_delegate_date_to"]


class ResUsers(models.Model):
    _inherit = "res.users"

    unifyx_delegate_id = fields.Many2one(
        "res.users",
        string="Delegate Approvals To",
        help="During the period, this person may also approve what waits for you.",
    )
    unifyx_delegate_date_from = fields.Date(string="Delegation From")
    unifyx_delegate_date_to = fields.Date(string="Delegation Until")
    unifyx_approval_manager_id = fields.Many2one(
        "res.users",
        string="Approval Manager",
        help="Approves this person's requests where the approval matrix asks for "
        "the requester's manager.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # People set their own delegation before their holidays.
        return super().SELF_WRITEABLE_FIELDS + DELEGATION_FIELDS

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + DELEGATION_FIELDS

    @api.constrains(*DELEGATION_FIELDS)
    def _check_unifyx_delegation(self):
        for user in self.filtered("unifyx_delegate_id"):
            if user.unifyx_delegate_id == user:
                raise ValidationError(self.env._("You cannot delegate your approvals to yourself."))
            if not user.unifyx_delegate_date_to:
                raise ValidationError(self.env._("A delegation needs an end date."))
            if (
                user.unifyx_delegate_date_from
                and user.unifyx_delegate_date_from > user.unifyx_delegate_date_to
            ):
                raise ValidationError(self.env._("A delegation cannot end before it starts."))

    def _unifyx_active_delegates(self, date=None):
        date = date or fields.Date.context_today(self)
        return self.filtered(
            lambda u: (
                u.unifyx_delegate_id
                and u.unifyx_delegate_date_to
                and u.unifyx_delegate_date_to >= date
                and (not u.unifyx_delegate_date_from or u.unifyx_delegate_date_from <= date)
            )
        ).unifyx_delegate_id

    def write(self, vals):
        res = super().write(vals)
        if set(DELEGATION_FIELDS) & vals.keys():
            self.env["tier.review"].sudo()._unifyx_refresh_reviewers(self)
        return res
