# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase

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


class DemoCompanyCase(TransactionCase):
    """Scenarios played on the demo distributor by its demo users (one per
    role), in the demo company, with its Lyon and Paris warehouses and its stock
    account 370000. Needs the suite's demo data."""

    DEMO_LOGINS = (
        "salesperson",
        "sales_manager",
        "purchaser",
        "purchase_manager",
        "wh_operator",
        "wh_manager",
        "finance",
        "consultant",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("unifyx_approvals.company_distributor_demo")
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                allowed_company_ids=cls.company.ids,
                tracking_disable=True,
                skip_sms=True,
            )
        )
        cls.user = {
            login: cls.env["res.users"].search([("login", "=", login)]) for login in cls.DEMO_LOGINS
        }
        cls.lyon = cls.env.ref("unifyx_approvals.warehouse_lyon_demo")
        cls.paris = cls.env.ref("unifyx_approvals.warehouse_paris_demo")
        cls.stock_account = cls.env["account.account"].search(
            [("code", "=", "370000"), ("company_ids", "in", cls.company.id)]
        )
        cls.customer = cls.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        cls.unit = cls.env.ref("uom.product_uom_unit")

    def _validate(self, picking, user):
        """Validate ``picking`` in full as ``user``."""
        picking = picking.with_user(user)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)
        self.assertEqual(picking.state, "done")
