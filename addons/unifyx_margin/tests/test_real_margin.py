# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import MarginCase


@tagged("post_install", "-at_install")
class TestRealMargin(MarginCase):
    def test_fifo_two_deliveries_landed_cost_return_credit_note(self):
        """The 'done when' order, computed by hand from the layers.

        Receipts: R1 10 @ 10, R2 10 @ 13 (FIFO). Sale: 15 @ 20 less 10 % = 18.
        Freight rate 2 % of revenue on the category."""
        self.env["unifyx.margin.freight.rate"].create(
            {
                "company_id": self.company.id,
                "categ_id": self.categ_fifo.id,
                "rate_type": "percent",
                "rate": 2.0,
            }
        )
        r1 = self.receive(self.product_fifo, 10, 10.0)
        self.receive(self.product_fifo, 10, 13.0)
        order = self.order([(self.product_fifo, 15, 20.0, 10.0)])
        line = order.order_line
        # Quote: FIFO would consume 10 @ 10 then 5 @ 13.
        self.assertAlmostEqual(line.unifyx_expected_unit_cost, 11.0)
        self.assertAlmostEqual(line.unifyx_expected_revenue, 270.0)
        self.assertAlmostEqual(line.unifyx_expected_freight, 5.4)
        self.assertAlmostEqual(line.unifyx_expected_margin, 270 - 165 - 5.4)
        order.action_confirm()

        first = self.deliver(order, {self.product_fifo: 6})
        self.assertEqual(first.move_ids.stock_valuation_layer_ids.value, -60.0)
        self.assertAlmostEqual(line.unifyx_delivered_cost, 60.0)
        # Not invoiced yet: revenue is what was delivered, at the order price.
        self.assertAlmostEqual(line.unifyx_real_revenue, 6 * 18.0)

        # Landed cost on R1 after 6 of its 10 units left: 2 a unit, 8 stay in
        # stock (a layer on R1), 12 go to the 6 units already delivered.
        cost = self.landed_cost(r1, 20.0)
        self.assertEqual(cost.stock_valuation_layer_ids.value, 8.0)
        self.assertAlmostEqual(line.unifyx_landed_cost, 12.0)
        # The order's total follows its line.
        self.assertAlmostEqual(order.unifyx_real_margin, line.unifyx_real_margin)

        second = self.deliver(order, {self.product_fifo: 9})
        second_value = sum(second.move_ids.stock_valuation_layer_ids.mapped("value"))
        self.assertAlmostEqual(second_value, -(4 * 12.0 + 5 * 13.0))

        invoice = self.invoice(order)
        self.assertAlmostEqual(line.unifyx_real_revenue, 270.0)
        invoice_line = invoice.invoice_line_ids
        # Cost fixed at posting: goods 60 + 113, landed 12, freight 2 % of 270.
        self.assertAlmostEqual(invoice_line.unifyx_margin_cost, 173 + 12 + 5.4)
        self.assertAlmostEqual(invoice_line.unifyx_margin, 270 - 190.4)

        returned = self.return_goods(second, {self.product_fifo: 3})
        returned_value = sum(returned.move_ids.stock_valuation_layer_ids.mapped("value"))
        self.assertAlmostEqual(returned_value, round(3 * 113 / 9, 2))
        refund = self.invoice(order)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertAlmostEqual(refund.amount_untaxed, 54.0)

        # Hand computation from the layers and the accounting entries.
        revenue = 270.0 - 54.0
        goods = 60.0 + 113.0 - returned_value
        freight = round(revenue * 0.02, 2)
        self.assertAlmostEqual(line.unifyx_delivered_cost, 173.0)
        self.assertAlmostEqual(line.unifyx_returned_cost, returned_value)
        self.assertAlmostEqual(line.unifyx_landed_cost, 12.0)
        self.assertAlmostEqual(line.unifyx_freight_cost, freight)
        self.assertAlmostEqual(line.unifyx_credited_amount, 54.0)
        self.assertAlmostEqual(line.unifyx_real_revenue, revenue)
        self.assertAlmostEqual(line.unifyx_real_cost, goods + 12.0 + freight)
        self.assertAlmostEqual(line.unifyx_real_margin, revenue - goods - 12.0 - freight)
        self.assertAlmostEqual(
            line.unifyx_real_margin_percent, line.unifyx_real_margin / revenue, places=6
        )
        self.assertAlmostEqual(order.unifyx_real_margin, line.unifyx_real_margin)
        # The expected margin is the quote's, and the invoice's margin did not move.
        self.assertAlmostEqual(line.unifyx_expected_margin, 270 - 165 - 5.4)
        self.assertAlmostEqual(invoice_line.unifyx_margin, 270 - 190.4)
        self.assertIn("Real margin", line.unifyx_margin_breakdown)

    def test_avco_partial_delivery_and_return(self):
        self.receive(self.product_avco, 10, 10.0)
        self.receive(self.product_avco, 10, 14.0)
        order = self.order([(self.product_avco, 8, 20.0, 0.0)])
        line = order.order_line
        self.assertAlmostEqual(line.unifyx_expected_unit_cost, 12.0)
        order.action_confirm()
        picking = self.deliver(order, {self.product_avco: 5})
        self.assertTrue(order.picking_ids.filtered(lambda p: p.state != "done"), "backorder")
        self.assertAlmostEqual(line.unifyx_delivered_cost, 60.0)
        self.return_goods(picking, {self.product_avco: 2})
        self.assertEqual(line.qty_delivered, 3)
        self.assertAlmostEqual(line.unifyx_returned_cost, 24.0)
        self.assertAlmostEqual(line.unifyx_real_revenue, 60.0)
        self.assertAlmostEqual(line.unifyx_real_margin, 60.0 - 36.0)
        # Odoo's own fields are still there, untouched in meaning.
        self.assertTrue(line.purchase_price)

    def test_freight_rate_most_specific_and_per_unit(self):
        Rate = self.env["unifyx.margin.freight.rate"]
        Rate.create({"company_id": self.company.id, "rate_type": "percent", "rate": 5})
        Rate.create(
            {
                "company_id": self.company.id,
                "categ_id": self.categ_avco.id,
                "warehouse_id": self.warehouse.id,
                "rate_type": "per_unit",
                "rate": 0.5,
            }
        )
        self.receive(self.product_avco, 10, 10.0)
        order = self.order([(self.product_avco, 4, 20.0, 0.0), (self.product_fifo, 1, 100.0, 0.0)])
        avco_line, fifo_line = order.order_line
        self.assertAlmostEqual(avco_line.unifyx_expected_freight, 2.0)
        self.assertAlmostEqual(fifo_line.unifyx_expected_freight, 5.0)

    def test_foreign_currency_order(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        self.env["res.currency.rate"].create(
            {
                "name": fields.Date.today(),
                "rate": 1.25,
                "currency_id": usd.id,
                "company_id": self.company.id,
            }
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "USD", "currency_id": usd.id, "company_id": self.company.id}
        )
        self.receive(self.product_avco, 10, 10.0)
        order = self.order([(self.product_avco, 2, 25.0, 0.0)], pricelist_id=pricelist.id)
        line = order.order_line
        self.assertEqual(order.currency_id, usd)
        self.assertAlmostEqual(line.unifyx_expected_revenue, 40.0)
        self.assertAlmostEqual(line.unifyx_expected_margin, 40.0 - 20.0)
        order.action_confirm()
        self.deliver(order, {self.product_avco: 2})
        self.assertAlmostEqual(line.unifyx_real_revenue, 40.0)
        self.assertAlmostEqual(line.unifyx_real_margin, 20.0)

    def test_services_zero_lines_and_notes(self):
        service = self.env["product.product"].create(
            {
                "name": "Installation",
                "type": "service",
                "list_price": 50,
                "standard_price": 30,
                "taxes_id": False,
            }
        )
        self.floor(10)
        self.receive(self.product_avco, 10, 10.0)
        order = self.order(
            [
                (service, 1, 50.0, 0.0),
                (self.product_avco, 0, 20.0, 0.0),
                (self.product_fifo, 1, 0.0, 0.0),
            ]
        )
        order.order_line = [Command.create({"display_type": "line_note", "name": "Note"})]
        service_line, zero_qty, free, note = order.order_line
        self.assertAlmostEqual(service_line.unifyx_expected_margin, 20.0)
        self.assertFalse(zero_qty.unifyx_below_floor)
        self.assertAlmostEqual(zero_qty.unifyx_expected_margin, 0.0)
        self.assertTrue(free.unifyx_below_floor, "a free line that costs is below its floor")
        self.assertFalse(note.unifyx_floor_id)
        order.action_confirm()
        service_line.qty_delivered = 1
        self.assertAlmostEqual(service_line.unifyx_real_margin, 20.0)
        self.assertEqual(note.unifyx_real_margin, 0.0)

    def test_combo_product_kit(self):
        """Odoo's combo products, the kits of Community: the combo line is priced
        0 and delivers nothing, its item lines carry the price, the goods and
        the cost. The combo line costs nothing, takes no freight and breaks no
        floor, even a blocking one."""
        self.env["unifyx.margin.freight.rate"].create(
            {"company_id": self.company.id, "rate_type": "per_unit", "rate": 0.5}
        )
        self.floor(10, policy="block")
        self.receive(self.product_avco, 10, 12.0)
        self.receive(self.product_fifo, 10, 10.0)
        combos = self.env["product.combo"].create(
            [
                {"name": name, "combo_item_ids": [Command.create({"product_id": product.id})]}
                for name, product in (("Breaker", self.product_avco), ("Elbow", self.product_fifo))
            ]
        )
        kit = self.env["product.product"].create(
            {
                "name": "Kit M",
                "type": "combo",
                "list_price": 50.0,
                "standard_price": 40.0,
                "taxes_id": False,
                "combo_ids": [Command.set(combos.ids)],
            }
        )
        order = self.order([(kit, 2, 0.0, 0.0)])
        combo_line = order.order_line
        order.order_line = [
            Command.create(
                {
                    "product_id": combo.combo_item_ids.product_id.id,
                    "product_uom_qty": 2,
                    "price_unit": price,
                    "tax_id": False,
                    "combo_item_id": combo.combo_item_ids.id,
                    "linked_line_id": combo_line.id,
                }
            )
            for combo, price in zip(combos, (20.0, 30.0), strict=True)
        ]
        breaker, elbow = order.order_line - combo_line
        self.assertEqual(
            (
                combo_line.unifyx_expected_cost,
                combo_line.unifyx_expected_freight,
                combo_line.unifyx_expected_margin,
                combo_line.unifyx_below_floor,
            ),
            (0.0, 0.0, 0.0, False),
        )
        # Each item: 2 units, freight 0.5 a unit.
        self.assertAlmostEqual(breaker.unifyx_expected_margin, 40 - 24 - 1)
        self.assertAlmostEqual(elbow.unifyx_expected_margin, 60 - 20 - 1)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

        picking = self.deliver(order, None)
        layers = picking.move_ids.stock_valuation_layer_ids
        self.assertAlmostEqual(sum(layers.mapped("value")), -(24.0 + 20.0))
        self.assertEqual(combo_line.unifyx_real_margin, 0.0)
        self.assertAlmostEqual(breaker.unifyx_real_margin, 40 - 24 - 1)
        self.assertAlmostEqual(elbow.unifyx_real_margin, 60 - 20 - 1)
        self.assertAlmostEqual(order.unifyx_real_margin, 100 - 44 - 2)
        invoice = self.invoice(order)
        by_line = {aml.sale_line_ids: aml for aml in invoice.invoice_line_ids}
        self.assertEqual(by_line[combo_line].unifyx_margin, 0.0)
        self.assertAlmostEqual(sum(invoice.invoice_line_ids.mapped("unifyx_margin")), 100 - 44 - 2)

    def test_batch_query_count_does_not_grow_with_lines(self):
        self.receive(self.product_avco, 1000, 10.0)
        self.receive(self.product_fifo, 1000, 10.0)
        counts = {}
        for size in (20, 200):
            products = [self.product_avco, self.product_fifo] * (size // 2)
            order = self.order([(p, 1, 20.0, 0.0) for p in products])
            order.action_confirm()
            self.deliver(order, None)
            lines = order.order_line
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            for field in lines._fields.values():
                if field.compute in (
                    "_compute_unifyx_real_margin",
                    "_compute_unifyx_expected_margin",
                    "_compute_unifyx_floor",
                ):
                    self.env.add_to_compute(field, lines)
            lines.flush_recordset()
            counts[size] = self.env.cr.sql_log_count - start
            self.assertEqual(len(lines), size)
            self.assertAlmostEqual(order.unifyx_real_revenue, 20.0 * size)
        self.assertLessEqual(counts[200], counts[20] + 5, counts)

    def test_vendor_bill_price_difference_after_delivery(self):
        """PO 10 @ 10, 6 delivered, then billed at 12: 4 in stock take 8 through a
        price-difference layer, the 6 delivered take 12 in their real margin."""
        purchase = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "company_id": self.company.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product_fifo.id,
                            "product_qty": 10,
                            "price_unit": 10.0,
                            "taxes_id": False,
                        }
                    )
                ],
            }
        )
        purchase.button_confirm()
        receipt = purchase.picking_ids
        receipt.move_ids.quantity = 10
        receipt.move_ids.picked = True
        receipt.button_validate()
        order = self.order([(self.product_fifo, 6, 20.0, 0.0)])
        order.action_confirm()
        self.deliver(order, None)
        line = order.order_line
        self.assertAlmostEqual(line.unifyx_real_margin, 120.0 - 60.0)
        purchase.action_create_invoice()
        bill = purchase.invoice_ids
        bill.invoice_date = fields.Date.today()
        bill.invoice_line_ids.price_unit = 12.0
        bill.action_post()
        pdiff = self.env["stock.valuation.layer"].search(
            [("account_move_line_id", "in", bill.invoice_line_ids.ids)]
        )
        self.assertAlmostEqual(sum(pdiff.mapped("value")), 8.0)
        self.assertAlmostEqual(line.unifyx_price_diff_cost, 12.0)
        self.assertAlmostEqual(line.unifyx_real_margin, 120.0 - 60.0 - 12.0)
