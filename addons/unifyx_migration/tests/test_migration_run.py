# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import MigrationCase, csv_bytes, xlsx_file

PARTNERS = [
    ["Code", "Raison sociale", "TVA", "Téléphone", "Email", "Ville", "Pays", "Type"],
    [
        "F001",
        " Ets DUPONT & Fils ",
        "FR 40 303 265 045",
        "01 23 45 67 89",
        "",
        "Lyon",
        "FR",
        "Fournisseur",
    ],
    [
        "F002",
        "Dupont et fils SARL",
        "",
        "04.72.00.00.00",
        "contact@dupont.example",
        "Lyon",
        "France",
        "fournisseur",
    ],
    ["C001", "Quincaillerie Martin", "", "+33 6 12 34 56 78", "", "Paris", "FR", "Client"],
]
PRODUCTS = [
    [
        "Réf. article",
        "Désignation",
        "EAN",
        "Unité",
        "Famille",
        "Prix de vente",
        "Coût",
        "Fournisseur",
        "Réf. fournisseur",
        "Suivi",
    ],
    [
        "MIG-1",
        "Vis inox 4x40",
        "4006381333931",
        "pcs",
        "QUINCAILLERIE > vis",
        "1,20 €",
        "0,45",
        "F001",
        "DV-440",
        "",
    ],
    ["MIG-2", "Gants nitrile", "", "Unité(s)", "epi/gants", "8,50", "3,10", "", "", "lot"],
    [
        "MIG-3",
        "Câble R2V",
        "96385074",
        "kilo",
        "Electricité \\ Câbles",
        "1 234,50",
        "800",
        "F001",
        "",
        "aucun",
    ],
]


@tagged("post_install", "-at_install")
class TestMigrationRun(MigrationCase):
    def test_partners_cleaned_near_duplicates_reported_rerun_idempotent(self):
        profile = self.profile("partner", "ref")
        content = csv_bytes(PARTNERS)
        run = self.run_file(profile, "tiers.csv", content)
        self.assertEqual(run.state, "done")
        self.assertEqual((run.count_create, run.count_update, run.count_rejected), (3, 0, 0))
        self.assertEqual(len(run.file_sha256), 64)
        partner = self.env["res.partner"].search([("ref", "=", "F001")])
        self.assertEqual(partner.name, "Ets DUPONT & Fils")
        self.assertEqual(partner.vat, "FR40303265045")
        self.assertEqual(partner.phone, "+33123456789")
        self.assertEqual(partner.country_id, self.env.ref("base.fr"))
        self.assertTrue(partner.supplier_rank)
        martin = self.env["res.partner"].search([("ref", "=", "C001")])
        self.assertTrue(martin.customer_rank)
        # Near duplicates are reported, both kept.
        warnings = run.line_ids.filtered(lambda line: line.level == "warning")
        self.assertEqual(sorted(warnings.mapped("row_number")), [2, 3])
        self.assertEqual(self.env["res.partner"].search_count([("ref", "in", ["F001", "F002"])]), 2)
        # Every change is visible with the original value.
        phone = run.line_ids.filtered(lambda line: line.rule == "phone" and line.row_number == 2)
        self.assertEqual(
            (phone.original_value, phone.new_value), ("01 23 45 67 89", "+33123456789")
        )
        # Rerun: nothing created twice.
        before = self.counts("res.partner")
        rerun = self.run_file(profile, "tiers.csv", content)
        self.assertEqual((rerun.count_create, rerun.count_update, rerun.count_unchanged), (0, 0, 3))
        self.assertEqual(self.counts("res.partner"), before)
        # A changed cell updates the record.
        changed = [row[:] for row in PARTNERS]
        changed[3][1] = "Quincaillerie Martin & Cie"
        third = self.run_file(profile, "tiers.csv", csv_bytes(changed))
        self.assertEqual((third.count_create, third.count_update, third.count_unchanged), (0, 1, 2))
        self.assertEqual(martin.name, "Quincaillerie Martin & Cie")

    def test_products_with_vendor_cost_barcode_uom_category_tracking(self):
        self.run_file(self.profile("partner", "ref"), "tiers.csv", csv_bytes(PARTNERS))
        profile = self.profile("product", "default_code")
        content = xlsx_file(PRODUCTS)
        run = self.run_file(profile, "articles.xlsx", content)
        self.assertEqual(
            run.state, "done", run.line_ids.filtered(lambda x: x.level == "error").mapped("message")
        )
        self.assertEqual(run.count_create, 3)
        template = self.env["product.template"].search([("default_code", "=", "MIG-1")])
        self.assertEqual(template.barcode, "4006381333931")
        self.assertEqual(template.uom_id, self.env.ref("uom.product_uom_unit"))
        self.assertEqual(template.categ_id.complete_name, "Quincaillerie / Vis")
        self.assertEqual(template.list_price, 1.2)
        self.assertEqual(template.with_company(self.company).standard_price, 0.45)
        self.assertTrue(template.is_storable)
        self.assertEqual(template.seller_ids.partner_id.ref, "F001")
        self.assertEqual(
            (template.seller_ids.price, template.seller_ids.product_code), (0.45, "DV-440")
        )
        gloves = self.env["product.template"].search([("default_code", "=", "MIG-2")])
        self.assertEqual(gloves.tracking, "lot")
        cable = self.env["product.template"].search([("default_code", "=", "MIG-3")])
        self.assertEqual(cable.uom_id, self.env.ref("uom.product_uom_kgm"))
        self.assertEqual(cable.list_price, 1234.5)
        self.assertEqual(cable.categ_id.complete_name, "Electricité / Câbles")
        before = self.counts("product.template", "product.supplierinfo", "product.category")
        rerun = self.run_file(profile, "articles.xlsx", content)
        self.assertEqual((rerun.count_create, rerun.count_update, rerun.count_unchanged), (0, 0, 3))
        self.assertEqual(
            self.counts("product.template", "product.supplierinfo", "product.category"), before
        )

    def test_batched_create_gives_what_a_plain_create_gives(self):
        """Defaults and precomputed fields worked out once per batch are those
        Odoo works out for each record."""
        vals = [
            {"name": "Plain %s" % n, "default_code": "PLAIN-%s" % n, "uom_id": uom.id}
            for n, uom in enumerate(
                [self.env.ref("uom.product_uom_unit"), self.env.ref("uom.product_uom_kgm")] * 2
            )
        ]
        Product = self.env["product.product"].with_user(self.consultant)
        plain = Product.create([dict(v) for v in vals])
        batched = (
            self.env["unifyx.migration.loader"]
            .with_user(self.consultant)
            ._create_batch("product.product", [dict(v, name=v["name"] + " b") for v in vals])
        )
        skip = {"id", "name", "display_name", "product_tmpl_id", "combination_indices"}
        skip |= {"create_date", "write_date", "product_variant_id", "product_variant_ids"}
        names = [
            name
            for name, field in Product._fields.items()
            if (field.store or (field.inherited and field.related_field.store))
            and field.type != "one2many"
            and name not in skip
        ]
        self.assertIn("route_ids", names)
        for one, other in zip(plain, batched, strict=True):
            for name in names:
                self.assertEqual(one[name], other[name], name)
            self.assertEqual(one.uom_po_id, one.uom_id)

    def test_match_by_barcode_and_external_id(self):
        existing = self.env["product.template"].create(
            {"name": "Old name", "barcode": "4006381333931", "default_code": "OLD"}
        )
        profile = self.profile("product", "barcode")
        rows = [["Réf. article", "Désignation", "EAN"], ["NEW-REF", "New name", "4006381333931"]]
        run = self.run_file(profile, "ean.csv", csv_bytes(rows))
        self.assertEqual((run.count_create, run.count_update), (0, 1))
        self.assertEqual((existing.name, existing.default_code), ("New name", "NEW-REF"))

        by_id = self.profile("product", "external_id")
        rows = [["ID externe", "Réf. article", "Désignation"], ["legacy 42", "L-42", "Legacy"]]
        first = self.run_file(by_id, "ids.csv", csv_bytes(rows))
        self.assertEqual(first.count_create, 1)
        product = self.env.ref("unifyx_legacy.legacy_42")
        rows[1][2] = "Legacy renamed"
        second = self.run_file(by_id, "ids.csv", csv_bytes(rows))
        self.assertEqual((second.count_create, second.count_update), (0, 1))
        self.assertEqual(product.name, "Legacy renamed")

    def test_match_by_vat(self):
        partner = self.env["res.partner"].create({"name": "Acme", "vat": "FR40303265045"})
        profile = self.profile("partner", "vat")
        rows = [["Raison sociale", "TVA"], ["ACME Industries", "FR 40303265045"]]
        run = self.run_file(profile, "vat.csv", csv_bytes(rows))
        self.assertEqual((run.count_create, run.count_update), (0, 1))
        self.assertEqual(partner.name, "ACME Industries")

    def test_all_or_nothing_error_in_last_row(self):
        profile = self.profile("product", "default_code")
        rows = PRODUCTS[:3] + [
            ["MIG-9", "Bad barcode", "4006381333932", "pcs", "", "", "", "", "", ""]
        ]
        before = self.counts("product.template", "product.category", "res.partner")
        run = self.run_file(profile, "bad.xlsx", xlsx_file(rows))
        self.assertEqual(run.state, "failed")
        self.assertEqual(self.counts("product.template", "product.category", "res.partner"), before)
        errors = self.errors(run)
        self.assertEqual(set(errors.mapped("row_number")), {2, 4})  # unknown vendor, barcode
        self.assertIn("4006381333932", errors.filtered(lambda e: e.row_number == 4).message)
        self.assertEqual(run.count_rejected, 2)

    def test_partial_commit_returns_rejected_rows(self):
        profile = self.profile("partner", "ref")
        rows = PARTNERS + [["C002", "Bad phone", "", "01 23", "", "", "FR", "client"]]
        run = self.run_file(profile, "tiers.csv", csv_bytes(rows), partial=True)
        self.assertEqual(run.state, "done")
        self.assertEqual((run.count_create, run.count_rejected), (3, 1))
        self.assertFalse(self.env["res.partner"].search([("ref", "=", "C002")]))
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(run.rejected_file))).active
        values = list(sheet.values)
        self.assertEqual(values[0][-1], "Errors")
        self.assertEqual(values[1][0], "C002")
        self.assertIn("01 23", values[1][-1])

    def test_ambiguous_match_is_an_error(self):
        self.env["res.partner"].create([{"name": "A", "ref": "DUP"}, {"name": "B", "ref": "DUP"}])
        profile = self.profile("partner", "ref")
        before = self.counts("res.partner")
        run = self.run_file(profile, "dup.csv", csv_bytes([["Code", "Nom"], ["DUP", "C"]]))
        self.assertEqual(run.state, "failed")
        self.assertIn("ambiguous", self.errors(run).message)
        self.assertEqual(self.counts("res.partner"), before)

    def test_dry_run_counts_and_writes_nothing(self):
        profile = self.profile("partner", "ref")
        before = self.counts("res.partner")
        run = self.run_file(profile, "tiers.csv", csv_bytes(PARTNERS), commit=False)
        self.assertEqual((run.state, run.count_create), ("checked", 3))
        self.assertEqual(self.counts("res.partner"), before)
        run.action_preview()
        self.assertIn("+33123456789", run.preview_html)
        action = run.action_download_report()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        self.assertEqual(sheet.max_row, len(run.line_ids) + 1)

    def test_bad_input_changes_nothing(self):
        profile = self.profile("product", "default_code")
        models = ("unifyx.migration.run", "product.template", "product.category")
        before = self.counts(*models)
        bad_files = {
            "empty.csv": b"",
            "notes.pdf": b"%PDF-1.4",
            "broken.xlsx": b"PK\x03\x04garbage",
            "protected.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "columns.csv": csv_bytes([["Désignation", "Prix"], ["Vis", "1"]]),
        }
        for name, content in bad_files.items():
            with self.subTest(name=name), self.assertRaises(ValidationError):
                self.env["unifyx.migration.run"].with_user(self.consultant).create(
                    {"profile_id": profile.id, "file_name": name, "file": base64.b64encode(content)}
                )
        self.assertEqual(self.counts(*models), before)
        # A formula-injection cell is refused with its row, nothing is written.
        rows = [
            ["Réf. article", "Désignation"],
            ["F-1", '=HYPERLINK("http://x","clic")'],
            ["F-2", "@SUM(A1:A9)"],
        ]
        run = self.run_file(profile, "formula.csv", csv_bytes(rows, delimiter=","))
        self.assertEqual(run.state, "failed")
        self.assertEqual(len(self.errors(run)), 2)
        self.assertEqual(
            self.counts("product.template", "product.category"),
            {k: v for k, v in before.items() if k != "unifyx.migration.run"},
        )

    def test_access_and_companies(self):
        profile = self.profile("partner", "ref")
        run = self.run_file(profile, "tiers.csv", csv_bytes(PARTNERS), commit=False)
        for role in ("director", "finance", "purchasing_manager", "warehouse_manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                run.with_user(self.users[role]).read(["state"])
        other = self.env["res.company"].create({"name": "Other Co"})
        self.consultant.company_ids |= other
        foreign = self.env["unifyx.migration.profile"].create(
            {"name": "Other", "target": "category", "company_id": other.id}
        )
        visible = (
            self.env["unifyx.migration.profile"]
            .with_user(self.consultant)
            .with_context(allowed_company_ids=[self.company.id])
            .search([])
        )
        self.assertIn(profile, visible)
        self.assertNotIn(foreign, visible)
