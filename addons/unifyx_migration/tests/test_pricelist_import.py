# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import tagged

from .common import MigrationCase, csv_bytes

HEADER = [
    "Tarif",
    "Devise",
    "Réf. article",
    "Famille",
    "Qté min",
    "Prix net",
    "Remise %",
    "Valable du",
    "Valable au",
    "Code client",
]


@tagged("post_install", "-at_install")
class TestPricelistImport(MigrationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_priced("PL", "9900000000011")

    def rows(self, *extra):
        return [
            HEADER,
            [
                "Grossistes 2026",
                "EUR",
                "PL-VIS",
                "",
                "",
                "0,90 €",
                "",
                "01/01/2026",
                "31/12/2026",
                "CPL01",
            ],
            [
                "Grossistes 2026",
                "EUR",
                "PL-VIS",
                "",
                "100",
                "0,80",
                "",
                "01/01/2026",
                "31/12/2026",
                "",
            ],
            ["Grossistes 2026", "EUR", "", "outillage pl", "", "", "12,5", "", "", ""],
            *extra,
        ]

    def test_rules_tiers_categories_customer_and_rerun(self):
        profile = self.profile("pricelist")
        run = self.run_file(profile, "tarifs.csv", csv_bytes(self.rows()))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        self.assertEqual(run.count_create, 3)
        pricelist = self.env["product.pricelist"].search([("name", "=", "Grossistes 2026")])
        self.assertEqual(pricelist.company_id, self.company)
        items = pricelist.item_ids.sorted("min_quantity")
        self.assertEqual(len(items), 3)
        tier = items.filtered(lambda i: i.min_quantity == 100)
        self.assertEqual((tier.compute_price, tier.fixed_price), ("fixed", 0.80))
        self.assertEqual(tier.date_start, datetime(2026, 1, 1))
        self.assertEqual(tier.date_end, datetime(2026, 12, 31, 23, 59, 59))
        discount = items.filtered(lambda i: i.categ_id == self.category)
        self.assertEqual((discount.compute_price, discount.percent_price), ("percentage", 12.5))
        self.assertEqual(
            self.customer.with_company(self.company).property_product_pricelist, pricelist
        )
        # Odoo prices with the imported rules: the tier applies from 100 units.
        self.assertAlmostEqual(pricelist._get_product_price(self.product, 10), 0.90)
        self.assertAlmostEqual(pricelist._get_product_price(self.product, 100), 0.80)

        again = self.run_file(profile, "tarifs.csv", csv_bytes(self.rows()))
        self.assertEqual((again.count_create, again.count_unchanged), (0, 3))
        self.assertEqual(len(pricelist.item_ids), 3)

    def test_bad_rows_refuse_the_whole_file(self):
        profile = self.profile("pricelist")
        before = self.counts("product.pricelist", "product.pricelist.item")
        bad = [
            ["Grossistes 2026", "EUR", "PL-NONE", "", "", "1", "", "", "", ""],
            ["Grossistes 2026", "EUR", "PL-VIS", "", "5", "1", "10", "", "", ""],
            ["Grossistes 2026", "XXX", "PL-VIS", "", "7", "1", "", "", "", ""],
            ["Grossistes 2026", "EUR", "PL-VIS", "", "9", "1", "", "31/12/2026", "01/01/2026", ""],
            ["Autre tarif", "EUR", "PL-VIS", "", "", "1", "", "", "", "CPL01"],
        ]
        run = self.run_file(profile, "tarifs.csv", csv_bytes(self.rows(*bad)))
        self.assertEqual(run.state, "failed")
        codes = set(self.errors(run).mapped("message"))
        self.assertEqual(len(codes), 5, codes)
        self.assertEqual(self.counts("product.pricelist", "product.pricelist.item"), before)

    def test_product_given_by_barcode_is_loaded(self):
        profile = self.profile("pricelist")
        barcode = ["Grossistes 2026", "EUR", "9900000000011", "", "", "0,40", "", "", "", ""]
        run = self.run_file(profile, "tarifs.csv", csv_bytes(self.rows(barcode)))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        pricelist = self.env["product.pricelist"].search([("name", "=", "Grossistes 2026")])
        item = pricelist.item_ids.filtered(lambda i: i.product_id == self.scanned)
        self.assertEqual((item.compute_price, item.fixed_price), ("fixed", 0.40))
        self.assertAlmostEqual(pricelist._get_product_price(self.scanned, 1), 0.40)

    def test_code_of_two_products_is_refused(self):
        """A code that is one product's internal reference and another's barcode
        names neither: the row is refused, said, and nothing is loaded."""
        self.env["product.product"].create({"name": "Vis bis", "barcode": "PL-VIS"})
        profile = self.profile("pricelist")
        before = self.counts("product.pricelist", "product.pricelist.item")
        run = self.run_file(profile, "tarifs.csv", csv_bytes(self.rows()))
        self.assertEqual(run.state, "failed")
        self.assertEqual(
            set(
                self.errors(run)
                .filtered(lambda e: e.column == "Réf. article")
                .mapped(lambda e: (e.row_number, e.column, e.message))
            ),
            {
                (
                    row,
                    "Réf. article",
                    "2 products have PL-VIS as internal reference or "
                    "barcode: ambiguous, nothing loaded",
                )
                for row in (2, 3)
            },
        )
        self.assertEqual(self.counts("product.pricelist", "product.pricelist.item"), before)
