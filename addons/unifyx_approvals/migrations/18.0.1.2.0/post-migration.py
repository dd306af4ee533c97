# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: the approval amount is gross (the sum of the positive lines), and
what the matrix matched is kept when approval is requested.

Documents not confirmed yet get their amount recomputed; those already under
approval get the snapshot that later changes are compared with, so an order
approved before the upgrade cannot get worse after it unseen."""

import logging

from openupgradelib import openupgrade

_logger = logging.getLogger(__name__)


@openupgrade.migrate()
def migrate(env, version):
    for model in ("purchase.order", "sale.order", "unifyx.inventory.approval"):
        Model = env[model]
        records = Model.search([(Model._state_field, "in", Model._state_from)])
        env.add_to_compute(Model._fields["unifyx_approval_amount"], records)
        records.flush_recordset(["unifyx_approval_amount"])
        reviewed = records.filtered(lambda r: r.review_ids and not r.unifyx_approval_snapshot)
        reviewed._unifyx_take_snapshot()
        _logger.info(
            "unifyx_approvals: %s %s recomputed, %s under approval kept",
            len(records),
            model,
            len(reviewed),
        )
