# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The review flow of an approval document: request, validate, reject,
restart.

Reviews change only through these methods (and their comment wizard): for the
approver whose turn it is, within their delegation, never on their own request.
Public methods return what XML-RPC can marshal.
"""

from odoo import models
from odoo.exceptions import UserError

from .tier_review import review_flow


# One _inherit per concern, on purpose (issue 16).
# pylint: disable=consider-merging-classes-inherited
class UnifyxApprovalMixin(models.AbstractModel):
    _inherit = "unifyx.approval.mixin"

    def _unifyx_reviews_to_decide(self, tiers=False):
        """The reviews of this document that the current user decides now: theirs,
        waiting or pending, at their turn. ``tiers`` (from a wizard) narrows them,
        never widens them to another document's."""
        self.ensure_one()
        user = self.env.user
        sequences = self._get_sequences_to_approve(user)
        reviews = self.review_ids.filtered(
            lambda r: (
                r.status in ("waiting", "pending")
                and user in r.reviewer_ids
                and (r.sequence in sequences or r.approve_sequence_bypass)
            )
        )
        if tiers:
            reviews &= tiers
        return reviews

    def _unifyx_check_approver(self, reviews):
        """Nobody approves their own request, whatever roles they hold, nor
        after their delegation has ended."""
        self.ensure_one()
        if self.env.su or not reviews:
            return
        self._unifyx_check_delegation(reviews)
        if self.env.user in (self.user_id | self.create_uid):
            raise UserError(
                self.env._(
                    "You cannot approve your own request %(document)s: "
                    "another approver must review it.",
                    document=self.display_name,
                )
            )

    def _unifyx_check_delegation(self, reviews):
        if any(self.env.user not in review.sudo()._get_reviewers() for review in reviews):
            raise UserError(
                self.env._(
                    "Your delegation to approve %(document)s has ended.",
                    document=self.display_name,
                )
            )

    def request_validation(self):
        self.invalidate_recordset(["need_validation"])
        self.filtered(lambda r: r._unifyx_stale_approval()).restart_validation()
        self.invalidate_recordset(["need_validation"])
        # Only the reviews created now take a snapshot: requesting again must not
        # bless changes made since an approval.
        fresh = self.filtered(lambda r: not r.review_ids)
        with review_flow():
            super().request_validation()
        fresh.filtered("review_ids")._unifyx_take_snapshot()
        self.review_ids._unifyx_sync_activities()
        # Not the reviews: XML-RPC cannot marshal a recordset.
        return True

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        reviews = self._unifyx_reviews_to_decide(tiers)
        if not reviews:
            # OCA would take every review of the document for an empty set.
            return
        self._unifyx_check_approver(reviews)
        with review_flow():
            super()._validate_tier(tiers=reviews)
        self.review_ids._unifyx_sync_activities()

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        reviews = self._unifyx_reviews_to_decide(tiers)
        if not reviews:
            return
        if not self.env.su:
            self._unifyx_check_delegation(reviews)
        with review_flow():
            super()._rejected_tier(tiers=reviews)
        self.review_ids._unifyx_sync_activities()

    def validate_tier(self):
        self.ensure_one()
        if not self._unifyx_reviews_to_decide():
            # Nothing is the user's to decide now: no wizard to fill in for nothing.
            return True
        res = super().validate_tier()
        return True if res is None else res

    def reject_tier(self):
        self.ensure_one()
        if not self._unifyx_reviews_to_decide():
            return True
        res = super().reject_tier()
        return True if res is None else res

    def restart_validation(self):
        with review_flow():
            super().restart_validation()
        # OCA restarts only before confirmation: a confirmed order keeps what it
        # was confirmed at, or it could then get worse unchecked.
        self.filtered(
            lambda r: not r.review_ids and r[r._state_field] in r._state_from
        )._unifyx_clear_snapshot()
        self.review_ids._unifyx_sync_activities()
        return True

    def _update_counter(self, review_counter):
        # OCA moves the next sequential review to pending here, after a decision.
        with review_flow():
            res = super()._update_counter(review_counter)
        self.review_ids._unifyx_sync_activities()
        return res
