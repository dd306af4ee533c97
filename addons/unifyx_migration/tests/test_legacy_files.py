# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Legacy files as distributors really write them (issue 15), each made here:
the opening stock's value, value-stable reruns, keys written with other case,
spaces or accents, locations relative to the warehouse, a report that says every
problem of a row, units whatever the language, partner files without a code,
exports that never run a formula, and VAT numbers outside the EU."""

import base64
import io

import openpyxl

from odoo.tests import tagged

from .common import MigrationDistributorCase, csv_bytes, xlsx_file

PRODUCT_HEADER = ["Réf. article", "Désignation", "Unité", "Famille", "Coût", "Suivi"]


@tagged("post_install", "-at_install")
class TestLegacyFiles(MigrationDistributorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The costing methods a consultant meets: Odoo's default (standard,
        # periodic), and the three in real time on the distributor's accounts.
        cls.categories = {}
        for name, method, valuation in (
            ("Avco", "average", "real_time"),
            ("Fifo", "fifo", "real_time"),
            ("Standard", "standard", "real_time"),
            ("Manual", "standard", "manual_periodic"),
        ):
            category = cls.env["product.category"].create({"name": "Opening %s" % name})
            cls.categories[name] = cls._value_category(category, method, valuation)
        # Shelves as distributors have them: MRS/Stock/A-01 and MRS/Stock/B-02.
        for shelf in ("A-01", "B-02"):
            cls.env["stock.location"].create(
                {"name": shelf, "location_id": cls.marseille.lot_stock_id.id}
            )
        cls.carton = cls.env["uom.uom"].create(
            {
                "name": "Carton of 12",
                "category_id": cls.env.ref("uom.product_uom_categ_unit").id,
                "uom_type": "bigger",
                "factor_inv": 12,
            }
        )

    # ----------------------------------------------------------------- helpers
    def load_products(self, rows):
        run = self.load(self.product_profile, [PRODUCT_HEADER, *rows])
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        return run

    def valuation(self, products):
        """Every layer and journal entry line of ``products``, as values."""
        layers = self.env["stock.valuation.layer"].search([("product_id", "in", products.ids)])
        lines = layers.account_move_id.line_ids
        return (
            sorted(layers.mapped(lambda x: (x.id, x.quantity, x.value, x.unit_cost))),
            sorted(lines.mapped(lambda x: (x.id, x.account_id.id, x.debit, x.credit))),
        )

    # ------------------------------------------------- 1. value of the opening
    def test_opening_stock_valued_at_file_cost_whatever_the_costing_method(self):
        self.load_products(
            [
                ["OS-AVCO", "Câble", "Units", "Opening Avco", "9,99", ""],
                ["OS-FIFO", "Raccord", "Units", "Opening Fifo", "9,99", ""],
                ["OS-STD", "Vis", "Units", "Opening Standard", "148,57", ""],
                ["OS-MAN", "Écrou", "Units", "Opening Manual", "148,57", ""],
            ]
        )
        stock = [
            ["Réf. article", "Entrepôt", "Qté", "Coût unitaire"],
            ["OS-AVCO", "MRS", "1 200", "3,40"],
            ["OS-FIFO", "MRS", "500", "2,10"],
            ["OS-STD", "MRS", "1 200", "3,40"],
            ["OS-MAN", "MRS", "10", "7,00"],
        ]
        run = self.load(self.stock_profile, stock)
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        for code, quantity, cost in (
            ("OS-AVCO", 1200, 3.4),
            ("OS-FIFO", 500, 2.1),
            ("OS-STD", 1200, 3.4),
            ("OS-MAN", 10, 7.0),
        ):
            with self.subTest(code=code):
                product = self.product(code).with_company(self.company)
                layers = self.env["stock.valuation.layer"].search([("product_id", "=", product.id)])
                self.assertEqual(len(layers), 1)
                self.assertAlmostEqual(layers.value, quantity * cost)
                self.assertAlmostEqual(layers.quantity, quantity)
                self.assertAlmostEqual(product.standard_price, cost)
                valuation = product.categ_id.with_company(
                    self.company
                ).property_stock_valuation_account_id
                lines = layers.account_move_id.line_ids
                if product.categ_id == self.categories["Manual"]:
                    self.assertFalse(lines, "periodic valuation: a layer, no entry")
                    continue
                mine = lines.filtered(lambda x, a=valuation: x.account_id == a)
                self.assertEqual(layers.account_move_id.state, "posted")
                self.assertAlmostEqual(
                    sum(mine.mapped("debit")) - sum(mine.mapped("credit")), quantity * cost
                )
        # The report says what was booked, and the standard cost set (the dry
        # run shows the same: test_products_stock_products_again...).
        dry = run
        self.assertIn(
            "Standard cost of [OS-STD] Vis set to 3.4 (was 148.57): the opening stock is "
            "valued at the file's cost",
            self.messages(dry, row=4),
        )
        self.assertIn(
            "On hand at MRS/Stock: 0.0 → 1200.0, 4080.0 booked at 3.4 a unit",
            self.messages(dry, row=2),
        )

    def test_standard_cost_in_stock_or_given_two_costs_is_refused(self):
        self.load_products([["OS-STD2", "Vis", "Units", "Opening Standard", "5", ""]])
        rows = [
            ["Réf. article", "Entrepôt", "Qté", "Coût"],
            ["OS-STD2", "MRS", "10", "4"],
            ["OS-STD2", "PAR", "10", "6"],
        ]
        run = self.load(self.stock_profile, rows)
        self.assertEqual(run.state, "failed")
        self.assertEqual(len(self.messages(run, row=3, level="error")), 1)
        self.assertFalse(
            self.env["stock.valuation.layer"].search(
                [("product_id", "=", self.product("OS-STD2").id)]
            )
        )
        self.load(self.stock_profile, rows[:2])
        more = self.load(self.stock_profile, [rows[0], ["OS-STD2", "PAR", "10", "6"]])
        self.assertEqual(more.state, "failed")
        self.assertIn("standard cost 4.0", self.messages(more, row=2, level="error")[0])

    # ------------------------------------------------ 2. reruns keep the value
    def test_products_stock_products_again_leaves_the_valuation_unchanged(self):
        products = [
            ["RR-AVCO", "Câble", "Units", "Opening Avco", "2,00", ""],
            ["RR-FIFO", "Raccord", "Units", "Opening Fifo", "2,00", ""],
            ["RR-STD", "Vis", "Units", "Opening Standard", "2,00", ""],
        ]
        self.load_products(products)
        stock = [
            ["Réf. article", "Entrepôt", "Qté", "Coût unitaire"],
            ["RR-AVCO", "MRS", "1200", "12,80"],
            ["RR-FIFO", "MRS", "1200", "12,80"],
            ["RR-STD", "MRS", "1200", "12,80"],
        ]
        self.assertEqual(self.load(self.stock_profile, stock).state, "done")
        recs = self.product("RR-AVCO") | self.product("RR-FIFO") | self.product("RR-STD")
        before = self.valuation(recs)
        self.assertEqual(len(before[0]), 3)

        dry = self.load(self.product_profile, [PRODUCT_HEADER, *products], commit=False)
        self.assertEqual((dry.count_update, dry.count_unchanged), (0, 3))
        self.assertEqual(len(self.messages(dry, level="warning")), 3, "cost kept, said")
        rerun = self.load(self.product_profile, [PRODUCT_HEADER, *products])
        self.assertEqual((rerun.count_update, rerun.count_unchanged), (0, 3))
        self.assertEqual(self.valuation(recs), before)
        self.assertEqual(recs.with_company(self.company).mapped("standard_price"), [12.8] * 3)
        # A real change is written, and the dry run shows it before -> after.
        changed = [row[:] for row in products]
        changed[0][1] = "Câble R2V"
        dry = self.load(self.product_profile, [PRODUCT_HEADER, *changed], commit=False)
        self.assertEqual(dry.count_update, 1)
        line = dry.line_ids.filtered(lambda x: x.rule == "update")
        self.assertEqual(
            (line.column, line.original_value, line.new_value),
            ("Désignation", "Câble", "Câble R2V"),
        )
        self.assertEqual(self.load(self.stock_profile, stock).count_unchanged, 3)
        self.assertEqual(self.valuation(recs), before)

    # ------------------------------------------ 3. case, spaces and accents
    def test_keys_match_without_case_spaces_or_accents(self):
        vendor = self.env["res.partner"].create(
            {"name": "Électro Dépôt Lyonnais", "is_company": True}
        )
        existing = self.env["product.template"].create(
            {"name": "Old", "default_code": "ART-09050", "is_storable": True}
        )
        header = [*PRODUCT_HEADER, "Fournisseur"]
        rows = [
            [
                "ART-09049",
                "Perceuse",
                "Units",
                "Électroportatif",
                "10",
                "",
                "ELECTRO DEPOT  lyonnais",
            ],
            ["art-09049 ", "Perceuse bis", "Units", "Electroportatif", "10", "", ""],
        ]
        run = self.load(self.product_profile, [header, *rows])
        self.assertEqual(run.state, "failed")
        self.assertEqual(len(self.messages(run, row=3, level="error")), 1)
        self.assertFalse(self.messages(run, row=2, level="error"), "the vendor is found")
        rows = [
            rows[0],
            ["art-09050", "New", "Units", "ELECTROPORTATIF", "10", "", ""],
            [
                "ART-09051",
                "Visseuse",
                "Units",
                "electroportatif",
                "10",
                "",
                "Électro Dépôt Lyonnais",
            ],
        ]
        run = self.load(self.product_profile, [header, *rows])
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        self.assertEqual((run.count_create, run.count_update), (2, 1))
        self.assertEqual((existing.name, existing.default_code), ("New", "ART-09050"))
        categories = self.env["product.category"].search(
            [("name", "in", ["Électroportatif", "Electroportatif", "ELECTROPORTATIF"])]
        )
        self.assertEqual(len(categories), 1)
        self.assertEqual(self.product("ART-09049").seller_ids.partner_id, vendor)
        rerun = self.load(self.product_profile, [header, *rows])
        self.assertEqual((rerun.count_create, rerun.count_update, rerun.count_unchanged), (0, 0, 3))
        # Two records under one normalised key: ambiguous, nothing guessed.
        self.env["product.category"].create({"name": "électroPortatif"})
        again = self.load(self.product_profile, [header, rows[0]])
        self.assertEqual(again.state, "failed")
        self.assertIn("ambiguous", self.messages(again, row=2, level="error")[0])

    # ------------------------------------ 4. locations relative to the warehouse
    def test_locations_as_distributors_write_them(self):
        self.assertEqual(
            self.env["stock.location"].search_count(
                [
                    ("complete_name", "in", ["MRS/Stock/A-01", "MRS/Stock/B-02"]),
                    ("company_id", "=", self.company.id),
                ]
            ),
            2,
        )
        self.load_products([["LOC-1", "Cheville", "Units", "Opening Avco", "1", ""]])
        rows = [
            ["Réf", "Entrepôt", "Emplacement", "Qté", "Coût"],
            ["LOC-1", "Marseille", "Stock", "1", "1"],
            ["LOC-1", "MRS", "Stock/A-01", "2", "1"],
            ["LOC-1", "mrs", "WH/Stock/B-02", "3", "1"],
            ["LOC-1", "", "MRS / Stock / A-01", "4", "1"],
        ]
        run = self.load(self.stock_profile, rows)
        self.assertEqual(run.state, "failed", self.messages(run))
        self.assertEqual(
            [line.row_number for line in self.errors(run)], [5], self.messages(run, level="error")
        )
        run = self.load(self.stock_profile, rows[:4])
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        product = self.product("LOC-1")
        for name, quantity in (("MRS/Stock", 1), ("MRS/Stock/A-01", 2), ("MRS/Stock/B-02", 3)):
            quant = self.env["stock.quant"].search(
                [("product_id", "=", product.id), ("location_id.complete_name", "=", name)]
            )
            self.assertEqual(quant.quantity, quantity, name)
        # A missing column names the headers the consultant can write.
        with self.assertRaisesRegex(Exception, "Réf. article / Ref article / Réf"):
            self.load(self.stock_profile, [["Entrepôt", "Qté"], ["MRS", "1"]])

    # ---------------------------------------- 5. every problem of a row, said
    def test_every_check_of_a_row_runs_and_reports(self):
        header = [
            "Réf. article",
            "Désignation",
            "EAN",
            "Unité",
            "Prix de vente",
            "Fournisseur",
            "Délai",
        ]
        rows = [
            header,
            ["ALL-1", "Vis", "4006381333932", "pcs", "douze", "Nobody Ltd", "5"],
            ["TOTAL", "", "", "", "", "", ""],
        ]
        run = self.load(self.product_profile, rows, commit=False)
        errors = self.errors(run)
        self.assertEqual(
            sorted(errors.mapped("column")), ["EAN", "Fournisseur", "Prix de vente"], "one each"
        )
        self.assertEqual(set(errors.mapped("row_number")), {2})
        self.assertIn("Total row skipped: not a record", self.messages(run, row=3))
        self.assertIn(
            "Column Délai is not loaded by this profile: its values are ignored",
            self.messages(run, row=0),
        )
        self.load_products(
            [
                ["ALL-U", "Vis", "pcs", "Opening Avco", "1", ""],
                ["ALL-L", "Gants", "pcs", "Opening Avco", "1", "lot"],
            ]
        )
        stock = [
            ["Réf. article", "Entrepôt", "Lot", "Qté", "Coût"],
            ["ALL-U", "MRS", "L-1", "-3", "1"],
            ["ALL-U", "PAR", "", "12,5", "1"],
            ["ALL-L", "Tombouctou", "", "abc", "x"],
            ["ALL-U", "LYO", "L-2", "4", "1"],
            ["TOTAL", "", "", "17", ""],
        ]
        run = self.load(self.stock_profile, stock, commit=False)
        self.assertIn(
            "Negative quantity -3.0: an opening stock cannot be negative", self.messages(run, row=2)
        )
        self.assertIn("Lot L-1 ignored", " ".join(self.messages(run, row=2)))
        self.assertIn(
            "12.5 Units of [ALL-U] Vis: counted in whole units only", self.messages(run, row=3)
        )
        self.assertEqual(
            len(self.messages(run, row=4, level="error")), 4, "warehouse, lot, qty, cost"
        )
        self.assertFalse(self.messages(run, row=5, level="error"))
        self.assertIn("Total row skipped: not a record", self.messages(run, row=6))
        self.assertEqual(run.count_rejected, 3)
        # Units by name, never their database id, in the report and the preview.
        run = self.load(
            self.product_profile,
            [["Réf. article", "Désignation", "Unité"], ["ALL-9", "Vis", "pcs"]],
            commit=False,
        )
        unit = run.line_ids.filtered(lambda x: x.rule == "unit")
        self.assertEqual((unit.original_value, unit.new_value), ("pcs", "Units"))
        run.action_preview()
        self.assertIn(">Units<", run.preview_html)

    # --------------------------------------------- 6. units whatever the language
    def test_units_map_in_french_as_in_english(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search(
            [("name", "in", ["uom", "unifyx_migration"])]
        )._update_translations(["fr_FR"])
        self.assertNotEqual(
            self.env.ref("uom.product_uom_unit").with_context(lang="fr_FR").name, "Units"
        )
        self.consultant.lang = "fr_FR"
        french = self.cenv(context=dict(self.cenv.context, lang="fr_FR"))
        rows = [
            ["Réf. article", "Désignation", "Unité", "Prix de vente"],
            ["FR-1", "Vis", "Units", "1"],
            ["FR-2", "Vis", "Dozens", "1"],
            ["FR-3", "Vis", "Carton of 12", "1"],
            ["FR-4", "Vis", "Douzaines", "abc"],
        ]
        profile = self.product_profile.with_env(french)
        run = french["unifyx.migration.run"].create(
            {
                "profile_id": profile.id,
                "file_name": "u.xlsx",
                "file": base64.b64encode(xlsx_file(rows)),
            }
        )
        run.action_dry_run()
        self.assertEqual([line.row_number for line in self.errors(run)], [5], self.messages(run))
        self.assertEqual(self.errors(run).message, "Nombre invalide : abc")
        run.action_commit()
        self.assertEqual(run.state, "failed")
        rows.pop()
        run = self.load(profile, rows)
        self.assertEqual(run.state, "done")
        self.assertEqual(
            [self.product(c).uom_id for c in ("FR-1", "FR-2", "FR-3")],
            [
                self.env.ref("uom.product_uom_unit"),
                self.env.ref("uom.product_uom_dozen"),
                self.carton,
            ],
        )

    # ------------------------------------------ 7. partners without a code column
    def test_partner_file_keyed_by_name_loads_once_and_reruns_unchanged(self):
        profile = self.cenv["unifyx.migration.profile"].create(
            {"name": "Partners by name", "target": "partner", "match_key": "name"}
        )
        rows = [
            ["Raison sociale", "SIREN", "CP", "Ville", "Type", "Segment", "Conditions de paiement"],
            [
                "Quincaillerie Rhône-Alpes",
                "303 265 045",
                "69 007",
                "Lyon",
                "C",
                "Grossiste",
                "30 j",
            ],
            ["QUINCAILLERIE RHONE ALPES SARL", "", "1000", "Bourg", "F", "", ""],
            [
                "Électricité Générale du Sud",
                "",
                "13008",
                "Marseille",
                "Client et fournisseur",
                "",
                "",
            ],
            ["Bâti Sud", "", "13 010", "Marseille", "C", "", ""],
        ]
        content = csv_bytes(rows)
        run = self.load(profile, rows, name="tiers.csv", content=content)
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        self.assertEqual(run.count_create, 4)
        quinc = self.env["res.partner"].search([("name", "=", "Quincaillerie Rhône-Alpes")])
        self.assertEqual(
            (quinc.zip, quinc.country_id.code, quinc.company_registry, bool(quinc.customer_rank)),
            ("69007", "FR", "303265045", True),
        )
        other = self.env["res.partner"].search([("name", "=", "QUINCAILLERIE RHONE ALPES SARL")])
        self.assertEqual((other.zip, bool(other.supplier_rank)), ("01000", True))
        both = self.env["res.partner"].search([("name", "=", "Électricité Générale du Sud")])
        self.assertTrue(both.customer_rank and both.supplier_rank)
        duplicates = run.line_ids.filtered(lambda x: x.rule == "match" and x.level == "warning")
        self.assertEqual(sorted(duplicates.mapped("row_number")), [2, 3])
        self.assertIn("(similar name)", duplicates[0].message)
        unmapped = run.line_ids.filtered(lambda x: x.rule == "unmapped")
        self.assertEqual(sorted(unmapped.mapped("column")), ["Conditions de paiement", "Segment"])
        before = self.env["res.partner"].search_count([])
        rerun = self.load(profile, rows, name="tiers.csv", content=content)
        self.assertEqual(
            (rerun.count_create, rerun.count_update, rerun.count_unchanged),
            (0, 0, 4),
            self.messages(rerun),
        )
        self.assertEqual(self.env["res.partner"].search_count([]), before)
        # Written another way (case, accents), the name still matches.
        rows[3][0] = "ELECTRICITE  generale du SUD"
        rerun = self.load(profile, rows, name="tiers.csv", content=csv_bytes(rows))
        self.assertEqual((rerun.count_create, rerun.count_unchanged), (0, 4))

    def test_near_duplicates_come_in_small_groups_with_their_reason(self):
        profile = self.cenv["unifyx.migration.profile"].create(
            {"name": "Partners by code", "target": "partner", "match_key": "ref"}
        )
        rows = [["Code", "Raison sociale", "TVA"]]
        # Twelve rows under a placeholder name: one note, not twelve lists of eleven.
        rows += [["C%02d" % n, "Client comptoir", ""] for n in range(12)]
        rows += [
            ["D1", "Dupont & Fils", "FR40303265045"],
            ["D2", "Ets Dupont et fils", ""],
            ["M1", "Martin Négoce", "FR 40 303 265 045"],
        ]
        run = self.load(profile, rows, commit=False)
        notes = run.line_ids.filtered(lambda x: x.level == "warning" and x.rule == "match")
        shared = notes.filtered(lambda x: "placeholder" in x.message)
        self.assertEqual(shared.mapped("row_number"), [2])
        pairs = notes - shared
        self.assertEqual(sorted(pairs.mapped("row_number")), [14, 14, 15, 16])
        messages = {(x.row_number, x.message) for x in pairs}
        self.assertIn(
            (
                15,
                "Possible duplicate of row 14 (similar name): check before loading, "
                "nothing is merged",
            ),
            messages,
        )
        self.assertIn(
            (
                16,
                "Possible duplicate of row 14 (same VAT number): check before loading, "
                "nothing is merged",
            ),
            messages,
        )

    # ------------------------------------------------ 8. exports run no formula
    def test_stored_report_values_are_neutralised_for_any_export(self):
        rows = [
            ["Réf. article", "Désignation"],
            ["X-1", '=HYPERLINK("http://x","clic")'],
            ["X-2", "@SUM(A1:A9)"],
            ["X-3", "+33 4 72 00 00 02"],
        ]
        run = self.load(self.product_profile, rows, name="f.csv", content=csv_bytes(rows))
        lines = run.line_ids.filtered(lambda x: x.rule == "formula")
        self.assertEqual(len(lines), 2)
        # Odoo's own list export (xlsx and csv) reads these stored values.
        exported = lines.export_data(["original_value"])["datas"]
        self.assertEqual(
            sorted(v[0] for v in exported), ['\'=HYPERLINK("http://x","clic")', "'@SUM(A1:A9)"]
        )
        self.assertFalse(
            self.messages(run, row=4, level="error"), "a phone-like text is no formula"
        )
        # The cockpit's downloads keep a real phone number as it is.
        partners = self.cenv["unifyx.migration.profile"].create(
            {"name": "Partners", "target": "partner", "match_key": "ref"}
        )
        rows = [
            ["Code", "Raison sociale", "Téléphone"],
            ["P-1", "Bad", "01 23"],
            ["P-2", "=1+2", "+33 4 72 00 00 02"],
        ]
        run = self.cenv["unifyx.migration.run"].create(
            {
                "profile_id": partners.id,
                "file_name": "p.csv",
                "file": base64.b64encode(csv_bytes(rows)),
                "commit_valid_rows": True,
            }
        )
        run.action_commit()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(run.rejected_file))).active
        values = list(sheet.values)
        self.assertEqual(values[2][:3], ("P-2", "'=1+2", "+33 4 72 00 00 02"))

    # -------------------------------------------------- 9. VAT through base_vat
    def test_swiss_uk_and_norwegian_vat_numbers_are_accepted(self):
        profile = self.cenv["unifyx.migration.profile"].create(
            {"name": "Partners by VAT", "target": "partner", "match_key": "vat"}
        )
        rows = [
            ["Raison sociale", "TVA", "Pays"],
            ["Helvetia AG", "CHE-116.281.710 MWST", "CH"],
            ["Albion Ltd", "GB 980 7806 84", "GB"],
            ["Nordkapp AS", "NO 974 760 673 MVA", "NO"],
            ["Bad SA", "CHE-116.281.711 MWST", "CH"],
        ]
        run = self.load(profile, rows, commit=False)
        self.assertEqual([x.row_number for x in self.errors(run)], [5])
        run = self.load(profile, rows[:4])
        self.assertEqual(run.state, "done", self.messages(run, level="error"))
        self.assertEqual(
            self.env["res.partner"].search([("name", "=", "Albion Ltd")]).vat, "GB980780684"
        )
        self.assertEqual(self.load(profile, rows[:4]).count_unchanged, 3)
