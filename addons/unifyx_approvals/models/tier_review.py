# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError

# Set only by the approval flow's own methods (see tier_validation.py). A context
# key would not do: RPC callers choose their context.
_REVIEW_FLOW = ContextVar("unifyx_review_flow", default=False)

# What an approval is: who decides, on what, and the decision.
PROTECTED_FIELDS = {
    "status",
    "done_by",
    "reviewed_date",
    "definition_id",
    "model",
    "res_id",
    "requested_by",
    "sequence",
    "reviewer_id",
    "reviewer_group_id",
    # stored computes: writable through the ORM, and deciding who may approve
    "reviewer_ids",
    "can_review",
    "approve_sequence_bypass",
}


@contextmanager
def review_flow():
    token = _REVIEW_FLOW.set(True)
    try:
        yield
    finally:
        _REVIEW_FLOW.reset(token)


class TierReview(models.Model):
    """base_tier_validation lets every internal user write and delete reviews:
    an approval could be forged by writing ``status``. Reviews now change only
    through the document's approval methods."""

    _inherit = "tier.review"

    # "To approve by me" searches these: keep them indexed.
    status = fields.Selection(index=True)
    can_review = fields.Boolean(index=True)

    def _unifyx_check_review_flow(self):
        if not self.env.su and not _REVIEW_FLOW.get():
            raise AccessError(
                self.env._(
                    "Approvals change only through the Validate and Reject buttons "
                    "of their document."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_review_flow()
        return super().create(vals_list)

    def write(self, vals):
        if PROTECTED_FIELDS & vals.keys():
            self._unifyx_check_review_flow()
        return super().write(vals)

    def unlink(self):
        self._unifyx_check_review_flow()
        return super().unlink()

    def _get_reviewers(self):
        # Delegates of the reviewers approve too while their delegation runs.
        reviewers = super()._get_reviewers()
        return reviewers | reviewers._unifyx_active_delegates()

    @api.model
    def _unifyx_refresh_reviewers(self, users=None):
        """Recompute who may approve the open reviews (of ``users``' reviews, or
        all): delegations start and end."""
        domain = [("status", "in", ("waiting", "pending"))]
        if users is not None:
            domain += [
                "|",
                ("definition_id.reviewer_id", "in", users.ids),
                ("definition_id.reviewer_group_id.users", "in", users.ids),
            ]
        reviews = self.search(domain)
        with review_flow():
            reviews._compute_reviewer_ids()
        return reviews

    @api.model
    def _cron_unifyx_refresh_delegations(self):
        return self._unifyx_refresh_reviewers()

    def _compute_can_review(self):
        # base_tier_validation moves waiting reviews to pending while computing.
        with review_flow():
            return super()._compute_can_review()
