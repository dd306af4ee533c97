# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .tier_review import review_flow


class TierValidation(models.AbstractModel):
    """The entry points of the approval flow are the only ones allowed to
    create, decide or delete reviews (see tier_review.py)."""

    _inherit = "tier.validation"

    @api.depends_context("uid")
    def _compute_has_comment(self):
        # Per user: a value computed for one user must not be served to another.
        return super()._compute_has_comment()

    def request_validation(self):
        self.invalidate_recordset(["need_validation"])
        with review_flow():
            res = super().request_validation()
        self.review_ids._unifyx_sync_activities()
        return res

    def _validate_tier(self, tiers=False):
        with review_flow():
            res = super()._validate_tier(tiers=tiers)
        self.review_ids._unifyx_sync_activities()
        return res

    def _rejected_tier(self, tiers=False):
        with review_flow():
            res = super()._rejected_tier(tiers=tiers)
        self.review_ids._unifyx_sync_activities()
        return res

    def restart_validation(self):
        with review_flow():
            res = super().restart_validation()
        self.review_ids._unifyx_sync_activities()
        return res

    def _update_counter(self, review_counter):
        # OCA moves the next sequential review to pending here, after a decision.
        res = super()._update_counter(review_counter)
        self.review_ids._unifyx_sync_activities()
        return res

    def write(self, vals):
        # need_validation declares no dependency: a value computed before reviews
        # were requested in the same transaction would ask for them twice.
        self.invalidate_recordset(["need_validation"])
        with review_flow():
            return super().write(vals)

    def unlink(self):
        with review_flow():
            return super().unlink()
