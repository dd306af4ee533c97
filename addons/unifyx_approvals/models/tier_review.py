# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError

# Set only by the approval flow's own methods (see tier_validation.py). A context
# key would not do: RPC callers choose their context.
_REVIEW_FLOW = ContextVar("unifyx_review_flow", default=False)
# Set only by server code that must skip OCA's checks (its context keys
# skip_validation_check / skip_check_state_condition are ignored otherwise).
_SKIP_VALIDATION = ContextVar("unifyx_skip_validation", default=False)

# What an approval is: who decides, on what, and the decision.
PROTECTED_FIELDS = {
    "status",
    "comment",
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


@contextmanager
def skip_validation():
    """Server code only: honour OCA's skip context keys inside the block."""
    token = _SKIP_VALIDATION.set(True)
    try:
        yield
    finally:
        _SKIP_VALIDATION.reset(token)


def validation_skipped():
    return _SKIP_VALIDATION.get()


class TierReview(models.Model):
    """base_tier_validation lets every internal user write and delete reviews:
    an approval could be forged by writing ``status``. Reviews now change only
    through the document's approval methods (see approval_mixin.py), which mark
    their own writes, never a whole document write: an x2many command on the
    document's review_ids reaches these checks too."""

    _inherit = "tier.review"

    # "To approve by me" searches these: keep them indexed.
    status = fields.Selection(index=True)
    can_review = fields.Boolean(index=True)
    unifyx_activity_ids = fields.Many2many(
        "mail.activity", string="Approver Activities", readonly=True, copy=False
    )

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
        if vals_list:
            self._unifyx_check_review_flow()
        return super().create(vals_list)

    def write(self, vals):
        if self and PROTECTED_FIELDS & vals.keys():
            self._unifyx_check_review_flow()
        return super().write(vals)

    def unlink(self):
        if self:
            self._unifyx_check_review_flow()
        self.sudo().unifyx_activity_ids.unlink()
        return super().unlink()

    def _unifyx_sync_activities(self):
        """Give every reviewer of a pending review a to-do on the document, due
        when the reminder would go out; take them away once the review is
        decided. OCA's own notifications are messages, easy to miss."""
        # Reviews turn pending while their stored can_review is computed.
        self.flush_model(["can_review", "status"])
        activity_type = self.env.ref("unifyx_approvals.mail_activity_type_approval")
        today = fields.Date.context_today(self)
        for review in self.sudo():
            activities = review.unifyx_activity_ids.exists()
            if review.status != "pending":
                activities.unlink()
                continue
            # Delegations may have changed who reviews.
            stale = activities.filtered(lambda a, r=review: a.user_id not in r.reviewer_ids)
            stale.unlink()
            activities -= stale
            missing = review.reviewer_ids - activities.user_id
            document = self.env[review.model].browse(review.res_id).exists()
            if not missing or not document or not hasattr(document, "activity_schedule"):
                continue
            new = self.env["mail.activity"]
            for user in missing:
                new |= document.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Approve: %(step)s", step=review.name or ""),
                    date_deadline=fields.Date.add(
                        today, days=review.definition_id.notify_reminder_delay or 0
                    ),
                    user_id=user.id,
                )
            review.unifyx_activity_ids = activities | new

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
        reviews._unifyx_sync_activities()
        return reviews

    @api.model
    def _cron_unifyx_refresh_delegations(self):
        return self._unifyx_refresh_reviewers()

    def _compute_can_review(self):
        # base_tier_validation moves waiting reviews to pending while computing.
        with review_flow():
            return super()._compute_can_review()
