# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test fixtures every UnifyX addon builds on: one fresh user per role in a
company of their own (no demo data needed), and the tour base class."""

import importlib.util
import json
import urllib.request

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

ROLES = {
    "purchaser": "unifyx_base.group_purchaser",
    "purchasing_manager": "unifyx_base.group_purchasing_manager",
    "warehouse_operator": "unifyx_base.group_warehouse_operator",
    "warehouse_manager": "unifyx_base.group_warehouse_manager",
    "salesperson": "unifyx_base.group_salesperson",
    "sales_manager": "unifyx_base.group_sales_manager",
    "finance": "unifyx_base.group_finance",
    "director": "unifyx_base.group_director",
    "consultant": "unifyx_base.group_consultant",
}


def load_migration(addon, version, name):
    """The module of ``<addon>/migrations/<version>/<name>.py``, to call what its
    ``migrate()`` runs (openupgrade's decorator wants the migration manager's
    frame)."""
    path = "%s/migrations/%s/%s.py" % (get_module_path(addon), version, name)
    spec = importlib.util.spec_from_file_location(
        "%s_migration_%s_%s" % (addon, version.replace(".", "_"), name.replace("-", "_")), path
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def execute_jsonrpc(base_url, db, uid, password, model, method, args=(), kwargs=None):
    """``execute_kw`` over Odoo's JSON-RPC endpoint (``/jsonrpc``), as an
    integration calls it. Returns the answer: a dict with ``result`` (left
    out when it is None) or ``error`` (its message in ``["data"]["message"]``)."""
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {
            "service": "object",
            "method": "execute_kw",
            "args": [db, uid, password, model, method, list(args), kwargs or {}],
        },
    }
    request = urllib.request.Request(
        "%s/jsonrpc" % base_url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


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


class UnifyxCompanyCase(UnifyxCase):
    """``UnifyxCase`` whose environment works in the test's company only (the
    company the role users belong to), as a user of that company would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
