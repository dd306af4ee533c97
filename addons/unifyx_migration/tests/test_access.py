# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MigrationCase, csv_bytes

REFUSED = ("salesperson", "sales_manager", "director", "warehouse_manager", "finance")


@tagged("post_install", "-at_install")
class TestMigrationAccess(MigrationCase):
    def test_migration_menu_is_for_consultants(self):
        menus = self.env.ref("unifyx_migration.unifyx_migration_uom_menu") | self.env.ref(
            "unifyx_migration.unifyx_migration_category_menu"
        )
        visible = self.visible_menus(self.users["consultant"])
        self.assertTrue(set(menus.ids) <= set(visible))
        for role in ("salesperson", "director", "warehouse_manager", "finance"):
            self.assertFalse(set(menus.ids) & set(self.visible_menus(self.users[role])), role)

    def test_consultant_may_load_reference_data(self):
        """A consultant loads units and categories through the cockpit (profile,
        upload, dry run, commit); every other role is refused at each step and
        nothing is written."""
        units = csv_bytes(
            [
                ["Unité", "Catégorie d'unité", "Type", "Ratio"],
                ["Fût AX", "Volume", "Plus grand", "200"],
            ]
        )
        categories = csv_bytes([["Famille"], ["Accès AX / Échelles AX"]])
        queued = self.run_file(self.profile("category"), "familles.csv", categories, commit=False)
        models = ("uom.uom", "product.category", "unifyx.migration.run", "unifyx.migration.profile")
        before = self.counts(*models)
        for role in REFUSED:
            user = self.users[role]
            with self.subTest(role=role, step="profile"), self.assertRaises(AccessError):
                self.profile("uom", env=self.env(user=user))
            with self.subTest(role=role, step="upload"), self.assertRaises(AccessError):
                self.env["unifyx.migration.run"].with_user(user).create(
                    {
                        "profile_id": queued.profile_id.id,
                        "file_name": "familles.csv",
                        "file": base64.b64encode(categories),
                    }
                )
            with self.subTest(role=role, step="commit"), self.assertRaises(AccessError):
                queued.with_user(user).action_commit()
        self.assertEqual(self.counts(*models), before, "a refused role writes nothing")
        self.assertEqual(queued.state, "checked")

        run = self.run_file(self.profile("uom"), "unites.csv", units)
        self.assertEqual(
            (run.state, run.count_create), ("done", 1), self.errors(run).mapped("message")
        )
        barrel = self.env["uom.uom"].search([("name", "=", "Fût AX")])
        self.assertEqual(
            (barrel.category_id, barrel.uom_type, barrel.factor_inv),
            (self.env.ref("uom.product_uom_categ_vol"), "bigger", 200.0),
        )
        self.assertEqual(barrel.create_uid, self.consultant)
        run = self.run_file(self.profile("category"), "familles.csv", categories)
        self.assertEqual(
            (run.state, run.count_create), ("done", 1), self.errors(run).mapped("message")
        )
        ladders = self.env["product.category"].search(
            [("complete_name", "=", "Accès AX / Échelles AX")]
        )
        self.assertEqual((len(ladders), ladders.create_uid), (1, self.consultant))
        # The same files again: nothing new (idempotent rerun).
        run = self.run_file(self.profile("category"), "familles.csv", categories)
        self.assertEqual((run.count_create, run.count_unchanged), (0, 1))
