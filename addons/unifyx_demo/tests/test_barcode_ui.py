# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A warehouse operator does a receipt and a count with the OCA stock_barcodes
screens in the browser (tours in unifyx_demo/static/tests/tours/
barcode_operator_tour.js): the scans go through the web client's barcode
service as a scanner's keystrokes do."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import UnifyxTourCase

# The demo products and shelf the tours scan.
FIRST, SECOND, SHELF = "3760000000031", "3760000000222", "LYO-B-01"


@tagged("post_install", "-at_install")
class TestBarcodeOperatorTours(UnifyxTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("unifyx_demo.company_distributor_demo")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.lyon = cls.env.ref("unifyx_demo.warehouse_lyon_demo")
        Product = cls.env["product.product"]
        cls.first = Product.search([("barcode", "=", FIRST)])
        cls.second = Product.search([("barcode", "=", SECOND)])
        cls.shelf = cls.env["stock.location"].search([("barcode", "=", SHELF)])
        cls.operator = cls.env["res.users"].search([("login", "=", "wh_operator")])

    def test_demo_data_the_tours_scan(self):
        self.assertEqual(self.first.default_code, "UX-RAC-00003")
        self.assertEqual(self.second.default_code, "UX-CAB-00022")
        self.assertEqual((self.first | self.second).mapped("tracking"), ["none", "none"])
        self.assertEqual(self.shelf.warehouse_id, self.lyon)

    def test_receipt_scanned_in_the_browser(self):
        purchaser = self.env["res.users"].search([("login", "=", "purchaser")])
        order = (
            self.env["purchase.order"]
            .with_user(purchaser)
            .create(
                {
                    "partner_id": self.first.seller_ids[:1].partner_id.id,
                    "picking_type_id": self.lyon.in_type_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.first.id, "product_qty": 2, "price_unit": 10}
                        ),
                        Command.create(
                            {"product_id": self.second.id, "product_qty": 1, "price_unit": 10}
                        ),
                    ],
                }
            )
        )
        order.button_confirm()
        receipt = self.env["stock.picking"].browse(order.picking_ids.id)
        self.assertEqual(receipt.picking_type_id.barcode_option_group_id.code, "IN")
        self.start_tour(
            "/odoo/action-stock.action_picking_tree_all/%d" % receipt.id,
            "unifyx_barcode_receipt",
            login="wh_operator",
        )
        self.env.invalidate_all()
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.write_uid, self.operator)
        received = {line.product_id: line.qty_received for line in order.order_line}
        self.assertEqual(received, {self.first: 2, self.second: 1})
        self.assertFalse(receipt.backorder_ids)
        self.assertTrue(receipt.move_ids.stock_valuation_layer_ids)

    def test_count_scanned_in_the_browser(self):
        Quant = self.env["stock.quant"]
        before = {
            product: Quant._get_available_quantity(product, self.shelf)
            for product in (self.first, self.second)
        }
        self.start_tour(
            "/odoo/action-stock_barcodes.action_stock_barcodes_action_client",
            "unifyx_barcode_count",
            login="wh_operator",
        )
        self.env.invalidate_all()
        counted = Quant.search(
            [
                ("location_id", "=", self.shelf.id),
                ("product_id", "in", (self.first | self.second).ids),
            ]
        )
        self.assertEqual(
            {quant.product_id: quant.inventory_quantity for quant in counted},
            {self.first: 2, self.second: 1},
        )
        self.assertTrue(all(counted.mapped("inventory_quantity_set")))
        # The warehouse manager applies the count: the shelf now holds it.
        manager = self.env["res.users"].search([("login", "=", "wh_manager")])
        counted.with_user(manager).action_apply_inventory()
        for product, quantity in ((self.first, 2), (self.second, 1)):
            self.assertEqual(
                product.with_context(location=self.shelf.id).qty_available,
                quantity,
                (product.default_code, before[product]),
            )
