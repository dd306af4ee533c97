# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Baseline, target and change since go-live of stored KPI values, against
figures worked out by hand."""

from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase


@tagged("post_install", "-at_install")
class TestKpiTargets(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])
        cls.company.sudo().unifyx_go_live_date = date(2026, 2, 1)
        Kpi = cls.env["unifyx.kpi.value"].sudo()
        cls.values = {}
        # Stock adjustments (lower is better): 20 % before go-live, then 14 and 6.
        for month, value in ((1, 20.0), (2, 14.0), (3, 6.0)):
            cls.values[("discrepancy_value", month)] = Kpi.create(
                {
                    "kpi": "discrepancy_value",
                    "company_id": cls.company.id,
                    "date_from": date(2026, month, 1),
                    "date_to": date(2026, month, 28),
                    "value": value,
                }
            )
        # On-time delivery (higher is better), one warehouse.
        cls.on_time = Kpi.create(
            {
                "kpi": "on_time_delivery",
                "company_id": cls.company.id,
                "warehouse_id": cls.warehouse.id,
                "date_from": date(2026, 3, 1),
                "date_to": date(2026, 3, 31),
                "value": 92.0,
            }
        )

    def _baseline(self, kpi, value, warehouse=None):
        return (
            self.env["unifyx.kpi.baseline"]
            .with_user(self.users["consultant"])
            .create(
                {
                    "kpi": kpi,
                    "company_id": self.company.id,
                    "warehouse_id": warehouse and warehouse.id,
                    "value": value,
                    "date_from": date(2025, 7, 1),
                    "date_to": date(2025, 12, 31),
                    "source": "audit spreadsheets Jul-Dec 2025",
                }
            )
        )

    def _target(self, kpi, value, date_from, date_to, user="finance"):
        return (
            self.env["unifyx.kpi.target"]
            .with_user(self.users[user])
            .create(
                {
                    "kpi": kpi,
                    "company_id": self.company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "value": value,
                }
            )
        )

    def test_adjustments_minus_30_to_minus_70(self):
        self._baseline("discrepancy_value", 20.0)
        self._target("discrepancy_value", 10.0, date(2026, 2, 10), date(2026, 3, 5))
        jan, feb, mar = (self.values[("discrepancy_value", m)] for m in (1, 2, 3))
        self.assertEqual(feb.direction, "down")
        # (14 - 20) / 20 = -30 %, (6 - 20) / 20 = -70 %.
        self.assertAlmostEqual(feb.change_since_go_live, -30.0)
        self.assertAlmostEqual(mar.change_since_go_live, -70.0)
        self.assertEqual((feb.baseline, feb.target), (20.0, 10.0))
        # The target covers the whole months it touches: February and March.
        self.assertEqual((feb.target_status, mar.target_status), ("missed", "met"))
        # January is before go-live: no change, no target.
        self.assertEqual(jan.change_since_go_live, 0.0)
        self.assertTrue(jan.has_baseline)
        self.assertFalse(jan.has_target)
        self.assertFalse(jan.target_status)
        # The pivot reads the stored figures.
        groups = self.env["unifyx.kpi.value"].read_group(
            [("company_id", "=", self.company.id), ("kpi", "=", "discrepancy_value")],
            ["change_since_go_live:avg", "baseline:avg", "target:avg"],
            ["date_from:month"],
        )
        by_month = {g["date_from:month"]: g for g in groups}
        self.assertEqual(len(by_month), 3)
        self.assertIn(-70.0, [round(g["change_since_go_live"], 1) for g in groups])
        # A new go-live date moves the comparison: January counts now.
        self.company.sudo().unifyx_go_live_date = date(2026, 1, 1)
        self.assertAlmostEqual(jan.change_since_go_live, 0.0)  # 20 against 20
        self.company.sudo().unifyx_go_live_date = False
        self.assertEqual(mar.change_since_go_live, 0.0)

    def test_warehouse_baseline_and_direction_up(self):
        self._baseline("on_time_delivery", 80.0)
        # No warehouse baseline: the company's. (92 - 80) / 80 = +15 %.
        self.assertAlmostEqual(self.on_time.baseline, 80.0)
        self.assertAlmostEqual(self.on_time.change_since_go_live, 15.0)
        self._baseline("on_time_delivery", 92.0, warehouse=self.warehouse)
        self.assertAlmostEqual(self.on_time.change_since_go_live, 0.0)
        self._target("on_time_delivery", 95.0, date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(self.on_time.direction, "up")
        self.assertEqual(self.on_time.target_status, "missed")  # 92 < 95
        target = self.env["unifyx.kpi.target"].search(
            [("company_id", "=", self.company.id), ("kpi", "=", "on_time_delivery")]
        )
        target.with_user(self.users["finance"]).value = 90.0
        self.assertEqual(self.on_time.target_status, "met")
        target.with_user(self.users["finance"]).unlink()
        self.assertFalse(self.on_time.target_status)
        self.assertFalse(self.on_time.has_target)

    def test_one_baseline_no_overlapping_targets(self):
        self._baseline("discrepancy_value", 20.0)
        with self.assertRaises(ValidationError):
            self._baseline("discrepancy_value", 25.0)
        self._target("discrepancy_value", 10.0, date(2026, 1, 1), date(2026, 6, 30))
        with self.assertRaises(ValidationError):
            self._target("discrepancy_value", 8.0, date(2026, 6, 1), date(2026, 9, 30))

    def test_sales_staff_cannot_enter_references(self):
        baseline = self._baseline("discrepancy_value", 20.0)
        for role in ("salesperson", "warehouse_operator", "sales_manager", "purchaser"):
            with self.assertRaises(AccessError, msg=role):
                self.env["unifyx.kpi.baseline"].with_user(self.users[role]).create(
                    {
                        "kpi": "on_time_delivery",
                        "company_id": self.company.id,
                        "value": 50.0,
                        "date_from": date(2025, 7, 1),
                        "date_to": date(2025, 12, 31),
                        "source": "a guess",
                    }
                )
            with self.assertRaises(AccessError, msg=role):
                self._target(
                    "on_time_delivery", 50.0, date(2027, 1, 1), date(2027, 1, 31), user=role
                )
            with self.assertRaises(AccessError, msg=role):
                baseline.with_user(self.users[role]).write({"value": 1.0})
        self.assertEqual(baseline.value, 20.0)
        self.assertEqual(self.values[("discrepancy_value", 3)].baseline, 20.0)
