# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_migration.tests.common import MigrationCase, csv_bytes

HEADER = ["Contrat", "Code client", "Du", "Au", "Réf. article", "Famille", "Prix net", "Remise %"]
HEADER += ["Marge %", "Qté min", "Unité"]


@tagged("post_install", "-at_install")
class TestContractImport(MigrationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_priced("CT", "9900000000028")

    def rows(self, *extra):
        return [
            HEADER,
            ["K-1", "CCT01", "01/01/2026", "31/12/2026", "CT-VIS", "", "0,90 €", "", "", "", ""],
            ["K-1", "", "", "", "CT-VIS", "", "0,80", "", "", "100", "pcs"],
            ["K-1", "", "", "", "", "outillage ct", "", "12,5", "", "", ""],
            ["K-1", "", "", "", "", "Outillage CT", "", "", "8", "50", ""],
            *extra,
        ]

    def test_contract_lines_created_then_rerun_unchanged_then_updated(self):
        profile = self.profile("contract")
        self.assertEqual(profile.match_key, "contract_line")
        run = self.run_file(profile, "contrats.csv", csv_bytes(self.rows()))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        self.assertEqual(run.count_create, 4)
        contract = self.env["unifyx.price.contract"].search([("name", "=", "K-1")])
        self.assertEqual(
            (contract.partner_id, contract.company_id, contract.state),
            (self.customer, self.company, "draft"),
        )
        self.assertEqual(contract.currency_id, self.company.currency_id)
        self.assertEqual(
            (str(contract.date_start), str(contract.date_end)), ("2026-01-01", "2026-12-31")
        )
        lines = contract.line_ids
        self.assertEqual(len(lines), 4)
        tier = lines.filtered(lambda line: line.min_qty == 100)
        self.assertEqual(
            (tier.product_id, tier.price_type, tier.fixed_price, tier.uom_id),
            (self.product, "fixed", 0.8, self.env.ref("uom.product_uom_unit")),
        )
        discount = lines.filtered(lambda line: line.price_type == "discount")
        self.assertEqual((discount.categ_id, discount.discount), (self.category, 12.5))
        markup = lines.filtered(lambda line: line.price_type == "cost_plus")
        self.assertEqual((markup.markup, markup.min_qty), (8.0, 50.0))

        rerun = self.run_file(profile, "contrats.csv", csv_bytes(self.rows()))
        self.assertEqual((rerun.count_create, rerun.count_update, rerun.count_unchanged), (0, 0, 4))
        self.assertEqual(len(contract.line_ids), 4)

        changed = self.rows()
        changed[1][6] = "0,85"
        third = self.run_file(profile, "contrats.csv", csv_bytes(changed))
        self.assertEqual((third.count_create, third.count_update, third.count_unchanged), (0, 1, 3))
        first = contract.line_ids.filtered(lambda line: line.fixed_price and not line.min_qty)
        self.assertEqual(first.fixed_price, 0.85)

        # The draft contract's customer and end date follow the file; an empty
        # cell changes nothing.
        other = self.customer.copy({"name": "Client CT 2", "ref": "CCT02"})
        moved = self.rows()
        moved[1][1], moved[1][3] = "CCT02", "30/06/2027"
        moved[1][6] = "0,85"
        fourth = self.run_file(profile, "contrats.csv", csv_bytes(moved))
        self.assertEqual(fourth.state, "done", self.errors(fourth).mapped("message"))
        self.assertEqual(
            (fourth.count_create, fourth.count_update, fourth.count_unchanged), (0, 1, 3)
        )
        self.assertEqual(
            (contract.partner_id, str(contract.date_start), str(contract.date_end)),
            (other, "2026-01-01", "2027-06-30"),
        )
        self.assertEqual(self.env["unifyx.price.contract"].search_count([("name", "=", "K-1")]), 1)

    def test_errors_refuse_the_whole_file(self):
        profile = self.profile("contract")
        rows = self.rows(
            ["K-2", "", "", "", "CT-VIS", "", "1", "", "", "", ""],  # new, no customer
            ["K-1", "", "", "", "CT-VIS", "", "1", "5", "", "", ""],  # price and discount
            ["K-1", "", "", "", "CT-VIS", "", "1", "", "", "", "kg"],  # unit of another kind
            ["K-1", "", "", "", "CT-VIS", "", "2", "", "", "", ""],  # same line as row 2
        )
        before = self.env["unifyx.price.contract"].search_count([])
        run = self.run_file(profile, "contrats.csv", csv_bytes(rows))
        self.assertEqual(run.state, "failed")
        self.assertEqual(self.env["unifyx.price.contract"].search_count([]), before)
        errors = self.errors(run)
        self.assertEqual(
            sorted(errors.mapped(lambda e: (e.row_number, e.rule))),
            [(6, "match"), (7, "match"), (8, "match"), (9, "match")],
        )
        self.assertIn("K-2", errors.filtered(lambda e: e.row_number == 6).message)
        self.assertIn("row 2", errors.filtered(lambda e: e.row_number == 9).message)

    def test_active_contract_is_not_changed(self):
        profile = self.profile("contract")
        self.run_file(profile, "contrats.csv", csv_bytes(self.rows()))
        contract = self.env["unifyx.price.contract"].search([("name", "=", "K-1")])
        contract.sudo().state = "active"
        same = self.run_file(profile, "contrats.csv", csv_bytes(self.rows()))
        self.assertEqual((same.state, same.count_unchanged), ("done", 4))
        changed = self.rows()
        changed[1][6] = "0,70"
        refused = self.run_file(profile, "contrats.csv", csv_bytes(changed))
        self.assertEqual(refused.state, "failed")
        self.assertIn("not a draft", self.errors(refused).message)
        # Nor its dates.
        later = self.rows()
        later[1][3] = "31/12/2027"
        refused = self.run_file(profile, "contrats.csv", csv_bytes(later))
        self.assertEqual(refused.state, "failed")
        self.assertIn("not a draft", self.errors(refused).message)
        self.assertEqual(str(contract.date_end), "2026-12-31")
        self.assertEqual(
            contract.line_ids.filtered(
                lambda line: not line.min_qty and line.fixed_price
            ).fixed_price,
            0.9,
        )

    def test_product_given_by_barcode_is_loaded(self):
        profile = self.profile("contract")
        barcode = ["K-1", "", "", "", "9900000000028", "", "0,40", "", "", "", ""]
        run = self.run_file(profile, "contrats.csv", csv_bytes(self.rows(barcode)))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        contract = self.env["unifyx.price.contract"].search([("name", "=", "K-1")])
        line = contract.line_ids.filtered(lambda line: line.product_id == self.scanned)
        self.assertEqual((line.price_type, line.fixed_price), ("fixed", 0.40))
        rerun = self.run_file(profile, "contrats.csv", csv_bytes(self.rows(barcode)))
        self.assertEqual((rerun.count_create, rerun.count_unchanged), (0, 5))

    def test_code_of_two_products_is_refused(self):
        """A code that is one product's internal reference and another's barcode
        names neither: the row is refused, said, and nothing is loaded."""
        self.env["product.product"].create({"name": "Vis bis", "barcode": "CT-VIS"})
        profile = self.profile("contract")
        before = self.counts("unifyx.price.contract", "unifyx.price.contract.line")
        run = self.run_file(profile, "contrats.csv", csv_bytes(self.rows()))
        self.assertEqual(run.state, "failed")
        message = (
            "2 products have CT-VIS as internal reference or barcode: ambiguous, nothing loaded"
        )
        self.assertEqual(
            set(
                self.errors(run)
                .filtered(lambda e: e.column == "Réf. article")
                .mapped(lambda e: (e.row_number, e.column, e.message))
            ),
            {(2, "Réf. article", message), (3, "Réf. article", message)},
        )
        self.assertEqual(self.counts("unifyx.price.contract", "unifyx.price.contract.line"), before)
