# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .approval_mixin import EDITABLE_UNDER_APPROVAL
from .approval_mixin_snapshot import CONFIRMED_WATCHED


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    # tier.validation (already a parent) after the mixin that extends it.
    _inherit = ["purchase.order", "unifyx.approval.mixin", "tier.validation"]
    _unifyx_editable_under_approval = EDITABLE_UNDER_APPROVAL

    unifyx_budget_exceeded = fields.Boolean(
        string="Over Budget",
        compute="_compute_unifyx_budget_exceeded",
        help="Confirming this order would take a budget of the period (product category or "
        "analytic account) over its amount.",
    )
    # Urgent exception: confirmed at once, approved after the fact.
    unifyx_urgent = fields.Boolean(
        string="Urgent", copy=False, tracking=True, help="Confirm now, approve after the fact."
    )
    unifyx_urgent_reason = fields.Text(string="Urgency Reason", copy=False, tracking=True)
    unifyx_urgent_state = fields.Selection(
        [("to_approve", "To Approve"), ("approved", "Approved"), ("overdue", "Overdue")],
        string="Urgent Approval",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
    )
    unifyx_urgent_deadline = fields.Date(string="Approve Before", copy=False, readonly=True)
    unifyx_urgent_approved_by = fields.Many2one("res.users", copy=False, readonly=True)

    @api.depends(
        "order_line.price_subtotal",
        "order_line.product_id",
        "order_line.analytic_distribution",
        "date_order",
    )
    def _compute_unifyx_budget_exceeded(self):
        Budget = self.env["unifyx.purchase.budget"].sudo()
        for order in self:
            exceeded = False
            if order.state in ("draft", "sent", "to approve") and not isinstance(
                order.id, models.NewId
            ):
                lines = order.order_line.filtered(lambda line: not line.display_type)
                for budget in Budget._budgets_for(order):
                    amount = order.currency_id._convert(
                        budget._share(lines),
                        budget.currency_id,
                        order.company_id,
                        order.date_order or fields.Date.context_today(order),
                    )
                    if budget._committed_amount(exclude_order=order) + amount > budget.amount:
                        exceeded = True
                        break
            order.unifyx_budget_exceeded = exceeded

    @api.constrains("unifyx_urgent", "unifyx_urgent_reason")
    def _check_unifyx_urgent_reason(self):
        for order in self:
            if order.unifyx_urgent and not (order.unifyx_urgent_reason or "").strip():
                raise ValidationError(self.env._("An urgent purchase needs its reason."))

    def write(self, vals):
        protected = {"unifyx_urgent_state", "unifyx_urgent_deadline", "unifyx_urgent_approved_by"}
        if protected & vals.keys() and not self.env.su:
            raise AccessError(
                self.env._("Urgent purchases are approved with their Approve button only.")
            )
        if "unifyx_urgent" in vals and self.filtered(lambda o: o.state not in ("draft", "sent")):
            raise UserError(self.env._("Only a request for quotation can be flagged urgent."))
        # Back to a quotation, an urgent purchase is a new request: the approval
        # after the fact was for what was confirmed then.
        reopened = self.browse()
        if vals.get("state") in ("draft", "sent"):
            reopened = self.filtered("unifyx_urgent_state")
        res = super().write(vals)
        if reopened:
            reopened.sudo().write(
                {
                    "unifyx_urgent_state": False,
                    "unifyx_urgent_deadline": False,
                    "unifyx_urgent_approved_by": False,
                }
            )
        return res

    def button_confirm(self):
        # Urgent orders skip the matrix (its rows exclude them) and wait for an
        # approval after the fact.
        res = super().button_confirm()
        urgent = self.filtered(
            lambda o: (
                o.unifyx_urgent and o.state in ("purchase", "done") and not o.unifyx_urgent_state
            )
        )
        for order in urgent:
            delay = order.company_id.unifyx_urgent_approval_days
            order.sudo().write(
                {
                    "unifyx_urgent_state": "to_approve",
                    "unifyx_urgent_deadline": fields.Date.add(
                        fields.Date.context_today(order), days=delay
                    ),
                }
            )
            order._unifyx_schedule_urgent_activity("unifyx_base.group_purchasing_manager")
        return res

    def _unifyx_schedule_urgent_activity(self, group_xmlid):
        self.ensure_one()
        requester = self.user_id | self.create_uid
        for user in self.env.ref(group_xmlid).users - requester:
            if user.company_id == self.company_id or self.company_id in user.company_ids:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=self.unifyx_urgent_deadline,
                    summary=self.env._("Approve urgent purchase %s", self.name),
                    note=self.unifyx_urgent_reason,
                    user_id=user.id,
                )

    def action_unifyx_approve_urgent(self):
        """After-the-fact approval of an urgent purchase."""
        manager = self.env.user.has_group("unifyx_base.group_purchasing_manager") or (
            self.env.user.has_group("unifyx_base.group_finance")
        )
        if not manager:
            raise AccessError(self.env._("Only a purchasing manager or finance approves this."))
        for order in self:
            if order.unifyx_urgent_state not in ("to_approve", "overdue"):
                raise UserError(self.env._("%s has no urgent approval pending.", order.name))
            if self.env.user in (order.user_id | order.create_uid):
                raise UserError(
                    self.env._("You cannot approve your own urgent purchase %s.", order.name)
                )
            order.sudo().write(
                {"unifyx_urgent_state": "approved", "unifyx_urgent_approved_by": self.env.user.id}
            )
            # What was approved after the fact is what later changes are compared with.
            order._unifyx_take_snapshot()
            order.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
            ).sudo().action_feedback(feedback=self.env._("Urgent purchase approved."))
            order.message_post(
                body=self.env._(
                    "Urgent purchase approved after the fact by %s.", self.env.user.name
                )
            )
        return True

    def _unifyx_check_worse(self):
        # The matrix's rows exclude urgent purchases: once approved after the
        # fact, the approval is theirs, and a change for the worse is refused.
        super()._unifyx_check_worse()
        if self.env.su:
            return
        for order in self.filtered(
            lambda o: o.unifyx_urgent_state == "approved" and o.unifyx_approval_snapshot
        ):
            reasons = order._unifyx_urgent_worse_reasons()
            if reasons:
                raise UserError(
                    self.env._(
                        "%(document)s was approved as an urgent purchase: it cannot change "
                        "for the worse (%(fields)s). Order the rest on a new purchase.",
                        document=order.display_name,
                        fields=", ".join(
                            order._fields[path]._description_string(self.env) for path in reasons
                        ),
                    )
                )

    def _unifyx_urgent_worse_reasons(self):
        self.ensure_one()
        snapshot = self.unifyx_approval_snapshot
        reasons = []
        for path in CONFIRMED_WATCHED:
            if path not in snapshot or path not in self._fields:
                continue
            now = self._unifyx_path_value(path)
            if path == "unifyx_approval_amount":
                worse = (
                    float_compare(
                        now,
                        snapshot[path] or 0.0,
                        precision_rounding=self.company_currency_id.rounding,
                    )
                    > 0
                )
            else:
                worse = now != snapshot[path]
            if worse:
                reasons.append(path)
        return reasons

    @api.model
    def _cron_unifyx_escalate_urgent(self):
        """Urgent purchases not approved in time become overdue and go to finance."""
        overdue = self.sudo().search(
            [
                ("unifyx_urgent_state", "=", "to_approve"),
                ("unifyx_urgent_deadline", "<", fields.Date.context_today(self)),
            ]
        )
        for order in overdue:
            order.unifyx_urgent_state = "overdue"
            order._unifyx_schedule_urgent_activity("unifyx_base.group_finance")
            order.message_post(
                body=self.env._("Urgent purchase not approved in time: escalated to finance.")
            )
        return overdue
