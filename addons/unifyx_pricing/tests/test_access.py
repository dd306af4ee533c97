# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import UnifyxCase, disable_features


@tagged("post_install", "-at_install")
class TestPricingAccess(UnifyxCase):
    def test_salespeople_quote_with_pricelists(self):
        # Even with the feature off for employees (activating a second
        # currency switches it on), the sales roles keep pricelists.
        disable_features(self.env, "product.group_product_pricelist")
        for role in ("salesperson", "sales_manager", "director"):
            self.assertTrue(self.users[role].has_group("product.group_product_pricelist"), role)
        self.assertFalse(
            self.users["warehouse_operator"].has_group("product.group_product_pricelist")
        )

    def test_pricing_menu(self):
        menu = self.env.ref("unifyx_pricing.unifyx_pricelist_menu")
        self.assertIn(menu.id, self.visible_menus(self.users["sales_manager"]))
        self.assertIn(menu.id, self.visible_menus(self.users["consultant"]))
        self.assertNotIn(menu.id, self.visible_menus(self.users["salesperson"]))
        self.assertNotIn(menu.id, self.visible_menus(self.users["purchaser"]))

    def test_only_sales_managers_edit_pricelists(self):
        Pricelist = self.env["product.pricelist"]
        with self.assertRaises(AccessError):
            Pricelist.with_user(self.users["salesperson"]).create({"name": "Installers 2026"})
        pricelist = Pricelist.with_user(self.users["sales_manager"]).create(
            {"name": "Installers 2026"}
        )
        self.assertEqual(pricelist.with_user(self.users["salesperson"]).name, "Installers 2026")
