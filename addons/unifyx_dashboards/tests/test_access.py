# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase


@tagged("post_install", "-at_install")
class TestDashboardsAccess(UnifyxCase):
    def test_dashboards_menu_per_role(self):
        menu = self.env.ref("unifyx_dashboards.unifyx_dashboards_menu")
        for role in ("sales_manager", "warehouse_manager", "finance", "director"):
            self.assertIn(menu.id, self.visible_menus(self.users[role]), role)
        for role in ("salesperson", "purchaser", "warehouse_operator"):
            self.assertNotIn(menu.id, self.visible_menus(self.users[role]), role)

    def test_boards_with_data_for_managers(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        sales_board = Dashboard.with_user(self.users["sales_manager"]).search([])
        self.assertTrue(sales_board, "Odoo's sales dashboards are available")
        data = sales_board[:1].get_readonly_dashboard()
        self.assertIn("snapshot", data)

    def test_unifyx_boards_per_role(self):
        operations = self.env.ref("unifyx_dashboards.spreadsheet_dashboard_operations")
        margins = self.env.ref("unifyx_dashboards.spreadsheet_dashboard_margins")
        Dashboard = self.env["spreadsheet.dashboard"]
        expected = {
            "warehouse_manager": operations,
            "sales_manager": margins,
            "finance": operations | margins,
            "director": operations | margins,
            "salesperson": Dashboard,
            "warehouse_operator": Dashboard,
        }
        for role, boards in expected.items():
            visible = Dashboard.with_user(self.users[role]).search(
                [("id", "in", (operations | margins).ids)]
            )
            self.assertEqual(visible, boards, role)
        data = operations.with_user(self.users["warehouse_manager"]).get_readonly_dashboard()
        self.assertIn("unifyx.kpi.value", str(data["snapshot"]))
        data = margins.with_user(self.users["sales_manager"]).get_readonly_dashboard()
        self.assertIn("unifyx.margin.report", str(data["snapshot"]))
