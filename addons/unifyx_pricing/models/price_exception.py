# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .pricing_state_mixin import MANAGER_GROUP

# Written by the action methods only.
STATE_FIELDS = {"state", "approved_by_id", "approved_date"}
# What the approval decides on: fixed once submitted.
DRAFT_FIELDS = {"partner_id", "company_id", "currency_id", "line_ids"}
# Written by the chatter on any record.
FREE_FIELDS = {"message_main_attachment_id"}


class UnifyxPriceException(models.Model):
    """A special price for one deal: requested by a salesperson with a reason,
    approved by a sales manager (not the requester), valid until its expiry."""

    _name = "unifyx.price.exception"
    _description = "Price Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "unifyx.pricing.state.mixin"]
    _order = "id desc"
    _unifyx_state_fields = STATE_FIELDS

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    reason = fields.Text(required=True, tracking=True)
    date_expiry = fields.Date(string="Expires On", required=True, tracking=True, help="Inclusive.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "unifyx.price.exception.line", "exception_id", string="Products", copy=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # An exception starts in draft; approval only happens through action_approve.
            if not self.env.su:
                for fname in STATE_FIELDS | {"user_id"}:
                    vals.pop(fname, None)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("unifyx.price.exception") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "user_id" in vals:
                raise AccessError(self.env._("The requester of a price exception cannot change."))
            self._unifyx_check_state_write(
                vals,
                self.env._(
                    "A price exception changes state only through its buttons "
                    "(submit, approve, reject, back to draft)."
                ),
            )
            if DRAFT_FIELDS & vals.keys() and any(e.state != "draft" for e in self):
                raise UserError(
                    self.env._(
                        "Only a draft price exception can change its customer, currency, "
                        "company or products."
                    )
                )
            if vals.keys() - STATE_FIELDS - FREE_FIELDS and any(
                e.state == "approved" for e in self
            ):
                raise UserError(
                    self.env._("An approved exception cannot change; request a new one.")
                )
        if vals.get("state", "approved") != "approved":
            # Leaving the approved state: the approval no longer holds.
            vals = dict(vals, approved_by_id=False, approved_date=False)
        return super().write(vals)

    def _check_requester_or_manager(self):
        """Submitting or withdrawing a request: its requester, or a sales manager."""
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        if any(e.user_id != self.env.user for e in self):
            raise AccessError(
                self.env._("Only the requester or a sales manager can submit or withdraw it.")
            )

    def _check_approver(self):
        self._check_manager(self.env._("Only a sales manager can approve a price exception."))
        if not self.env.su and any(e.user_id == self.env.user for e in self):
            raise AccessError(self.env._("Nobody approves their own price exception."))

    @api.constrains("line_ids", "state")
    def _check_lines(self):
        for exception in self:
            if exception.state != "draft" and not exception.line_ids:
                raise ValidationError(self.env._("A price exception needs at least one product."))

    def action_submit(self):
        self._check_requester_or_manager()
        self._check_state({"draft"}, self.env._("Only a draft exception can be submitted."))
        return self._unifyx_set_state("to_approve")

    def action_approve(self):
        self._check_approver()
        self._check_state({"to_approve"}, self.env._("Only a submitted exception can be approved."))
        return self._unifyx_set_state(
            "approved", approved_by_id=self.env.uid, approved_date=fields.Datetime.now()
        )

    def action_reject(self):
        """Reject a request, or withdraw an approval (a sales manager)."""
        self._check_manager(self.env._("Only a sales manager can reject a price exception."))
        self._check_state(
            {"to_approve", "approved"},
            self.env._("Only a submitted or approved exception can be rejected."),
        )
        return self._unifyx_set_state("rejected")

    def action_draft(self):
        self._check_requester_or_manager()
        self._check_state(
            {"draft", "to_approve", "rejected"},
            self.env._("An approved exception cannot go back to draft; request a new one."),
        )
        return self.filtered(lambda e: e.state != "draft")._unifyx_set_state("draft")
