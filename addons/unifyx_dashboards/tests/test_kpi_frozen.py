# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A month locked in accounting keeps its KPIs: the refresh skips it, nothing
writes it, and only finance recomputes it, logged with the reason and the old
and new values."""

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase
from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, RpcClientMixin

TODAY = date(2026, 3, 15)
FEBRUARY = date(2026, 2, 1)


class FrozenMonthMixin:
    @classmethod
    def _setup_frozen_month(cls):
        """One counted line with a difference in February 2026, the KPIs of
        February and March refreshed, then February locked."""
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])
        cls.product = cls.env["product.product"].create(
            {"name": "Frozen A", "is_storable": True, "standard_price": 10.0}
        )
        cls._count_in_february(5)
        cls.Kpi = cls.env["unifyx.kpi.value"]
        cls.Kpi._refresh(cls.company, months=2, today=TODAY)
        cls.company.sudo().fiscalyear_lock_date = date(2026, 2, 28)
        cls.value = cls.Kpi.search(cls._february("discrepancy_count"))

    @classmethod
    def _count_in_february(cls, counted):
        quant = (
            cls.env["stock.quant"]
            .with_context(inventory_mode=True)
            .create(
                {
                    "product_id": cls.product.id,
                    "location_id": cls.warehouse.lot_stock_id.id,
                    "inventory_quantity": counted,
                }
            )
        )
        quant.action_apply_inventory()
        # The count (its move and log) dated in February.
        cls.env.flush_all()
        when = datetime(2026, 2, 10, 10, 0)
        cls.env.cr.execute(
            "UPDATE unifyx_count_log SET date = %s WHERE company_id = %s", (when, cls.company.id)
        )
        cls.env.cr.execute(
            "UPDATE stock_move SET date = %s WHERE company_id = %s", (when, cls.company.id)
        )
        cls.env.invalidate_all()

    @classmethod
    def _february(cls, kpi):
        return [
            ("company_id", "=", cls.company.id),
            ("kpi", "=", kpi),
            ("date_from", "=", FEBRUARY),
        ]

    def _wizard(self, user="finance"):
        return (
            self.env["unifyx.kpi.recompute.wizard"]
            .with_user(self.users[user])
            .create(
                {"company_id": self.company.id, "month": FEBRUARY, "reason": "Late count found"}
            )
        )


@tagged("post_install", "-at_install")
class TestKpiFrozen(FrozenMonthMixin, UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_frozen_month()

    def test_frozen_month_unchanged_then_logged_recompute(self):
        # One line counted, with a difference: 100 %.
        self.assertEqual((self.value.numerator, self.value.denominator), (1, 1))
        self.assertAlmostEqual(self.value.value, 100.0)
        self.assertTrue(self.value.frozen)
        # A second count in February, without a difference: 1 of 2 lines.
        self._count_in_february(5)
        computed = {
            r["kpi"]: r for r in self.Kpi._compute(self.company, FEBRUARY, date(2026, 2, 28))
        }
        self.assertAlmostEqual(computed["discrepancy_count"]["value"], 50.0)
        self.Kpi._refresh(self.company, months=2, today=TODAY)
        self.Kpi._cron_refresh()
        self.assertAlmostEqual(self.value.value, 100.0, "the refresh skips a closed month")
        self.assertEqual(self.value.denominator, 1)
        march = self.Kpi.search(
            [("company_id", "=", self.company.id), ("date_from", "=", date(2026, 3, 1))]
        )
        self.assertFalse(march.filtered("frozen"))
        # Finance recomputes February, saying why.
        action = self._wizard().action_recompute()
        log = self.env["unifyx.kpi.recompute.log"].browse(action["res_id"])
        self.assertAlmostEqual(self.value.value, 50.0)
        self.assertEqual(log.user_id, self.users["finance"])
        self.assertEqual((log.month, log.reason), (FEBRUARY, "Late count found"))
        self.assertTrue(log.date)
        line = log.line_ids.filtered(lambda line: line.kpi == "discrepancy_count")
        self.assertEqual((line.old_value, line.new_value), (100.0, 50.0))
        self.assertTrue(line.had_value and line.has_value)
        for role in ("finance", "director"):
            self.assertTrue(log.with_user(self.users[role]).line_ids.read(["old_value"]))
        with self.assertRaises(AccessError):
            log.with_user(self.users["warehouse_manager"]).read(["reason"])
        # Frozen again afterwards.
        with self.assertRaises(UserError):
            self.value.sudo().write({"value": 1.0})

    def test_frozen_value_refused_on_every_path(self):
        for context in ({}, {"unifyx_kpi_recompute": True}, {"force": 1}):
            value = self.value.sudo().with_context(**context)
            with self.assertRaises(UserError, msg=context):
                value.write({"value": 1.0})
            with self.assertRaises(UserError, msg=context):
                value.unlink()
            with self.assertRaises(UserError, msg=context):
                self.Kpi.sudo().with_context(**context).create(
                    {
                        "kpi": "on_time_delivery",
                        "company_id": self.company.id,
                        "warehouse_id": self.warehouse.id,
                        "date_from": FEBRUARY,
                        "date_to": date(2026, 2, 28),
                        "value": 1.0,
                    }
                )
        # An open month's value may still be moved into a closed one? No.
        march = self.Kpi.search(
            [("company_id", "=", self.company.id), ("date_from", "=", date(2026, 3, 1))], limit=1
        )
        with self.assertRaises(UserError):
            march.sudo().write({"date_to": date(2026, 2, 28)})
        self.assertAlmostEqual(self.value.value, 100.0)

    def test_recompute_refused_to_others(self):
        wizard = self._wizard()
        for role in ("salesperson", "warehouse_operator", "warehouse_manager", "sales_manager"):
            with self.assertRaises(AccessError, msg=role):
                self._wizard(role)
            with self.assertRaises(AccessError, msg=role):
                wizard.with_user(self.users[role]).action_recompute()
            # No write access, or (a manager who reads the KPIs) the month is frozen.
            with self.assertRaises(UserError, msg=role):
                self.value.with_user(self.users[role]).write({"value": 1.0})
        self._count_in_february(5)
        self.assertAlmostEqual(self.value.value, 100.0)
        self.assertFalse(
            self.env["unifyx.kpi.recompute.log"].search([("company_id", "=", self.company.id)])
        )

    def test_open_month_not_recomputed_by_wizard(self):
        wizard = self._wizard()
        wizard.month = date(2026, 3, 1)
        with self.assertRaises(UserError):
            wizard.action_recompute()


@tagged("post_install", "-at_install")
class TestKpiFrozenRpc(FrozenMonthMixin, RpcClientMixin, RoleUsersMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls._setup_frozen_month()

    def _unchanged(self):
        self.assertAlmostEqual(self.value.value, 100.0)
        self.assertFalse(
            self.env["unifyx.kpi.recompute.log"].search([("company_id", "=", self.company.id)])
        )

    def test_rpc_refusals(self):
        wizard = self._wizard()
        self._count_in_february(5)
        ctx = {"unifyx_kpi_recompute": True}
        for role in ("salesperson", "warehouse_operator"):
            user = self.users[role]
            vals = {"company_id": self.company.id, "month": "2026-02-01", "reason": "x"}
            self.assertRpcRefused("", user, "unifyx.kpi.recompute.wizard", "create", [vals])
            self.assertRpcRefused(
                "", user, "unifyx.kpi.recompute.wizard", "action_recompute", [wizard.id]
            )
            self.assertRpcRefused(
                "",
                user,
                "unifyx.kpi.recompute.wizard",
                "action_recompute",
                [wizard.id],
                context=ctx,
            )
            self.assertRpcRefused(
                "", user, "unifyx.kpi.value", "write", [self.value.id], {"value": 1.0}, context=ctx
            )
            self.assertRpcRefused("", user, "unifyx.kpi.value", "unlink", [self.value.id])
            self.assertRpcRefused(
                "",
                user,
                "unifyx.kpi.value",
                "_unifyx_recompute_closed",
                [],
                self.company.id,
                "2026-02-01",
            )
            self.assertRpcRefused(
                "",
                user,
                "unifyx.kpi.baseline",
                "create",
                [
                    {
                        "kpi": "discrepancy_count",
                        "company_id": self.company.id,
                        "value": 1.0,
                        "date_from": "2025-01-01",
                        "date_to": "2025-06-30",
                        "source": "x",
                    }
                ],
            )
            self._unchanged()
        # Finance itself writes no value over RPC, even with the context key.
        finance = self.users["finance"]
        self.assertRpcRefused(
            "", finance, "unifyx.kpi.value", "write", [self.value.id], {"value": 1.0}, context=ctx
        )
        # The refresh anyone may ask for skips the closed month.
        self.xmlrpc_call(self.users["director"], "unifyx.kpi.value", "action_refresh", [])
        self._unchanged()
        # Finance over RPC: the wizard's recompute is the way, and it is logged.
        [wizard_id] = self.xmlrpc_call(
            finance,
            "unifyx.kpi.recompute.wizard",
            "create",
            [{"company_id": self.company.id, "month": "2026-02-01", "reason": "Late count"}],
        )
        self.jsonrpc_call(finance, "unifyx.kpi.recompute.wizard", "action_recompute", [wizard_id])
        self.assertAlmostEqual(self.value.value, 50.0)
        log = self.env["unifyx.kpi.recompute.log"].search([("company_id", "=", self.company.id)])
        self.assertEqual((log.user_id, log.reason), (finance, "Late count"))
