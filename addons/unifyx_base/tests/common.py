# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test fixtures every UnifyX addon builds on: one fresh user per role in a
company of their own (no demo data needed), the tour base class, settings
switched on as the settings screen does, and calls over the external API."""

import importlib.util
import json
import urllib.request
import xmlrpc.client

from odoo import Command
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


def run_migration(cr, addon, version, name, installed_version):
    """Run ``<addon>/migrations/<version>/<name>.py``'s ``migrate()`` as Odoo's
    migration manager does: openupgrade's decorator reads ``stage``, ``addon``
    and ``pyfile`` from its caller's frame."""
    module = load_migration(addon, version, name)
    pyfile = module.__file__  # noqa: F841 (read from this frame)
    stage = name.split("-")[0]  # noqa: F841
    return module.migrate(cr, installed_version)


def enable_features(env, *groups):
    """Switch on the features of the settings screen that are groups
    (``sale.group_discount_per_so_line``, ``product.group_product_pricelist``...)
    as it does: every employee gets them."""
    env.ref("base.group_user").write(
        {"implied_ids": [Command.link(env.ref(group).id) for group in groups]}
    )


def disable_features(env, *groups):
    """Switch those features off as the settings screen does: employees no
    longer get them (users of a role implying them keep them)."""
    employees = env.ref("base.group_user")
    for group in groups:
        employees._remove_group(env.ref(group))


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


class RpcClientMixin:
    """For an HttpCase: calls as an integration makes them, over plain
    xmlrpc.client (without allow_none) on /xmlrpc/2/object and over JSON-RPC on
    /jsonrpc, as ``user`` (a res.users whose password is its login, as the role
    users' are). ``rpc_context`` is sent with every call, under the call's own
    ``context``."""

    rpc_context = None

    def _rpc_params(self, user, model, method, args, kwargs):
        if self.rpc_context:
            kwargs = dict(kwargs, context=dict(self.rpc_context, **kwargs.get("context", {})))
        return [self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs]

    def xmlrpc_call(self, user, model, method, *args, **kwargs):
        """The result; a refusal raises xmlrpc.client.Fault."""
        proxy = xmlrpc.client.ServerProxy("%s/xmlrpc/2/object" % self.base_url())
        # The server reads the database: what the test wrote goes there first.
        self.env.flush_all()
        try:
            return proxy.execute_kw(*self._rpc_params(user, model, method, args, kwargs))
        finally:
            # The server wrote through the same cursor: read afresh.
            self.env.invalidate_all()

    def jsonrpc_call(self, user, model, method, *args, **kwargs):
        """-> (result, error message or None)"""
        db, uid, password, model, method, args, kwargs = self._rpc_params(
            user, model, method, args, kwargs
        )
        self.env.flush_all()
        try:
            answer = execute_jsonrpc(
                self.base_url(), db, uid, password, model, method, args, kwargs
            )
        finally:
            self.env.invalidate_all()
        error = answer.get("error")
        return answer.get("result"), error and error["data"]["message"]

    def assertXmlrpcRefused(self, text, user, model, method, *args, **kwargs):
        """Refused over XML-RPC, the fault saying ``text``; returns the fault's message."""
        with self.assertRaises(
            xmlrpc.client.Fault, msg="xmlrpc %s.%s was not refused" % (model, method)
        ) as fault:
            self.xmlrpc_call(user, model, method, *args, **kwargs)
        self.assertIn(text, fault.exception.faultString)
        return fault.exception.faultString

    def assertJsonrpcRefused(self, text, user, model, method, *args, **kwargs):
        """Refused over JSON-RPC, the error saying ``text``; returns its message."""
        result, error = self.jsonrpc_call(user, model, method, *args, **kwargs)
        self.assertIsNotNone(error, "jsonrpc %s.%s was not refused" % (model, method))
        self.assertIsNone(result)
        self.assertIn(text, error)
        return error

    def assertRpcRefused(self, text, user, model, method, *args, **kwargs):
        """Refused over both; returns the two messages."""
        return (
            self.assertXmlrpcRefused(text, user, model, method, *args, **kwargs),
            self.assertJsonrpcRefused(text, user, model, method, *args, **kwargs),
        )


class UnifyxCompanyCase(UnifyxCase):
    """``UnifyxCase`` whose environment works in the test's company only (the
    company the role users belong to), as a user of that company would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
