# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

# Fields an order under or after approval may still change before confirmation:
# if the order gets worse, it goes back to approval.
EDITABLE_UNDER_APPROVAL = [
    "order_line",
    "notes",
    "note",
    "partner_ref",
    "client_order_ref",
    "date_planned",
    "commitment_date",
    "payment_term_id",
    "incoterm_id",
    "fiscal_position_id",
]


class UnifyxApprovalMixin(models.AbstractModel):
    """What the approval matrix adds to the documents it governs (purchase and
    sale orders, which also inherit OCA's tier.validation): the amount compared
    with the bands, the "who must approve this?" preview, no self-approval, and
    re-approval when an approved document gets worse.

    Helpers only: the documents call them from their own overrides, so that the
    order of the mixins in the MRO does not matter.
    """

    _name = "unifyx.approval.mixin"
    _description = "UnifyX approval matrix document"

    def _unifyx_amount_in_company_currency(self):
        self.ensure_one()
        return self.currency_id._convert(
            self.amount_untaxed,
            self.company_id.currency_id,
            self.company_id,
            self.date_order or fields.Date.context_today(self),
        )

    def _unifyx_approval_preview(self):
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search([("model", "=", self._name), ("unifyx_matrix_id", "!=", False)])
            .sorted("sequence", reverse=True)
        )
        for record in self:
            lines = []
            for definition in definitions:
                if definition.company_id and definition.company_id != record.company_id:
                    continue
                if isinstance(record.id, models.NewId) or not record.evaluate_tier(definition):
                    continue
                lines.append(
                    Markup("<li>%s <span class='text-muted'>(%s: %s)</span></li>")
                    % (
                        definition.unifyx_matrix_step_id.display_name,
                        definition.unifyx_matrix_id.name,
                        definition.unifyx_matrix_id.description,
                    )
                )
            record.unifyx_approval_preview = (
                Markup("<ol>%s</ol>") % Markup().join(lines)
                if lines
                else escape(self.env._("No approval needed."))
            )

    def _unifyx_amounts_under_approval(self, vals, watched):
        """Amounts of the records under or after approval that ``vals`` may
        make worse, to compare after the write."""
        if not watched & vals.keys():
            return {}
        return {
            record.id: record.unifyx_approval_amount
            for record in self
            if record.review_ids and record.state in self._state_from
        }

    def _unifyx_restart_if_worse(self, before):
        if not before:
            return
        worse = self.filtered(
            lambda r: (
                r.id in before
                and float_compare(
                    r.unifyx_approval_amount,
                    before[r.id],
                    precision_rounding=r.company_id.currency_id.rounding,
                )
                > 0
            )
        )
        worse.restart_validation()

    def _unifyx_check_approver(self, tiers):
        """Nobody approves their own request, whatever roles they hold, nor
        after their delegation has ended."""
        self.ensure_one()
        if self.env.su:
            return
        reviews = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
        )
        if not reviews:
            return
        if any(self.env.user not in review.sudo()._get_reviewers() for review in reviews):
            raise UserError(
                self.env._(
                    "Your delegation to approve %(document)s has ended.",
                    document=self.display_name,
                )
            )
        if self.env.user in (self.user_id | self.create_uid):
            raise UserError(
                self.env._(
                    "You cannot approve your own request %(document)s: "
                    "another approver must review it.",
                    document=self.display_name,
                )
            )
