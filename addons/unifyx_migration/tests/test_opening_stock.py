# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opening stock of a distributor of its own (real-time AVCO and FIFO categories)."""

from odoo.tests import tagged

from .common import MigrationDistributorCase


@tagged("post_install", "-at_install")
class TestOpeningStock(MigrationDistributorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.cenv
        cls.shelf = cls.env["stock.location"].create(
            {"name": "Opening shelf", "location_id": cls.marseille.lot_stock_id.id}
        )
        run = cls.load(
            cls.product_profile,
            [
                ["Réf. article", "Désignation", "Unité", "Famille", "Coût", "Suivi"],
                ["OPEN-AVCO", "Câble test", "pcs", "opening electricity > cables", "2,00", ""],
                ["OPEN-FIFO", "Raccord test", "pcs", "Opening Plumbing / Fittings", "1", "lot"],
                ["OPEN-SN", "Perceuse test", "u.", "Opening Plumbing / Fittings", "50", "série"],
            ],
        )
        assert run.state == "done", run.line_ids.mapped("message")

    def test_opening_stock_valued_at_file_cost(self):
        rows = [
            ["Réf. article", "Entrepôt", "Emplacement", "Lot / N° série", "Qté", "Coût unitaire"],
            ["OPEN-AVCO", "MRS", "", "", "10", "12,50 €"],
            ["OPEN-AVCO", "", self.shelf.complete_name, "", "4", "12,50"],
            ["OPEN-FIFO", "Paris", "", "L-2024-01", "5", "3,20"],
            ["OPEN-SN", "PAR", "", "SN-1", "1", "100"],
            ["OPEN-SN", "PAR", "", "SN-2", "1", "100"],
        ]
        layers_before = self.env["stock.valuation.layer"].search([]).ids
        dry = self.load(self.stock_profile, rows, commit=False)
        self.assertEqual((dry.state, dry.count_create), ("checked", 5))
        self.assertFalse(
            self.env["stock.valuation.layer"].search([("id", "not in", layers_before)])
        )

        run = self.load(self.stock_profile, rows)
        self.assertEqual(run.state, "done", run.line_ids.mapped("message"))
        self.assertEqual(run.count_create, 5)
        avco, fifo, serial = (
            self.product("OPEN-AVCO"),
            self.product("OPEN-FIFO"),
            self.product("OPEN-SN"),
        )
        self.assertEqual(
            avco.with_context(location=self.marseille.lot_stock_id.id).qty_available, 14
        )
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(fifo, self.paris.lot_stock_id), 5
        )
        lot = self.env["stock.lot"].search([("product_id", "=", fifo.id)])
        self.assertEqual(lot.name, "L-2024-01")
        self.assertEqual(len(self.env["stock.lot"].search([("product_id", "=", serial.id)])), 2)

        layers = self.env["stock.valuation.layer"].search([("id", "not in", layers_before)])
        expected = {avco: 14 * 12.5, fifo: 5 * 3.2, serial: 2 * 100}
        for product, value in expected.items():
            mine = layers.filtered(lambda layer, p=product: layer.product_id == p)
            self.assertAlmostEqual(sum(mine.mapped("value")), value)
            self.assertAlmostEqual(
                sum(mine.mapped("quantity")), value / {avco: 12.5, fifo: 3.2, serial: 100}[product]
            )
            # The journal entries equal quantity x cost on the stock valuation account.
            valuation_account = product.categ_id.with_company(
                self.company
            ).property_stock_valuation_account_id
            lines = mine.account_move_id.line_ids.filtered(
                lambda line, a=valuation_account: line.account_id == a
            )
            self.assertTrue(lines)
            self.assertAlmostEqual(sum(lines.mapped("debit")) - sum(lines.mapped("credit")), value)
        self.assertAlmostEqual(avco.with_company(self.company).standard_price, 12.5)

        # Rerun: nothing moves twice.
        rerun = self.load(self.stock_profile, rows)
        self.assertEqual((rerun.count_create, rerun.count_update, rerun.count_unchanged), (0, 0, 5))
        self.assertEqual(
            self.env["stock.valuation.layer"].search_count([("id", "not in", layers_before)]),
            len(layers),
        )

    def test_stock_errors(self):
        rows = [
            ["Réf. article", "Entrepôt", "Lot", "Qté", "Coût"],
            ["OPEN-FIFO", "PAR", "", "5", "1"],
            ["OPEN-SN", "PAR", "SN-9", "3", "1"],
            ["NOPE", "PAR", "", "5", "1"],
            ["OPEN-AVCO", "Tombouctou", "", "5", "1"],
        ]
        layers = self.env["stock.valuation.layer"].search_count([])
        run = self.load(self.stock_profile, rows)
        self.assertEqual(run.state, "failed")
        self.assertEqual(
            sorted(run.line_ids.filtered(lambda x: x.level == "error").mapped("row_number")),
            [2, 3, 4, 5],
        )
        self.assertEqual(self.env["stock.valuation.layer"].search_count([]), layers)

    def test_product_given_by_barcode(self):
        avco = self.product("OPEN-AVCO")
        avco.sudo().barcode = "9900000000035"
        run = self.load(
            self.stock_profile,
            [["EAN", "Entrepôt", "Qté", "Coût"], ["9900000000035", "MRS", "3", "2"]],
        )
        self.assertEqual(run.state, "done", run.line_ids.mapped("message"))
        self.assertEqual(
            avco.with_context(location=self.marseille.lot_stock_id.id).qty_available, 3
        )
