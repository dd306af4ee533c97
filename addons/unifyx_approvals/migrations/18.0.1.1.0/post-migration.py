# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: approvers get a to-do for each review waiting for them.

Reviews already pending before the upgrade got none: create them, so nobody's
queue goes silent on the day of the upgrade. Purchase budgets may now be per
analytic account (their category became optional): Odoo drops the NOT NULL
itself, no data changes."""

import logging

from openupgradelib import openupgrade

_logger = logging.getLogger(__name__)


@openupgrade.migrate()
def migrate(env, version):
    reviews = env["tier.review"].search(
        [("status", "=", "pending"), ("definition_id.unifyx_matrix_id", "!=", False)]
    )
    reviews._unifyx_sync_activities()
    _logger.info("unifyx_approvals: approver to-dos for %s pending reviews", len(reviews))
