# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from ..models.tier_review import review_flow


class CommentWizard(models.TransientModel):
    """OCA's decision wizard takes its document and reviews from the values it
    is created with: a client can name any. It decides only the reviews of the
    document it names, that are the current user's to decide now."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        if self.validate_reject not in ("validate", "reject"):
            raise UserError(self.env._("Choose to validate or to reject."))
        if self.res_model not in self.env or "review_ids" not in self.env[self.res_model]._fields:
            raise UserError(self.env._("This document has no approvals."))
        document = self.env[self.res_model].browse(self.res_id).exists()
        # The user must be able to read the document they decide on.
        document.check_access("read")
        reviews = self.review_ids
        if not reviews:
            # Nothing of the user's to decide: OCA would take every review.
            return True
        if not document or reviews - document.review_ids:
            raise UserError(
                self.env._(
                    "These reviews do not belong to %(document)s.", document=document.display_name
                )
            )
        if hasattr(document, "_unifyx_reviews_to_decide"):
            if reviews - document._unifyx_reviews_to_decide(reviews):
                raise UserError(
                    self.env._(
                        "You are not the approver whose turn it is on %(document)s.",
                        document=document.display_name,
                    )
                )
            if self.validate_reject == "validate":
                document._unifyx_check_approver(reviews)
            else:
                document._unifyx_check_delegation(reviews)
        with review_flow():
            super().add_comment()
        # Not None: XML-RPC cannot marshal it.
        return True
