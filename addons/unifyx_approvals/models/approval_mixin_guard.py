# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The confirmation guard of an approval document, and the refusal of the
client's skip keys.

Any way out of the states under approval (confirm, Lock, a state written over
RPC) is checked as a confirmation; OCA's context keys that skip its checks
(``SKIP_KEYS``) are honoured only inside ``validation_skipped()``, server-side
state, never from the client's context.
"""

from odoo import models
from odoo.exceptions import ValidationError

from .tier_review import review_flow, validation_skipped

# OCA's context keys that skip its checks. A client sends any context: they are
# honoured only inside validation_skipped() (server-side state).
SKIP_KEYS = ("skip_validation_check", "skip_check_state_condition")


# One _inherit per concern, on purpose (issue 16).
# pylint: disable=consider-merging-classes-inherited
class UnifyxApprovalMixin(models.AbstractModel):
    _inherit = "unifyx.approval.mixin"

    def _unifyx_under_approval(self):
        self.ensure_one()
        return bool(self.review_ids) and self[self._state_field] in self._state_from

    def _unifyx_without_client_skips(self):
        """OCA honours skip_validation_check and skip_check_state_condition from
        the context: only inside validation_skipped() here."""
        if validation_skipped() or not any(self.env.context.get(key) for key in SKIP_KEYS):
            return self
        return self.with_context(**dict.fromkeys(SKIP_KEYS, False))

    def _check_state_from_condition(self):
        return super(
            UnifyxApprovalMixin, self._unifyx_without_client_skips()
        )._check_state_from_condition()

    def _tier_validation_check_write_allowed(self, vals):
        return super(
            UnifyxApprovalMixin, self._unifyx_without_client_skips()
        )._tier_validation_check_write_allowed(vals)

    def _tier_validation_check_state_on_write(self, vals):
        """OCA's check, with the amount compared with what was approved, and
        without relying on request_validation's return value (it returns True
        for XML-RPC)."""
        self = self._unifyx_without_client_skips()
        for record in self:
            if not record._check_state_conditions(vals):
                continue
            if record.need_validation:
                # Try to validate: a reviewer confirming approves at once.
                record.request_validation()
                record._validate_tier(record.review_ids)
                if record.validation_status != "validated":
                    pending = record.review_ids.filtered(lambda r: r.status == "pending")
                    raise ValidationError(
                        self.env._(
                            "This action needs to be validated for at least one record. "
                            "Reviews pending:\n - %s \nPlease request a validation.",
                            "\n - ".join(pending.mapped("name")),
                        )
                    )
            if record.review_ids and record.validation_status != "validated":
                raise ValidationError(
                    self.env._("A validation process is still open for at least one record.")
                )
            if record.review_ids and record._unifyx_worse_reasons():
                raise ValidationError(
                    self.env._(
                        "%(document)s changed since it was approved: ask for approval again.",
                        document=record.display_name,
                    )
                )

    def _unifyx_leaves_approval(self, vals):
        """Written to a state past approval other than cancelling: Odoo's Lock
        button writes 'done' on a draft purchase order, and Unlock then makes it
        'purchase' from a state no check watched."""
        state = vals.get(self._state_field)
        return bool(state) and state not in self._state_from + [self._cancel_state]

    def _check_state_conditions(self, vals):
        # Any way out of the states under approval is a confirmation.
        if self._unifyx_leaves_approval(vals):
            self.ensure_one()
            return bool(self._check_state_from_condition())
        return super()._check_state_conditions(vals)

    def _check_tier_state_transition(self, vals):
        # Checked as a confirmation above, not as a write under approval.
        if self._unifyx_leaves_approval(vals):
            return False
        return super()._check_tier_state_transition(vals)

    def _tier_validation_check_write_remove_reviews(self, vals):
        # Leaving an approved state (cancel, back to draft) clears the approval.
        leaving = self.filtered(lambda r: r._allow_to_remove_reviews(vals))
        with review_flow():
            res = super()._tier_validation_check_write_remove_reviews(vals)
        leaving._unifyx_clear_snapshot()
        return res
