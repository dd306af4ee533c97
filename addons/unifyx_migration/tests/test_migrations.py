# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import MigrationCase

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def load_script(version, name):
    path = MIGRATIONS / version / ("%s.py" % name)
    spec = importlib.util.spec_from_file_location(
        "unifyx_migration_%s" % version.replace(".", "_"), path
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrationScripts(MigrationCase):
    def test_18_0_1_1_0_opening_stock_profiles_read_ref_headers(self):
        profile = self.profile("stock")
        line = profile.line_ids.filtered(lambda x: x.field_name == "product")
        line.headers = "Réf. article, Article maison"  # as a consultant left it
        load_script("18.0.1.1.0", "post-migration").migrate.__wrapped__(self.env, "18.0.1.0.0")
        self.assertEqual(line.headers, "Réf. article, Article maison, Réf, Code article")
        load_script("18.0.1.1.0", "post-migration").migrate.__wrapped__(self.env, "18.0.1.0.0")
        self.assertEqual(line.headers, "Réf. article, Article maison, Réf, Code article")

    def test_18_0_2_1_0_opening_stock_profiles_keyed_on_barcode_take_the_reference(self):
        profile = self.profile("stock")
        archived = self.profile("stock")
        archived.active = False
        products = self.profile("product", match_key="barcode")
        # As 18.0.2.0.0 left them: the barcode was a match key of opening stock.
        self.env.cr.execute(
            "UPDATE unifyx_migration_profile SET match_key = 'barcode' WHERE id IN %s",
            [(profile.id, archived.id)],
        )
        self.env.invalidate_all()
        load_script("18.0.2.1.0", "post-migration").migrate.__wrapped__(self.env, "18.0.2.0.0")
        self.assertEqual(
            (profile | archived | products).mapped("match_key"),
            ["default_code", "default_code", "barcode"],
        )
