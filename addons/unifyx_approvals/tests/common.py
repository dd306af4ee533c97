# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

ROLES = {
    "purchaser": "unifyx_approvals.group_purchaser",
    "purchasing_manager": "unifyx_approvals.group_purchasing_manager",
    "warehouse_operator": "unifyx_approvals.group_warehouse_operator",
    "warehouse_manager": "unifyx_approvals.group_warehouse_manager",
    "salesperson": "unifyx_approvals.group_salesperson",
    "sales_manager": "unifyx_approvals.group_sales_manager",
    "finance": "unifyx_approvals.group_finance",
    "director": "unifyx_approvals.group_director",
    "consultant": "unifyx_approvals.group_consultant",
}


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


class RoleUsersMixin:
    """One fresh user per role, in a company of their own, so the tests do not
    depend on the demo users' state. Each user's password is its login."""

    @classmethod
    def _setup_role_users(cls):
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create(
            {
                "name": "UnifyX Test Co",
                "country_id": cls.env.ref("base.fr").id,
                "currency_id": cls.env.ref("base.EUR").id,
            }
        )
        cls.users = {
            role: mail_new_test_user(
                cls.env,
                login="unifyx_test_%s" % role,
                groups="base.group_user,%s" % group,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
            for role, group in ROLES.items()
        }


class UnifyxCase(RoleUsersMixin, TransactionCase):
    """Shared set-up: one fresh user per role, in a company of their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()

    @classmethod
    def visible_menus(cls, user):
        return cls.env["ir.ui.menu"].with_user(user)._visible_menu_ids()


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


class UnifyxTourCase(HttpCase):
    """Browser tests: the web client's bundles are built before the browser
    asks for them. On a fresh database and a busy machine, building them on the
    first page load can outlast the tour's 60 s readiness wait."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for bundle in ("web.assets_web", "web.assets_tests"):
            assets = cls.env["ir.qweb"]._get_asset_bundle(bundle)
            assets.js()
            assets.css()
