# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxTourCase


@tagged("post_install", "-at_install")
class TestBoardsTour(UnifyxTourCase):
    def test_each_role_opens_its_boards_with_data(self):
        company = self.env.ref("unifyx_approvals.company_distributor_demo")
        self.assertTrue(
            self.env["unifyx.kpi.value"].search_count([("company_id", "=", company.id)]),
            "the demo distributor's KPIs are computed",
        )
        self.start_tour("/odoo", "unifyx_board_operations", login="wh_manager")
        self.start_tour("/odoo", "unifyx_board_margins", login="sales_manager")
        self.start_tour("/odoo", "unifyx_board_operations", login="finance")
