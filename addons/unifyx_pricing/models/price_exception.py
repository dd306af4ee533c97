# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MANAGER_GROUP = "unifyx_approvals.group_sales_manager"


class UnifyxPriceException(models.Model):
    """A special price for one deal: requested by a salesperson with a reason,
    approved by a sales manager (not the requester), valid until its expiry."""

    _name = "unifyx.price.exception"
    _description = "Price Exception"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

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
            # Approval only ever happens through action_approve.
            if not self.env.su:
                for fname in ("state", "approved_by_id", "approved_date", "user_id"):
                    vals.pop(fname, None)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("unifyx.price.exception") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if {"approved_by_id", "approved_date", "user_id"} & set(vals):
                raise AccessError(self.env._("These fields are set by the approval itself."))
            if vals.get("state") == "approved":
                self._check_approver()
            if set(vals) - {"state"} and any(e.state == "approved" for e in self):
                raise UserError(
                    self.env._("An approved exception cannot change; request a new one.")
                )
        return super().write(vals)

    def _check_approver(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a sales manager can approve a price exception."))
        if any(e.user_id == self.env.user for e in self):
            raise AccessError(self.env._("Nobody approves their own price exception."))

    @api.constrains("line_ids", "state")
    def _check_lines(self):
        for exception in self:
            if exception.state != "draft" and not exception.line_ids:
                raise ValidationError(self.env._("A price exception needs at least one product."))

    def action_submit(self):
        for exception in self:
            if exception.state != "draft":
                raise UserError(self.env._("Only a draft exception can be submitted."))
        self.write({"state": "to_approve"})

    def action_approve(self):
        self._check_approver()
        for exception in self:
            if exception.state != "to_approve":
                raise UserError(self.env._("Only a submitted exception can be approved."))
        self.write({"state": "approved"})
        self.sudo().write({"approved_by_id": self.env.uid, "approved_date": fields.Datetime.now()})

    def action_reject(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a sales manager can reject a price exception."))
        self.write({"state": "rejected"})

    def action_draft(self):
        self.filtered(lambda e: e.state in ("to_approve", "rejected")).write({"state": "draft"})
