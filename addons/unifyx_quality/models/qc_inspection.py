# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who decides an inspection, and that decisions only move through actions.

OCA's inspections change state by plain writes that any quality user may
send; the receipt gate (stock.move) trusts the state, so the decided states
are guarded here on every path: the action methods mark the transition with a
ContextVar (server-side, never the client's context) after the role check."""

from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

DECIDER_GROUP = "unifyx_base.group_warehouse_manager"
DECIDED_STATES = ("success", "failed", "canceled")
OPEN_STATES = ("plan", "draft", "ready", "waiting")
# Fields only the rejection itself writes.
REJECTION_FIELDS = (
    "unifyx_rejected_qty",
    "unifyx_reject_reason",
    "unifyx_return_picking_id",
    "unifyx_credit_note_id",
)

_deciding = ContextVar("unifyx_quality_deciding", default=False)
_submitting = ContextVar("unifyx_quality_submitting", default=False)


@contextmanager
def _flag(var):
    token = var.set(True)
    try:
        yield
    finally:
        var.reset(token)


class QcInspection(models.Model):
    _inherit = "qc.inspection"

    unifyx_rejected_qty = fields.Float(
        string="Rejected Quantity", digits="Product Unit of Measure", readonly=True, copy=False
    )
    unifyx_reject_reason = fields.Text(string="Rejection Reason", readonly=True, copy=False)
    unifyx_return_picking_id = fields.Many2one(
        "stock.picking",
        string="Return to Vendor",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    unifyx_credit_note_id = fields.Many2one(
        "account.move", string="Vendor Credit Note", readonly=True, copy=False
    )
    unifyx_vendor_id = fields.Many2one(
        "res.partner", string="Vendor", compute="_compute_unifyx_vendor_id", store=True
    )
    unifyx_can_decide = fields.Boolean("Can Decide", compute="_compute_unifyx_can_decide")

    @api.depends("object_id")
    def _compute_unifyx_vendor_id(self):
        for inspection in self:
            move = inspection._unifyx_move()
            receipt = move and move._unifyx_vendor_receipt_move()
            inspection.unifyx_vendor_id = (
                receipt and receipt.picking_id.partner_id.commercial_partner_id
            )

    @api.depends_context("uid")
    def _compute_unifyx_can_decide(self):
        self.unifyx_can_decide = self._unifyx_user_can_decide()

    # ------------------------------------------------------------- helpers

    def _unifyx_move(self):
        """The stock move the inspection is about, or an empty recordset."""
        self.ensure_one()
        obj = self.object_id
        return obj if obj and obj._name == "stock.move" else self.env["stock.move"]

    def _unifyx_user_can_decide(self):
        return self.env.su or self.env.user.has_group(DECIDER_GROUP)

    def _unifyx_check_can_decide(self):
        if not self._unifyx_user_can_decide():
            raise AccessError(
                self.env._(
                    "Only a warehouse manager may pass, fail or cancel a quality inspection."
                )
            )

    def _unifyx_is_blocking(self):
        """Open inspections hold the goods; a failed one until its rejected
        quantity is on its way back to the vendor."""
        self.ensure_one()
        if self.state in OPEN_STATES:
            return True
        return self.state == "failed" and not self.unifyx_return_picking_id

    # ---------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state") in DECIDED_STATES or any(f in vals for f in REJECTION_FIELDS):
                    raise AccessError(
                        self.env._("An inspection is created open; it is decided by its actions.")
                    )
        for vals in vals_list:
            # The inspection belongs to the company of the move it inspects.
            if not vals.get("company_id") and vals.get("object_id"):
                model, _sep, res_id = str(vals["object_id"]).partition(",")
                if model == "stock.move" and res_id.isdigit():
                    vals["company_id"] = self.env[model].browse(int(res_id)).sudo().company_id.id
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "success" and _submitting.get() and not _deciding.get():
            # An operator's "Confirm" submits the inspection for approval.
            vals = dict(vals, state="waiting")
        if not self.env.su and not _deciding.get():
            if any(f in vals for f in REJECTION_FIELDS):
                raise AccessError(
                    self.env._("The rejection is recorded by the Reject action only.")
                )
            if "state" in vals and (
                vals["state"] in DECIDED_STATES
                or any(state in DECIDED_STATES for state in self.mapped("state"))
            ):
                raise AccessError(
                    self.env._(
                        "An inspection is passed, failed, cancelled or reopened through its "
                        "buttons only, by a warehouse manager."
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------- actions

    def action_confirm(self):
        if self._unifyx_user_can_decide():
            with _flag(_deciding):
                return super().action_confirm() or True
        # Operators record the results; a manager approves them.
        with _flag(_submitting):
            return super().action_confirm() or True

    def action_approve(self):
        self._unifyx_check_can_decide()
        failing = self.filtered(lambda i: not i.success)
        if failing:
            if len(self) > 1:
                raise UserError(
                    self.env._(
                        "Reject the failed inspections one by one: %(names)s",
                        names=", ".join(failing.mapped("name")),
                    )
                )
            return self.action_unifyx_open_reject()
        with _flag(_deciding):
            return super().action_approve() or True

    def action_cancel(self):
        self._unifyx_check_can_decide()
        with _flag(_deciding):
            return super().action_cancel() or True

    def action_draft(self):
        if any(state in DECIDED_STATES for state in self.mapped("state")):
            self._unifyx_check_can_decide()
            if self.filtered("unifyx_return_picking_id"):
                raise UserError(
                    self.env._("A rejected inspection cannot be reopened: its goods went back.")
                )
        with _flag(_deciding):
            return super().action_draft() or True

    def action_unifyx_open_reject(self):
        self.ensure_one()
        self._unifyx_check_can_decide()
        self._unifyx_check_rejectable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject %(name)s", name=self.name),
            "res_model": "unifyx.quality.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_inspection_id": self.id, "default_quantity": self.qty},
        }
