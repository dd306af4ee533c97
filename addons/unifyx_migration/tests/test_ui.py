# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools.misc import file_open

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, UnifyxTourCase


@tagged("post_install", "-at_install")
class TestConsultantUploadTour(RoleUsersMixin, UnifyxTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env(user=cls.users["consultant"])["unifyx.migration.profile"].create(
            {"name": "Product categories", "target": "category"}
        )

    def test_consultant_uploads_previews_checks_and_commits_a_legacy_file(self):
        consultant = self.users["consultant"]
        Category = self.env["product.category"]
        self.assertFalse(Category.search([("complete_name", "=", "Quincaillerie / Visserie")]))
        # The browser fetches the shipped file from here to upload it.
        with file_open("unifyx_migration/tests/data/01_categories.csv", "rb") as legacy:
            attachment = (
                self.env["ir.attachment"]
                .with_user(consultant)
                .create({"name": "01_categories.csv", "raw": legacy.read()})
            )
        self.env["ir.model.data"].create(
            {
                "module": "unifyx_migration",
                "name": "tour_legacy_categories",
                "model": "ir.attachment",
                "res_id": attachment.id,
            }
        )
        self.start_tour("/odoo", "unifyx_migration_consultant_upload", login=consultant.login)

        run = self.env["unifyx.migration.run"].search([("file_name", "=", "01_categories.csv")])
        self.assertEqual(len(run), 1)
        self.assertEqual((run.state, run.user_id, run.target), ("done", consultant, "category"))
        self.assertEqual(
            run.with_context(bin_size=False).file, attachment.datas, "the file as sent"
        )
        self.assertEqual(run.count_rejected, 0)
        self.assertEqual(run.count_create + run.count_unchanged, 5)
        self.assertTrue(run.date_done)
        for path in (
            "Quincaillerie / Visserie",
            "Quincaillerie / Visserie / Inox",
            "Epi / Gants",
            "Electricité / Câbles",
            "Epi / Protection auditive",
        ):
            self.assertEqual(Category.search_count([("complete_name", "=", path)]), 1, path)
        # The log shows each change beside the original.
        change = run.line_ids.filtered(lambda line: line.row_number == 2)
        self.assertEqual(
            (change.level, change.original_value, change.new_value),
            ("change", "QUINCAILLERIE > Visserie", "Quincaillerie / Visserie"),
        )
        self.assertFalse(run.line_ids.filtered(lambda line: line.level == "error"))
