# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fast unit tests of the readers, on files built here."""

import datetime
import io

import openpyxl
import xlwt

from odoo.tests import BaseCase

from odoo.addons.unifyx_migration.tools import readers as r


def build_xlsx(rows, merges=(), formula_cell=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    if formula_cell:
        sheet[formula_cell] = "=1+1"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def build_xls(rows, merges=()):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Articles")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    merged = {(r1, c1) for r1, _r2, c1, _c2 in merges}
    for r_index, row in enumerate(rows):
        for c_index, value in enumerate(row):
            if value is None or any(
                r1 <= r_index <= r2 and c1 <= c_index <= c2 and (r_index, c_index) not in merged
                for r1, r2, c1, c2 in merges
            ):
                continue
            if (r_index, c_index) in merged:
                continue
            if isinstance(value, datetime.date):
                sheet.write(r_index, c_index, value, date_style)
            else:
                sheet.write(r_index, c_index, value)
    for r1, r2, c1, c2 in merges:
        sheet.write_merge(r1, r2, c1, c2, rows[r1][c1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class TestReaders(BaseCase):
    def read_file(self, name, content):
        table = r.read_table(name, content)
        return table.headers, list(table)

    def test_xlsx_values_merges_blanks(self):
        content = build_xlsx(
            [
                ["Réf. Article", "Désignation", "Catégorie", "Prix"],
                ["A1", "Vis", "Quincaillerie", 1.5],
                ["A2", "Écrou", None, 2],
                [None, None, None, None],
                ["A3", "Clou", "Outillage", None],
            ],
            merges=["C2:C3"],
            formula_cell="D5",
        )
        headers, rows = self.read_file("articles.XLSX", content)
        self.assertEqual(headers, ["Réf. Article", "Désignation", "Catégorie", "Prix"])
        self.assertEqual(
            rows,
            [
                (2, ["A1", "Vis", "Quincaillerie", 1.5]),
                (3, ["A2", "Écrou", "Quincaillerie", 2]),
                # A formula saved without a cached value reads as empty: never executed.
                (5, ["A3", "Clou", "Outillage", None]),
            ],
        )

    def test_xls_values_dates_merges(self):
        content = build_xls(
            [
                ["Code", "Libellé", "Famille", "Date"],
                ["B1", "Gants", "EPI", datetime.date(2024, 3, 1)],
                ["B2", "Lunettes", None, None],
                ["B3", "Casque", "Sécurité", None],
            ],
            merges=[(1, 2, 2, 2)],
        )
        headers, rows = self.read_file("old.xls", content)
        self.assertEqual(headers, ["Code", "Libellé", "Famille", "Date"])
        self.assertEqual(rows[0], (2, ["B1", "Gants", "EPI", datetime.datetime(2024, 3, 1)]))
        self.assertEqual(rows[1], (3, ["B2", "Lunettes", "EPI", None]))
        self.assertEqual(rows[2], (4, ["B3", "Casque", "Sécurité", None]))

    def test_csv_cp1252_semicolon(self):
        text = "Réf;Désignation;Prix HT\r\nA1;Vis à bois;1 234,50 €\r\n;;\r\nA2;Écrou;0,5\r\n"
        headers, rows = self.read_file("export.csv", text.encode("cp1252"))
        self.assertEqual(headers, ["Réf", "Désignation", "Prix HT"])
        self.assertEqual(
            rows, [(2, ["A1", "Vis à bois", "1 234,50 €"]), (4, ["A2", "Écrou", "0,5"])]
        )

    def test_csv_utf8_bom_comma(self):
        text = '\ufeffcode,name,price\nX1,"Clé, plate",3.5\n'
        headers, rows = self.read_file("x.csv", text.encode("utf-8"))
        self.assertEqual(headers, ["code", "name", "price"])
        self.assertEqual(rows, [(2, ["X1", "Clé, plate", "3.5"])])
        self.assertEqual(r.decode("é".encode("cp1252")), ("é", "cp1252"))

    def test_header_matching_tolerant(self):
        headers = ["  RÉF.  ARTICLE ", "Designation", "EAN 13", "Prix"]
        found, missing = r.match_headers(
            headers,
            {
                "default_code": ["Réf article"],
                "name": ["Désignation", "Libellé"],
                "barcode": ["Code barre", "EAN13"],
                "uom": ["Unité"],
            },
        )
        self.assertEqual(found, {"default_code": 0, "name": 1, "barcode": 2})
        self.assertEqual(missing, ["uom"])

    def test_bad_files(self):
        cases = {
            ("a.pdf", b"%PDF-1.4"): "wrong_extension",
            ("a", b"x"): "wrong_extension",
            ("a.csv", b""): "empty_file",
            ("a.xlsx", b"   "): "empty_file",
            ("a.xlsx", b"PK\x03\x04 not really a zip"): "corrupt",
            # A password-protected workbook is an OLE container, not a zip.
            ("a.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600): "corrupt",
            ("a.xls", b"garbage bytes that are not BIFF"): "corrupt",
            ("a.csv", b";;;\r\n;;\r\n"): "no_header",
        }
        for (name, content), code in cases.items():
            with self.subTest(name=name, code=code):
                with self.assertRaises(r.ReaderError) as caught:
                    table = r.read_table(name, content)
                    list(table)
                self.assertEqual(caught.exception.code, code)
                self.assertTrue(str(caught.exception))

    def test_xlsx_report_neutralises_formulas(self):
        content = r.xlsx_bytes(["A", "B"], [["=1+1", 3], ["ok", None]])
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet["A2"].value, "'=1+1")
        self.assertEqual(sheet["B2"].value, 3)
        self.assertEqual(sheet["A3"].value, "ok")
