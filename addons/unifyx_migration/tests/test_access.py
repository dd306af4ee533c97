# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase


@tagged("post_install", "-at_install")
class TestMigrationAccess(UnifyxCase):
    def test_migration_menu_is_for_consultants(self):
        menus = self.env.ref("unifyx_migration.unifyx_migration_uom_menu") | self.env.ref(
            "unifyx_migration.unifyx_migration_category_menu"
        )
        visible = self.visible_menus(self.users["consultant"])
        self.assertTrue(set(menus.ids) <= set(visible))
        for role in ("salesperson", "director", "warehouse_manager", "finance"):
            self.assertFalse(set(menus.ids) & set(self.visible_menus(self.users[role])), role)

    def test_consultant_may_load_reference_data(self):
        consultant = self.users["consultant"]
        self.env["uom.uom"].with_user(consultant).check_access("create")
        self.env["product.category"].with_user(consultant).check_access("create")
        self.env["base_import.import"].with_user(consultant).check_access("create")
