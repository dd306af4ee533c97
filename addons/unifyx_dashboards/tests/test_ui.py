# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBoardsTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Build the bundles first: on a busy machine the first page load can
        # outlast the tour's readiness wait.
        for bundle in ("web.assets_web", "web.assets_tests"):
            assets = cls.env["ir.qweb"]._get_asset_bundle(bundle)
            assets.js()
            assets.css()

    def test_each_role_opens_its_boards_with_data(self):
        company = self.env.ref("unifyx_approvals.company_distributor_demo")
        self.assertTrue(
            self.env["unifyx.kpi.value"].search_count([("company_id", "=", company.id)]),
            "the demo distributor's KPIs are computed",
        )
        self.start_tour("/odoo", "unifyx_board_operations", login="wh_manager")
        self.start_tour("/odoo", "unifyx_board_margins", login="sales_manager")
        self.start_tour("/odoo", "unifyx_board_operations", login="finance")
