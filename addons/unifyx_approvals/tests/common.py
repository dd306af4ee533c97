# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.unifyx_base.tests.common import (  # noqa: F401 (re-exported)
    ROLES,
    RoleUsersMixin,
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
