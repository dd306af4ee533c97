# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    unifyx_approval_amount = fields.Monetary(
        string="Amount for Approval",
        currency_field="company_currency_id",
        compute="_compute_unifyx_approval_amount",
        store=True,
        index=True,
        help="Untaxed amount in the company currency at the order date: what the "
        "approval matrix compares with its bands.",
    )
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    unifyx_approval_preview = fields.Html(
        string="Who must approve this?",
        compute="_compute_unifyx_approval_preview",
        sanitize=False,
    )

    @api.depends("amount_untaxed", "currency_id", "date_order", "company_id")
    def _compute_unifyx_approval_amount(self):
        for order in self:
            order.unifyx_approval_amount = order.currency_id._convert(
                order.amount_untaxed,
                order.company_id.currency_id,
                order.company_id,
                order.date_order or fields.Date.context_today(order),
            )

    @api.depends("unifyx_approval_amount", "order_line", "partner_id", "picking_type_id")
    def _compute_unifyx_approval_preview(self):
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search([("model", "=", self._name), ("unifyx_matrix_id", "!=", False)])
            .sorted("sequence", reverse=True)
        )
        for order in self:
            lines = []
            for definition in definitions:
                if definition.company_id and definition.company_id != order.company_id:
                    continue
                if isinstance(order.id, models.NewId) or not order.evaluate_tier(definition):
                    continue
                lines.append(
                    Markup("<li>%s <span class='text-muted'>(%s: %s)</span></li>")
                    % (
                        definition.unifyx_matrix_step_id.display_name,
                        definition.unifyx_matrix_id.name,
                        definition.unifyx_matrix_id.description,
                    )
                )
            order.unifyx_approval_preview = (
                Markup("<ol>%s</ol>") % Markup().join(lines)
                if lines
                else escape(self.env._("No approval needed."))
            )

    # An order under or after approval may still be edited before confirmation:
    # if it gets worse, write() sends it back to approval.
    _UNIFYX_EDITABLE_UNDER_APPROVAL = [
        "order_line",
        "date_planned",
        "notes",
        "partner_ref",
        "payment_term_id",
        "incoterm_id",
        "fiscal_position_id",
    ]

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._UNIFYX_EDITABLE_UNDER_APPROVAL

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + self._UNIFYX_EDITABLE_UNDER_APPROVAL

    def write(self, vals):
        # An approved order that gets worse goes back to approval.
        watched = {"order_line", "partner_id", "currency_id", "picking_type_id"}
        before = {}
        if watched & vals.keys() or "amount_untaxed" in vals:
            before = {
                order.id: order.unifyx_approval_amount
                for order in self
                if order.review_ids and order.state in self._state_from
            }
        res = super().write(vals)
        if before:
            worse = self.filtered(
                lambda o: (
                    o.id in before
                    and float_compare(
                        o.unifyx_approval_amount,
                        before[o.id],
                        precision_rounding=o.company_id.currency_id.rounding,
                    )
                    > 0
                )
            )
            worse.restart_validation()
        return res

    def _validate_tier(self, tiers=False):
        # Nobody approves their own request, whatever roles they hold.
        reviews = tiers or self.review_ids
        if (
            not self.env.su
            and self.env.user in (self.user_id | self.create_uid)
            and reviews.filtered(
                lambda r: r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
            )
        ):
            raise UserError(
                self.env._(
                    "You cannot approve your own purchase order %(order)s: "
                    "another approver must review it.",
                    order=self.name,
                )
            )
        return super()._validate_tier(tiers=tiers)
