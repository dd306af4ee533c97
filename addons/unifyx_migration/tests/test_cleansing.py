# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fast unit tests of the cleansing rules, on cells as the legacy exports write them."""

import datetime

from odoo.tests import BaseCase

from odoo.addons.unifyx_migration.tools import cleansing as c

UNITS = {
    "pcs": "uom.product_uom_unit",
    "PCE": "uom.product_uom_unit",
    "Unité": "uom.product_uom_unit",
    "u.": "uom.product_uom_unit",
    "carton de 12": "uom.product_uom_dozen",
    "Kg": "uom.product_uom_kgm",
}


class TestCleansing(BaseCase):
    def assertChange(self, result, value, original, rule):
        self.assertEqual(result.value, value)
        self.assertEqual(result.note.level, c.CHANGE)
        self.assertEqual(result.note.original, original)
        self.assertEqual(result.note.rule, rule)
        self.assertTrue(result.note.message)

    def assertRefused(self, result, original, rule):
        self.assertIsNone(result.value)
        self.assertTrue(result.is_error)
        self.assertEqual(result.note.original, original)
        self.assertEqual(result.note.rule, rule)
        self.assertIn(str(original), result.note.message)

    def test_text_spaces(self):
        self.assertChange(
            c.clean_text("  Vis\u00a0inox \t 4x40\n"),
            "Vis inox 4x40",
            "  Vis\u00a0inox \t 4x40\n",
            "spaces",
        )
        clean = c.clean_text("Vis inox")
        self.assertEqual((clean.value, clean.note), ("Vis inox", None))
        self.assertIsNone(c.clean_text("   ").value)
        self.assertEqual(c.clean_text(12.0).value, "12")

    def test_decimal_french_and_other(self):
        cases = {
            "1 234,50 €": 1234.5,
            "1\u202f234,50\u00a0€": 1234.5,
            "1.234,50": 1234.5,
            "1,234.50": 1234.5,
            "12,5": 12.5,
            "€ 3,20 HT": 3.2,
            "1.234.567": 1234567.0,
            "-4,75": -4.75,
            "(12,00)": -12.0,
            "EUR 10": 10.0,
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertChange(c.parse_decimal(raw), expected, raw, "decimal")
        plain = c.parse_decimal("42.5")
        self.assertEqual((plain.value, plain.note), (42.5, None))
        self.assertEqual(c.parse_decimal(7).value, 7.0)
        self.assertIsNone(c.parse_decimal("").value)
        for raw in ("abc", "12,5,3", "1,2.3,4", "€"):
            with self.subTest(raw=raw):
                self.assertRefused(c.parse_decimal(raw), raw, "decimal")

    def test_dates_day_first(self):
        self.assertChange(
            c.parse_date("03/04/2024"), datetime.date(2024, 4, 3), "03/04/2024", "date"
        )
        self.assertEqual(c.parse_date("3-4-24").value, datetime.date(2024, 4, 3))
        self.assertEqual(c.parse_date("31.12.1999").value, datetime.date(1999, 12, 31))
        iso = c.parse_date("2024-04-03")
        self.assertEqual((iso.value, iso.note), (datetime.date(2024, 4, 3), None))
        self.assertEqual(
            c.parse_date(datetime.datetime(2024, 4, 3, 10, 0)).value, datetime.date(2024, 4, 3)
        )
        self.assertRefused(c.parse_date("31/02/2024"), "31/02/2024", "date")
        self.assertRefused(c.parse_date("13/13/2024"), "13/13/2024", "date")
        self.assertRefused(c.parse_date("demain"), "demain", "date")

    def test_unit_synonyms(self):
        for raw in ("pcs", "PCS", "Pce", "Unité(s)", "unite", "U.", " u. "):
            with self.subTest(raw=raw):
                result = c.map_unit(raw, UNITS)
                self.assertEqual(result.value, "uom.product_uom_unit")
                self.assertEqual(result.note.original, raw)
        self.assertEqual(c.map_unit("Carton de 12", UNITS).value, "uom.product_uom_dozen")
        self.assertEqual(c.map_unit("KG", UNITS).value, "uom.product_uom_kgm")
        self.assertRefused(c.map_unit("palette", UNITS), "palette", "unit")

    def test_category_paths(self):
        for raw in (
            "QUINCAILLERIE > vis > INOX",
            "quincaillerie/Vis/inox",
            " Quincaillerie \\ Vis \\ Inox ",
            "Quincaillerie|vis|inox",
        ):
            with self.subTest(raw=raw):
                self.assertChange(
                    c.normalise_category_path(raw), "Quincaillerie / Vis / Inox", raw, "category"
                )
        same = c.normalise_category_path("Quincaillerie / Vis PVC")
        self.assertEqual((same.value, same.note), ("Quincaillerie / Vis PVC", None))
        self.assertEqual(c.category_segments("A / B / C"), ["A", "B", "C"])
        self.assertRefused(c.normalise_category_path(" / > "), " / > ", "category")

    def test_phones_e164(self):
        for raw in ("01 23 45 67 89", "01.23.45.67.89", "+33 (0)1 23 45 67 89", "0033123456789"):
            with self.subTest(raw=raw):
                self.assertChange(c.normalise_phone(raw), "+33123456789", raw, "phone")
        # A number cell loses its leading zero.
        self.assertEqual(c.normalise_phone(612345678).value, "+33612345678")
        self.assertEqual(c.normalise_phone("+32 2 555 12 12").value, "+3225551212")
        ok = c.normalise_phone("+33123456789")
        self.assertIsNone(ok.note)
        for raw in ("01 23", "n/a", "99 99 99 99 99"):
            with self.subTest(raw=raw):
                self.assertRefused(c.normalise_phone(raw), raw, "phone")

    def test_vat(self):
        self.assertChange(
            c.check_vat("FR 40 303 265 045"), "FR40303265045", "FR 40 303 265 045", "vat"
        )
        self.assertEqual(c.check_vat("40303265045").value, "FR40303265045")
        self.assertEqual(c.check_vat("BE0403019261").value, "BE0403019261")
        self.assertRefused(c.check_vat("FR41303265045"), "FR41303265045", "vat")
        self.assertRefused(c.check_vat("XX123"), "XX123", "vat")

    def test_barcode_check_digit(self):
        ok = c.check_barcode("4006381333931")
        self.assertEqual((ok.value, ok.note), ("4006381333931", None))
        self.assertEqual(c.check_barcode(4006381333931.0).value, "4006381333931")
        self.assertChange(
            c.check_barcode("400638 133393-1"), "4006381333931", "400638 133393-1", "barcode"
        )
        self.assertEqual(c.check_barcode("96385074").value, "96385074")  # EAN-8
        self.assertEqual(c.check_barcode("10614141000415").value, "10614141000415")  # GTIN-14
        for raw in ("4006381333932", "12345", "ABC4006381333931"):
            with self.subTest(raw=raw):
                self.assertRefused(c.check_barcode(raw), raw, "barcode")

    def test_partner_near_duplicates(self):
        self.assertEqual(c.partner_name_key("Ets DUPONT & Fils, S.A.R.L."), "dupont fils")
        self.assertEqual(c.partner_name_key("Dupont et Fils"), "dupont fils")
        self.assertEqual(c.partner_name_key("Société Générale d'Outillage"), "generale d outillage")
        groups = c.near_duplicates(
            [
                (1, "Ets DUPONT & Fils, S.A.R.L.", None),
                (2, "Dupont et fils", ""),
                (3, "Martin Outillage", "FR40303265045"),
                (4, "MARTIN OUTILS", "FR 40 303 265 045"),
                (5, "Bernard SA", None),
            ]
        )
        self.assertEqual(sorted(sorted(g) for g in groups), [[1, 2], [3, 4]])

    def test_formula_injection(self):
        for raw in ('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"):
            with self.subTest(raw=raw):
                self.assertRefused(c.refuse_formula(raw), raw, "formula")
                self.assertChange(c.neutralise_formula(raw), "'" + raw, raw, "formula")
        for raw in ("Vis inox", "-12,5", "+33123456789", 12):
            with self.subTest(raw=raw):
                self.assertEqual(c.refuse_formula(raw).value, raw)
                self.assertIsNone(c.neutralise_formula(raw).note)

    def test_match_keys_ignore_case_accents_and_spacing(self):
        self.assertEqual(c.match_key("ART-09049"), c.match_key(" art-09049 "))
        self.assertEqual(c.match_key("Électroportatif"), c.match_key("ELECTROPORTATIF"))
        self.assertEqual(c.match_key("LYO / Stock /A-01"), c.match_key("LYO/Stock/A-01"))
        self.assertNotEqual(c.match_key("ART-09049"), c.match_key("ART09049"))

    def test_phone_numbers_are_no_formulas(self):
        for raw in ("+33 4 72 00 00 02", "+1 (555) 010-0000", "-12,5"):
            with self.subTest(raw=raw):
                self.assertIsNone(c.neutralise_formula(raw).note)
        for raw in ("+33 4 72 00 00 02+cmd", "-A1", "@A1"):
            with self.subTest(raw=raw):
                self.assertEqual(c.neutralise_formula(raw).value, "'" + raw)

    def test_french_postcodes(self):
        self.assertEqual(c.normalise_zip("69 007", "FR").value, "69007")
        self.assertEqual(c.normalise_zip(1000, "FR").value, "01000")
        self.assertEqual(c.normalise_zip("F-13008", "FR").value, "13008")
        self.assertEqual(c.normalise_zip("690", "FR").note.level, c.WARNING)
        self.assertEqual(c.normalise_zip("sw1a  1aa", "GB").value, "SW1A 1AA")

    def test_duplicate_groups_are_not_chained(self):
        groups = c.duplicate_groups(
            [(1, "Dupont", "FR40303265045"), (2, "Dupont SARL", ""), (3, "Martin", "FR40303265045")]
        )
        self.assertEqual(
            sorted(groups), [("name", "dupont", [1, 2]), ("vat", "FR40303265045", [1, 3])]
        )
        many = [(n, "Client comptoir", "") for n in range(c.DUPLICATE_GROUP_MAX + 1)]
        self.assertEqual(c.near_duplicates(many), [])

    def test_total_rows(self):
        self.assertTrue(c.is_total_row(["TOTAL", None, 17]))
        self.assertTrue(c.is_total_row(["", "Sous-total :"]))
        self.assertFalse(c.is_total_row(["Totalisateur", "TOT-1"]))
        self.assertFalse(c.is_total_row(["TOTAL", "12 cours Michelet", "Paris"]))

    def test_vat_validator_decides(self):
        self.assertEqual(
            c.check_vat("CHE-116.281.710 MWST", validator=lambda v: v).value, "CHE116281710MWST"
        )
        self.assertTrue(c.check_vat("FR40303265045", validator=lambda v: None).is_error)
