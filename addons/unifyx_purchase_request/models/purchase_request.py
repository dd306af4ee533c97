# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.unifyx_base.models.product_product import COST_GROUP

# Set only by the request's own actions, after their checks: a client cannot
# send it (a context key would do).
_STATE_ACTION = ContextVar("unifyx_purchase_request_state_action", default=False)

PURCHASER = "unifyx_base.group_purchaser"
REQUEST_MANAGER = "unifyx_base.group_purchasing_manager"


@contextmanager
def state_action():
    token = _STATE_ACTION.set(True)
    try:
        yield
    finally:
        _STATE_ACTION.reset(token)


def in_state_action():
    return _STATE_ACTION.get()


class PurchaseRequest(models.Model):
    """A purchase request approved through the approval matrix.

    Draft -> To be approved (the matrix's reviews) -> Approved (its estimated cost
    committed in the purchase budgets) -> In progress (RFQs or calls for tenders)
    -> Done; Rejected by an approver or withdrawn. The state moves only through
    the actions below, each checking who may do it."""

    _name = "purchase.request"
    # tier.validation (already a parent) after the mixin that extends it.
    _inherit = ["purchase.request", "unifyx.approval.mixin", "tier.validation"]
    _state_from = ["draft", "to_approve"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _unifyx_lines_field = "line_ids"
    _unifyx_line_amount_field = "estimated_cost"

    description = fields.Text(string="Reason", help="Why the products are needed.")
    # The requester, under the name the approval core reads (self-approval,
    # the requester's-manager step).
    user_id = fields.Many2one(
        "res.users", related="requested_by", store=True, string="Requester", readonly=True
    )
    # Costs (vendor prices): hidden with them; the matrix and the budgets still
    # read them on the server.
    estimated_cost = fields.Monetary(groups=COST_GROUP)
    unifyx_approval_amount = fields.Monetary(groups=COST_GROUP)
    unifyx_approved_date = fields.Date(
        string="Approved On",
        readonly=True,
        copy=False,
        help="The day the request was approved: its estimated cost is committed in the "
        "purchase budgets of that day until it is ordered.",
    )
    unifyx_budget_exceeded = fields.Boolean(
        string="Over Budget",
        compute="_compute_unifyx_budget_exceeded",
        help="Approving this request would take a purchase budget of the period (product "
        "category or analytic account) over its amount.",
    )
    unifyx_order_ids = fields.Many2many(
        "purchase.order",
        string="Purchase Orders",
        compute="_compute_unifyx_follow_up",
        compute_sudo=True,
    )
    unifyx_picking_ids = fields.Many2many(
        "stock.picking",
        string="Receipts",
        compute="_compute_unifyx_follow_up",
        compute_sudo=True,
    )
    unifyx_receipt_status = fields.Selection(
        [
            ("none", "Not Ordered"),
            ("waiting", "Ordered"),
            ("partial", "Partly Received"),
            ("full", "Received"),
        ],
        string="Receipt Status",
        compute="_compute_unifyx_follow_up",
        compute_sudo=True,
    )

    @api.depends("line_ids.estimated_cost", "line_ids.cancelled", "line_ids.product_id")
    def _compute_unifyx_budget_exceeded(self):
        Budget = self.env["unifyx.purchase.budget"].sudo()
        for request in self:
            exceeded = False
            if request.state in ("draft", "to_approve") and not isinstance(
                request.id, models.NewId
            ):
                lines = request.line_ids.filtered(lambda line: not line.cancelled)
                for budget in Budget._unifyx_budgets_for_request(request):
                    amount = budget._unifyx_request_share(lines, open_only=False)
                    committed = budget._committed_amount(exclude_request=request)
                    if committed + amount > budget.amount:
                        exceeded = True
                        break
            request.unifyx_budget_exceeded = exceeded

    @api.depends(
        "line_ids.purchase_lines.order_id.state",
        "line_ids.purchase_lines.qty_received",
        "line_ids.product_qty",
    )
    def _compute_unifyx_follow_up(self):
        for request in self:
            lines = request.line_ids.filtered(lambda line: not line.cancelled)
            orders = lines.purchase_lines.order_id.filtered(lambda o: o.state != "cancel")
            request.unifyx_order_ids = orders
            request.unifyx_picking_ids = orders.picking_ids.filtered(
                lambda p: p.picking_type_code == "incoming"
            )
            confirmed = lines.filtered(
                lambda line: any(
                    po_line.order_id.state in ("purchase", "done")
                    for po_line in line.purchase_lines
                )
            )
            received = sum(lines.mapped("unifyx_qty_received"))
            wanted = sum(lines.mapped("product_qty"))
            if not confirmed:
                request.unifyx_receipt_status = "none"
            elif not received:
                request.unifyx_receipt_status = "waiting"
            elif received < wanted:
                request.unifyx_receipt_status = "partial"
            else:
                request.unifyx_receipt_status = "full"

    def _fetch_field(self, field):
        if field.name in ("estimated_cost", "unifyx_approval_amount") and not self.env.su:
            return super(PurchaseRequest, self.sudo())._fetch_field(field)
        return super()._fetch_field(field)

    # -- the approval core ------------------------------------------------------

    @api.model
    def _unifyx_amount_depends(self):
        return ["line_ids.estimated_cost", "line_ids.cancelled", "company_id"]

    def _unifyx_gross_amount(self):
        # Estimated costs are in the company currency already; a cancelled line
        # is not bought.
        self.ensure_one()
        return sum(max(line.estimated_cost, 0.0) for line in self.line_ids if not line.cancelled)

    # -- CRUD -------------------------------------------------------------------

    def write(self, vals):
        if "state" in vals and not self.env.su and not in_state_action():
            raise AccessError(
                self.env._(
                    "A purchase request changes state only through its buttons "
                    "(request approval, approve through the reviews, reject, done)."
                )
            )
        if "unifyx_approved_date" in vals and not self.env.su and not in_state_action():
            raise AccessError(self.env._("The approval date is set when a request is approved."))
        return super().write(vals)

    # -- actions ----------------------------------------------------------------

    def _unifyx_set_state(self, state, **extra):
        with state_action():
            return super().write(dict(extra, state=state))

    def _unifyx_check_requester_or_manager(self):
        if self.env.su or self.env.user.has_group(REQUEST_MANAGER):
            return
        for request in self:
            if request.requested_by != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only its requester or a purchasing manager may do this on %s.",
                        request.name,
                    )
                )

    def _unifyx_check_purchaser(self):
        if not self.env.su and not self.env.user.has_group(PURCHASER):
            raise AccessError(self.env._("Only purchasing turns requests into purchases."))

    def button_to_approve(self):
        """Ask for approval: the matrix's reviews are requested; a request that
        no row of the matrix governs is approved at once."""
        self._unifyx_check_requester_or_manager()
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("%s is not a draft.", request.name))
            if not (request.description or "").strip():
                raise UserError(
                    self.env._("Say why the products of %s are needed (Reason).", request.name)
                )
        self.to_approve_allowed_check()
        self._unifyx_set_state("to_approve")
        self.request_validation()
        self.filtered(lambda r: not r.review_ids)._unifyx_approve()
        return True

    def request_validation(self):
        # A draft asks for approval through its button (reason, state), which
        # then requests the reviews.
        drafts = self.filtered(lambda r: r.state == "draft")
        if drafts:
            drafts.button_to_approve()
        return super(PurchaseRequest, self - drafts).request_validation()

    def restart_validation(self):
        res = super().restart_validation()
        if not in_state_action():
            # Made worse while waiting: the matrix routes it again at once.
            again = self.filtered(lambda r: r.state == "to_approve" and not r.review_ids)
            if again:
                super(PurchaseRequest, again).request_validation()
                again.filtered(lambda r: not r.review_ids).sudo()._unifyx_approve()
        return res

    def _unifyx_approve(self):
        self._unifyx_set_state("approved", unifyx_approved_date=fields.Date.context_today(self))

    def button_approved(self):
        """Approval comes from the reviews (the last approver's Validate approves
        the request): this only completes a request whose reviews all agreed."""
        for request in self:
            if request.state != "to_approve" or (
                request.review_ids and request.validation_status != "validated"
            ):
                raise UserError(
                    self.env._(
                        "%s is approved by its approvers' reviews (Validate), not directly.",
                        request.name,
                    )
                )
        self._unifyx_approve()
        return True

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        if self.state == "to_approve" and self.validation_status == "validated":
            # The review flow checked the approver; the approver may be one
            # (finance) who does not edit requests.
            self.sudo()._unifyx_approve()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        if self.state == "to_approve" and self.validation_status == "rejected":
            self.sudo()._unifyx_reject()
        return res

    def _unifyx_reject(self):
        with state_action():
            self.mapped("line_ids").do_cancel()
            self._unifyx_set_state("rejected")

    def button_rejected(self):
        """Withdrawn by the requester before approval; rejected (cancelled) by a
        purchasing manager until done. Either releases the budget."""
        manager = self.env.su or self.env.user.has_group(REQUEST_MANAGER)
        for request in self:
            if request.state == "done" or request.state == "rejected":
                raise UserError(self.env._("%s cannot be rejected now.", request.name))
            if not manager and (
                request.requested_by != self.env.user
                or request.state not in ("draft", "to_approve")
            ):
                raise AccessError(
                    self.env._(
                        "Only a purchasing manager rejects %s; its requester may withdraw "
                        "it before approval.",
                        request.name,
                    )
                )
        self._unifyx_reject()
        return True

    def button_draft(self):
        """Back to draft, to change and ask again: the approval is cleared."""
        self._unifyx_check_requester_or_manager()
        for request in self:
            if request.state not in ("to_approve", "rejected"):
                raise UserError(
                    self.env._("%s can go back to draft only before approval.", request.name)
                )
        with state_action():
            self.restart_validation()
            self.mapped("line_ids").do_uncancel()
            self._unifyx_set_state("draft", unifyx_approved_date=False)
        return True

    def button_in_progress(self):
        # OCA's RFQ and tender wizards call it once their documents exist.
        self._unifyx_check_purchaser()
        for request in self:
            if request.state not in ("approved", "in_progress"):
                raise UserError(self.env._("%s is not approved.", request.name))
        self._unifyx_set_state("in_progress")
        return True

    def button_done(self):
        """Closed: what was not ordered is no longer committed."""
        self._unifyx_check_purchaser()
        for request in self:
            if request.state not in ("approved", "in_progress"):
                raise UserError(self.env._("%s is not approved.", request.name))
        self._unifyx_set_state("done")
        return True

    def check_auto_reject(self):
        # OCA: every line cancelled rejects the request (lines are cancelled
        # only by the request's own actions, see purchase_request_line.py).
        with state_action():
            return super().check_auto_reject()
