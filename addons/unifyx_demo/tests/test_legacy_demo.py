# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shipped legacy files load through the cockpit into the demo distributor."""

import base64

from odoo.tests import tagged
from odoo.tools.misc import file_open

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestLegacyDemoFiles(DemoCompanyCase):
    """As the demo consultant, in the demo company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(user=cls.user["consultant"])

    def load(self, xmlid, name, partial=False):
        with file_open("unifyx_demo/demo/legacy/%s" % name, "rb") as legacy:
            content = legacy.read()
        run = self.env["unifyx.migration.run"].create(
            {
                "profile_id": self.env.ref(xmlid).id,
                "file_name": name,
                "file": base64.b64encode(content),
                "commit_valid_rows": partial,
            }
        )
        run.action_preview()
        run.action_dry_run()
        run.action_commit()
        return run

    def test_load_legacy_files(self):
        layers_before = self.env["stock.valuation.layer"].search([]).ids
        categories = self.load("unifyx_demo.profile_category_demo", "01_categories.csv")
        self.assertEqual(categories.state, "done")
        self.assertEqual(categories.count_rejected, 0)
        self.assertTrue(
            self.env["product.category"].search(
                [("complete_name", "=", "Quincaillerie / Visserie / Inox")]
            )
        )

        partners = self.load("unifyx_demo.profile_partner_demo", "02_partners.csv")
        self.assertEqual((partners.state, partners.count_create), ("done", 5))
        boulonnerie = self.env["res.partner"].search([("ref", "=", "FRN-001")])
        self.assertEqual(
            (boulonnerie.name, boulonnerie.phone, boulonnerie.email),
            ("Ets BOULONNERIE LYONNAISE", "+33478123456", "contact@boulonnerie.example"),
        )
        # Same company under two names: reported, not merged.
        duplicates = partners.line_ids.filtered(
            lambda line: line.level == "warning" and line.column == "Raison sociale"
        )
        self.assertEqual(sorted(duplicates.mapped("row_number")), [2, 3])

        products = self.load("unifyx_demo.profile_product_demo", "03_products.xlsx", True)
        self.assertEqual((products.state, products.count_create), ("done", 5))
        self.assertEqual(products.count_rejected, 1)
        self.assertTrue(products.rejected_file)
        Product = self.env["product.product"]
        self.assertFalse(Product.search([("default_code", "=", "LEG-0005")]))
        screw = Product.search([("default_code", "=", "LEG-0002")])
        # Merged family cell, unit synonym, decimal comma.
        self.assertEqual(screw.categ_id.complete_name, "Quincaillerie / Visserie / Inox")
        self.assertEqual(screw.uom_id, self.env.ref("uom.product_uom_unit"))
        self.assertEqual(screw.list_price, 15.5)
        gloves = Product.search([("default_code", "=", "LEG-0004")])
        self.assertEqual(gloves.uom_id, self.env.ref("unifyx_demo.uom_box_12_demo"))
        self.assertEqual((gloves.list_price, gloves.tracking), (1234.0, "lot"))
        self.assertEqual(gloves.seller_ids.partner_id.ref, "FRN-003")

        prices = self.load("unifyx_demo.profile_pricelist_demo", "05_pricelists.csv")
        self.assertEqual((prices.state, prices.count_create), ("done", 5))
        pros = self.env["product.pricelist"].search([("name", "=", "Tarif Pros 2026")])
        self.assertEqual(len(pros.item_ids), 4)
        dupont = self.env["res.partner"].search([("ref", "=", "CLI-001")])
        self.assertEqual(dupont.property_product_pricelist, pros)
        screw = Product.search([("default_code", "=", "LEG-0001")])
        self.assertAlmostEqual(pros._get_product_price(screw, 10), 11.5)
        self.assertAlmostEqual(pros._get_product_price(screw, 50), 10.9)
        nut = Product.search([("default_code", "=", "LEG-0003")])
        self.assertAlmostEqual(pros._get_product_price(nut, 1), 0.35 * 0.92, msg="family -8 %")

        stock = self.load("unifyx_demo.profile_stock_demo", "04_opening_stock.csv")
        self.assertEqual((stock.state, stock.count_create), ("done", 7))
        layers = self.env["stock.valuation.layer"].search([("id", "not in", layers_before)])
        expected = 120 * 5.2 + 40 * 5.2 + 80 * 6.1 + 1500 * 0.12 + 25 * 640 + 2 * 21.5
        self.assertAlmostEqual(sum(layers.mapped("value")), expected)
        # The new categories are periodic (Odoo's default): layers, no journal entries; the
        # real-time case is covered by test_opening_stock.
        self.assertEqual(len(layers), 7)
