# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.unifyx_base.tests.common import (  # noqa: F401 (re-exported)
    ROLES,
    RoleUsersMixin,
    RpcClientMixin,
    UnifyxCase,
    UnifyxTourCase,
)


def decide(record, user, decision="validate", comment="OK"):
    """Approve (or reject) ``record`` as ``user`` does in the web client: the
    button opens the comment wizard, whose button records the decision. Returns
    what the button returned (True when it had nothing to ask)."""
    record = record.with_user(user)
    action = record.validate_tier() if decision == "validate" else record.reject_tier()
    if isinstance(action, dict):
        assert action["res_model"] == "comment.wizard", action
        wizard = record.env["comment.wizard"].with_context(**action["context"])
        wizard.create({"comment": comment}).add_comment()
    record.invalidate_recordset()
    return action


def matrix_row(env, company, *approvers, document_type="purchase", name=None, **vals):
    """Create an approval matrix row for ``company``: one sequential step per
    approver, each a role xml id (``"unifyx_base.group_finance"``), a res.groups
    or a step's values dict. Other matrix fields (``amount_min``,
    ``exception_type_ids``...) come in ``vals``."""
    steps = []
    for sequence, approver in enumerate(approvers, start=1):
        if isinstance(approver, dict):
            step = dict(approver)
        else:
            group = env.ref(approver) if isinstance(approver, str) else approver
            step = {"approver_type": "group", "group_id": group.id}
        step.setdefault("sequence", sequence)
        steps.append(Command.create(step))
    return env["unifyx.approval.matrix"].create(
        dict(
            {
                "name": name or "%s row %s" % (document_type, len(steps)),
                "document_type": document_type,
                "company_id": company.id,
                "step_ids": steps,
            },
            **vals,
        )
    )
