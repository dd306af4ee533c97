# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client's go-live scenarios, end to end on the demo company: each story
is played by the role that does it and checks quantities per location,
valuation layers, journal entries and the documents produced, and at the end
that the stock value (valuation layers) equals the balance of account 370000."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import Form, tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class OperationsCase(DemoCompanyCase):
    # -- helpers ---------------------------------------------------------------

    @classmethod
    def _product(cls, cost_method, tracking="none"):
        products = cls.env["product.product"].search(
            [
                ("default_code", "=like", "UX-%"),
                ("tracking", "=", tracking),
                ("uom_id", "=", cls.unit.id),
            ],
            order="default_code",
        )
        return products.filtered(lambda p: p.with_company(cls.company).cost_method == cost_method)[
            :1
        ]

    def _qty(self, product, location):
        return product.with_context(location=location.id).qty_available

    def _layers(self, records):
        return records.stock_valuation_layer_ids

    def assertStockMatchesAccounting(self):
        """Stock value (valuation layers) = balance of the stock account."""
        layers = self.env["stock.valuation.layer"].search([("company_id", "=", self.company.id)])
        lines = self.env["account.move.line"].search(
            [("account_id", "=", self.stock_account.id), ("parent_state", "=", "posted")]
        )
        self.assertAlmostEqual(sum(layers.mapped("value")), sum(lines.mapped("balance")), places=2)

    def assertLayersBooked(self, layers):
        """Each layer has its entry, posted, on 370000 for its value."""
        self.assertTrue(layers)
        for layer in layers:
            move = layer.account_move_id
            self.assertEqual(move.state, "posted", layer.description)
            stock_lines = move.line_ids.filtered(lambda line: line.account_id == self.stock_account)
            self.assertAlmostEqual(sum(stock_lines.mapped("balance")), layer.value, places=2)

    def _process(self, picking, user, quantities=None, lots=None, backorder=True):
        """Validate picking as user, picking quantities {product: qty} (all by
        default) and lots {product: [(lot name, qty)]}; returns the backorder."""
        picking = picking.with_user(user)
        quantities = quantities or {}
        for move in picking.move_ids:
            if lots and move.product_id in lots:
                move.move_line_ids.unlink()
                for lot_name, qty in lots[move.product_id]:
                    line_vals = {
                        "move_id": move.id,
                        "picking_id": picking.id,
                        "product_id": move.product_id.id,
                        "product_uom_id": move.product_uom.id,
                        "location_id": move.location_id.id,
                        "location_dest_id": move.location_dest_id.id,
                        "quantity": qty,
                    }
                    lot = self.env["stock.lot"].search(
                        [("name", "=", lot_name), ("product_id", "=", move.product_id.id)]
                    )
                    if lot:
                        line_vals["lot_id"] = lot.id
                    else:
                        line_vals["lot_name"] = lot_name
                    self.env["stock.move.line"].with_user(user).create(line_vals)
            else:
                move.quantity = quantities.get(move.product_id, move.product_uom_qty)
        picking.move_ids.picked = True
        result = picking.button_validate()
        if result is not True:
            self.assertEqual(result["res_model"], "stock.backorder.confirmation")
            wizard = Form(
                self.env[result["res_model"]].with_user(user).with_context(**result["context"])
            ).save()
            if backorder:
                wizard.process()
            else:
                wizard.process_cancel_backorder()
        self.assertEqual(picking.state, "done")
        return picking.backorder_ids

    def _return(self, picking, user, quantities):
        wizard = Form(
            self.env["stock.return.picking"]
            .with_user(user)
            .with_context(
                active_ids=picking.ids, active_id=picking.id, active_model="stock.picking"
            )
        ).save()
        for line in wizard.product_return_moves:
            line.quantity = quantities.get(line.product_id, 0)
        action = wizard.action_create_returns()
        returned = self.env["stock.picking"].browse(action["res_id"])
        self.assertTrue(all(move.to_refund for move in returned.move_ids))
        return returned

    def _fifo_cost(self, product, qty):
        """Value of the qty oldest units still in stock (FIFO candidates)."""
        candidates = self.env["stock.valuation.layer"].search(
            [
                ("product_id", "=", product.id),
                ("company_id", "=", self.company.id),
                ("remaining_qty", ">", 0),
            ],
            order="create_date, id",
        )
        value = 0.0
        for layer in candidates:
            taken = min(qty, layer.remaining_qty)
            value += taken * layer.remaining_value / layer.remaining_qty
            qty -= taken
            if not qty:
                break
        return value

    def _orderpoint(self, warehouse, product, vals):
        """The product's min/max rule in the warehouse stock (the demo may have one)."""
        Orderpoint = self.env["stock.warehouse.orderpoint"].with_user(self.user["wh_manager"])
        orderpoint = Orderpoint.search(
            [("location_id", "=", warehouse.lot_stock_id.id), ("product_id", "=", product.id)]
        )
        vals = dict(vals, trigger="auto")
        if orderpoint:
            orderpoint.write(vals)
            return orderpoint
        return Orderpoint.create(
            dict(
                vals,
                warehouse_id=warehouse.id,
                location_id=warehouse.lot_stock_id.id,
                product_id=product.id,
            )
        )

    def _pay(self, invoice):
        payment = (
            self.env["account.payment.register"]
            .with_user(self.user["finance"])
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
            ._create_payments()
        )
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        receivable_payable = payment.move_id.line_ids.filtered(
            lambda line: line.account_id.account_type in ("asset_receivable", "liability_payable")
        )
        self.assertTrue(receivable_payable.reconciled)
        return payment

    def _purchase(self, product, qty, price=None, warehouse=None):
        line = {"product_id": product.id, "product_qty": qty}
        if price is not None:
            line["price_unit"] = price
        order = (
            self.env["purchase.order"]
            .with_user(self.user["purchaser"])
            .create(
                {
                    "partner_id": product.seller_ids[:1].partner_id.id,
                    "picking_type_id": (warehouse or self.lyon).in_type_id.id,
                    "order_line": [Command.create(line)],
                }
            )
        )
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        return order

    def _to_shelf(self, shelf, *lines):
        """A draft transfer by the warehouse operator from Lyon's stock to
        ``shelf``; each line: (product, quantity)."""
        source = self.lyon.lot_stock_id
        return (
            self.env["stock.picking"]
            .with_user(self.user["wh_operator"])
            .create(
                {
                    "picking_type_id": self.lyon.int_type_id.id,
                    "location_id": source.id,
                    "location_dest_id": shelf.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.display_name,
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "product_uom": product.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": shelf.id,
                            }
                        )
                        for product, qty in lines
                    ],
                }
            )
        )

    def _sell(self, product, qty, warehouse=None, **line_vals):
        order = self._sale((product, qty, line_vals), warehouse=warehouse)
        if order.unifyx_exception_type_ids:
            # A discount above the salesperson's limit: the sales manager approves.
            order.request_validation()
            self._approve(order, "sales_manager")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        return order


class TestPurchaseScenario(OperationsCase):
    def _scenario(self, product):
        stock = self.lyon.lot_stock_id
        before = self._qty(product, stock)
        order = self._purchase(product, 10, price=20.0)
        receipt = order.picking_ids
        self.assertEqual(receipt.location_dest_id, stock)
        # Partial receipt: 6 of 10, the rest in a backorder.
        backorder = self._process(receipt, self.user["wh_operator"], {product: 6})
        self.assertEqual(backorder.move_ids.product_uom_qty, 4)
        self.assertEqual(backorder.state, "assigned")
        self.assertEqual(self._qty(product, stock), before + 6)
        self.assertEqual(order.order_line.qty_received, 6)
        layers = self._layers(receipt.move_ids)
        self.assertAlmostEqual(layers.value, 120.0, places=2)
        self.assertEqual(layers.quantity, 6)
        self.assertLayersBooked(layers)
        # Second receipt.
        self.assertFalse(self._process(backorder, self.user["wh_operator"]))
        self.assertEqual(self._qty(product, stock), before + 10)
        self.assertEqual(order.order_line.qty_received, 10)
        self.assertAlmostEqual(self._layers(backorder.move_ids).value, 80.0, places=2)
        self.assertLayersBooked(self._layers(backorder.move_ids))
        # Vendor bill at 21 instead of 20: the price difference is kept on the bill.
        order.with_user(self.user["purchaser"]).action_create_invoice()
        bill = order.invoice_ids.with_user(self.user["finance"])
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.invoice_line_ids.quantity, 10)
        bill.invoice_line_ids.price_unit = 21.0
        bill.invoice_date = bill.date
        bill.action_post()
        self.assertAlmostEqual(bill.amount_untaxed, 210.0, places=2)
        self.assertEqual(order.invoice_status, "invoiced")
        self._pay(bill)
        self.assertStockMatchesAccounting()

    def test_purchase_partial_receipt_and_bill(self):
        # Receipts are valued at the order's price whatever the cost method:
        # the methods differ on what leaves (TestCostingScenario).
        self._scenario(self._product("average"))

    def test_return_to_supplier_with_credit_note(self):
        product = self._product("fifo")
        stock = self.lyon.lot_stock_id
        order = self._purchase(product, 8, price=15.0)
        self._process(order.picking_ids, self.user["wh_operator"])
        order.with_user(self.user["purchaser"]).action_create_invoice()
        bill = order.invoice_ids
        bill.invoice_date = bill.date
        bill.with_user(self.user["finance"]).action_post()
        after_receipt = self._qty(product, stock)
        expected = -self._fifo_cost(product, 3)
        # Three are damaged: back to the supplier.
        returned = self._return(order.picking_ids, self.user["wh_manager"], {product: 3})
        self.assertEqual(returned.location_dest_id.usage, "supplier")
        self._process(returned, self.user["wh_operator"])
        self.assertEqual(self._qty(product, stock), after_receipt - 3)
        self.assertEqual(order.order_line.qty_received, 5)
        layers = self._layers(returned.move_ids)
        self.assertEqual(layers.quantity, -3)
        self.assertAlmostEqual(layers.value, expected, places=2)
        self.assertLayersBooked(layers)
        # The vendor credit note comes from the order, for the returned quantity;
        # finance books it (a purchaser may not rewrite journal items).
        order.with_user(self.user["finance"]).action_create_invoice()
        refund = order.invoice_ids - bill
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(refund.invoice_line_ids.quantity, 3)
        refund.invoice_date = refund.date
        refund.with_user(self.user["finance"]).action_post()
        self.assertAlmostEqual(refund.amount_untaxed, 45.0, places=2)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertStockMatchesAccounting()


class TestSaleScenario(OperationsCase):
    def _scenario(self, product):
        stock = self.lyon.lot_stock_id
        self._process(self._purchase(product, 10).picking_ids, self.user["wh_operator"])
        before = self._qty(product, stock)
        order = self._sell(product, 5, discount=10)
        # Above the salesperson's 5 %: approved by the sales manager first.
        self.assertIn("excess_discount", order.unifyx_exception_type_ids.mapped("code"))
        self.assertEqual(order.review_ids.done_by, self.user["sales_manager"])
        delivery = order.picking_ids
        # Partial delivery: 3 of 5.
        backorder = self._process(delivery, self.user["wh_operator"], {product: 3})
        self.assertEqual(backorder.move_ids.product_uom_qty, 2)
        self.assertEqual(self._qty(product, stock), before - 3)
        self.assertEqual(order.order_line.qty_delivered, 3)
        out_layers = self._layers(delivery.move_ids)
        self.assertEqual(out_layers.quantity, -3)
        self.assertLess(out_layers.value, 0)
        self.assertLayersBooked(out_layers)
        self._process(backorder, self.user["wh_operator"])
        self.assertEqual(self._qty(product, stock), before - 5)
        self.assertEqual(order.order_line.qty_delivered, 5)
        self.assertLayersBooked(self._layers(backorder.move_ids))
        # Invoice what was delivered, then the customer pays.
        invoice = order.with_user(self.user["finance"])._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.invoice_line_ids.quantity, 5)
        self.assertEqual(invoice.invoice_line_ids.discount, 10)
        self.assertEqual(invoice.invoice_payment_term_id, order.payment_term_id)
        self.assertEqual(invoice.fiscal_position_id, order.fiscal_position_id)
        self.assertAlmostEqual(invoice.amount_total, order.amount_total, places=2)
        self._pay(invoice)
        self.assertEqual(order.invoice_status, "invoiced")
        # The customer returns 2: back in stock at their cost, then a credit note.
        returned = self._return(backorder, self.user["wh_manager"], {product: 2})
        self.assertEqual(returned.location_id.usage, "customer")
        self._process(returned, self.user["wh_operator"])
        self.assertEqual(self._qty(product, stock), before - 3)
        self.assertEqual(order.order_line.qty_delivered, 3)
        in_layers = self._layers(returned.move_ids)
        self.assertEqual(in_layers.quantity, 2)
        self.assertGreater(in_layers.value, 0)
        self.assertLayersBooked(in_layers)
        self.assertEqual(order.invoice_status, "to invoice")
        refund = order.with_user(self.user["finance"])._create_invoices(final=True)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.invoice_line_ids.quantity, 2)
        self.assertEqual(refund.invoice_line_ids.discount, 10)
        refund.action_post()
        # The credit note is refunded to the customer.
        self._pay(refund)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertStockMatchesAccounting()

    def test_sale_partial_delivery_invoice_and_return(self):
        self._scenario(self._product("fifo"))


class TestCostingScenario(OperationsCase):
    """AVCO and FIFO on the same receipts and deliveries give different
    figures: 10 received at 10.00, then 10 at 16.00; a sale of 12 leaves in
    two parts, 7 then 5. AVCO values both at the average (13.00); FIFO takes
    the oldest units first, so the second part crosses the two receipts."""

    def _new_product(self, cost_method):
        """A product without stock in the demo category valued by ``cost_method``."""
        template = self._product(cost_method)
        return self.env["product.product"].create(
            {
                "name": "Costing %s" % cost_method,
                "default_code": "COST-%s" % cost_method.upper(),
                "type": "consu",
                "is_storable": True,
                "categ_id": template.categ_id.id,
                "uom_id": self.unit.id,
                "uom_po_id": self.unit.id,
                "invoice_policy": "delivery",
                "list_price": 30.0,
                "standard_price": 10.0,
                "seller_ids": [
                    Command.create(
                        {"partner_id": template.seller_ids[:1].partner_id.id, "price": 10.0}
                    )
                ],
            }
        )

    def _scenario(self, cost_method, expected):
        product = self._new_product(cost_method)
        self.assertEqual(product.with_company(self.company).cost_method, cost_method)
        for price in (10.0, 16.0):
            receipt = self._purchase(product, 10, price=price).picking_ids
            self._process(receipt, self.user["wh_operator"])
        order = self._sell(product, 12)
        delivery = order.picking_ids
        backorder = self._process(delivery, self.user["wh_operator"], {product: 7})
        self._process(backorder, self.user["wh_operator"])
        first = self._layers(delivery.move_ids)
        second = self._layers(backorder.move_ids)
        self.assertEqual((first.quantity, second.quantity), (-7, -5))
        self.assertEqual(
            (round(first.value, 2), round(second.value, 2)),
            (expected["first"], expected["second"]),
        )
        self.assertLayersBooked(first | second)
        product = product.with_company(self.company)
        self.assertEqual(product.quantity_svl, 8)
        self.assertAlmostEqual(product.value_svl, expected["remaining"], places=2)
        self.assertAlmostEqual(product.standard_price, expected["cost"], places=2)
        self.assertStockMatchesAccounting()

    def test_costing_avco(self):
        # 7 and 5 at the average 260 / 20 = 13.00; 8 left at 13.00.
        self._scenario(
            "average", {"first": -91.0, "second": -65.0, "remaining": 104.0, "cost": 13.0}
        )

    def test_costing_fifo(self):
        # 7 at 10.00; then the last 3 at 10.00 and 2 at 16.00; 8 left at 16.00.
        self._scenario("fifo", {"first": -70.0, "second": -62.0, "remaining": 128.0, "cost": 16.0})


class TestTransferScenario(OperationsCase):
    def test_resupply_paris_from_lyon_through_transit(self):
        product = self._product("average")
        self._process(self._purchase(product, 6).picking_ids, self.user["wh_operator"])
        lyon_before = self._qty(product, self.lyon.lot_stock_id)
        paris_before = self._qty(product, self.paris.lot_stock_id)
        route = self.paris.resupply_route_ids
        self.assertEqual(len(route), 1)
        orderpoint = self._orderpoint(
            self.paris,
            product,
            {
                "product_min_qty": paris_before + 4,
                "product_max_qty": paris_before + 4,
                "route_id": route.id,
            },
        )
        orderpoint.action_replenish()
        moves = self.env["stock.move"].search(
            [("product_id", "=", product.id), ("orderpoint_id", "=", orderpoint.id)]
        ) | self.env["stock.move"].search(
            [
                ("product_id", "=", product.id),
                ("rule_id.route_id", "=", route.id),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        transit = self.env["stock.location"].search(
            [("usage", "=", "transit"), ("company_id", "=", self.company.id)]
        )
        out = moves.filtered(lambda m: m.location_id == self.lyon.lot_stock_id).picking_id
        self.assertEqual(out.location_dest_id, transit)
        self.assertEqual(out.move_ids.product_uom_qty, 4)
        self._process(out, self.user["wh_operator"])
        self.assertEqual(self._qty(product, self.lyon.lot_stock_id), lyon_before - 4)
        self.assertEqual(self._qty(product, transit), 4)
        receipt = out.move_ids.move_dest_ids.picking_id
        self.assertEqual(receipt.location_id, transit)
        self.assertEqual(receipt.location_dest_id, self.paris.lot_stock_id)
        self.assertEqual(receipt.state, "assigned")
        self._process(receipt, self.user["wh_operator"])
        self.assertEqual(self._qty(product, self.paris.lot_stock_id), paris_before + 4)
        self.assertEqual(self._qty(product, transit), 0)
        # Stock changes place, not value: no valuation layer, no entry.
        self.assertFalse(self._layers(out.move_ids | receipt.move_ids))
        self.assertStockMatchesAccounting()


class TestReplenishmentScenario(OperationsCase):
    def test_min_max_rule_triggers_a_purchase(self):
        product = self._product("fifo")
        stock = self.lyon.lot_stock_id
        on_hand = self._qty(product, stock)
        orderpoint = self._orderpoint(
            self.lyon,
            product,
            {"product_min_qty": on_hand + 5, "product_max_qty": on_hand + 20, "route_id": False},
        )
        # What the rule orders: up to the max, from the forecast (open moves count).
        to_order = orderpoint.qty_to_order
        self.assertAlmostEqual(to_order, orderpoint.product_max_qty - orderpoint.qty_forecast)
        self.assertGreaterEqual(to_order, 20)
        Line = self.env["purchase.order.line"]
        domain = [("product_id", "=", product.id), ("state", "=", "draft")]
        before = sum(Line.search(domain).mapped("product_qty"))
        self.env["procurement.group"].with_company(self.company).run_scheduler()
        line = Line.search(domain + [("orderpoint_id", "=", orderpoint.id)])
        self.assertEqual(len(line), 1)
        self.assertAlmostEqual(sum(Line.search(domain).mapped("product_qty")) - before, to_order)
        self.assertEqual(line.order_id.state, "draft")
        self.assertEqual(line.order_id.partner_id, product.seller_ids[:1].partner_id)
        self.assertFalse(orderpoint.qty_to_order)
        line.order_id.with_user(self.user["purchaser"]).button_confirm()
        self._process(line.order_id.picking_ids, self.user["wh_operator"])
        self.assertEqual(self._qty(product, stock), on_hand + line.product_qty)
        self.assertLayersBooked(self._layers(line.order_id.picking_ids.move_ids))
        self.assertStockMatchesAccounting()

    def test_make_to_order_sale_triggers_a_purchase(self):
        product = self._product("average")
        mto = self.env.ref("stock.route_warehouse0_mto")
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        product.route_ids = [Command.set((mto | buy).ids)]
        order = self._sell(product, 3, route_id=mto.id)
        line = self.env["purchase.order.line"].search(
            [
                ("product_id", "=", product.id),
                ("move_dest_ids", "in", order.picking_ids.move_ids.ids),
            ]
        )
        self.assertEqual(line.product_qty, 3)
        self.assertEqual(order.picking_ids.state, "waiting")
        line.order_id.with_user(self.user["purchaser"]).button_confirm()
        self._process(line.order_id.picking_ids, self.user["wh_operator"])
        self.assertEqual(order.picking_ids.state, "assigned")
        self._process(order.picking_ids, self.user["wh_operator"])
        self.assertEqual(order.order_line.qty_delivered, 3)
        self.assertStockMatchesAccounting()


class TestCycleCountScenario(OperationsCase):
    def test_count_one_location_with_differences(self):
        shelf = self.env["stock.location"].search([("barcode", "=", "LYO-A-01")])
        avco, fifo = self._product("average"), self._product("fifo")
        self._process(self._purchase(avco, 10).picking_ids, self.user["wh_operator"])
        self._process(self._purchase(fifo, 10).picking_ids, self.user["wh_operator"])
        moving = self._to_shelf(shelf, (avco, 10), (fifo, 10))
        moving.action_confirm()
        self._process(moving, self.user["wh_operator"])
        avco_on_shelf, fifo_on_shelf = self._qty(avco, shelf), self._qty(fifo, shelf)
        # The count: two fewer of the AVCO product, one more of the FIFO one.
        Quant = self.env["stock.quant"].with_user(self.user["wh_manager"])
        quants = Quant.with_context(inventory_mode=True).search(
            [("location_id", "=", shelf.id), ("product_id", "in", (avco | fifo).ids)]
        )
        self.assertEqual(len(quants), 2)
        for quant in quants:
            delta = -2 if quant.product_id == avco else 1
            quant.inventory_quantity = quant.quantity + delta
        self.assertEqual(sorted(quants.mapped("inventory_diff_quantity")), [-2, 1])
        quants.action_apply_inventory()
        self.assertEqual(self._qty(avco, shelf), avco_on_shelf - 2)
        self.assertEqual(self._qty(fifo, shelf), fifo_on_shelf + 1)
        moves = self.env["stock.move"].search(
            [("is_inventory", "=", True), ("product_id", "in", (avco | fifo).ids)],
            order="id desc",
            limit=2,
        )
        layers = self._layers(moves)
        self.assertEqual(len(layers), 2)
        avco_layer = layers.filtered(lambda layer: layer.product_id == avco)
        self.assertEqual(avco_layer.quantity, -2)
        self.assertAlmostEqual(
            avco_layer.value, -2 * avco.with_company(self.company).standard_price, places=2
        )
        self.assertEqual(layers.filtered(lambda layer: layer.product_id == fifo).quantity, 1)
        self.assertLayersBooked(layers)
        self.assertStockMatchesAccounting()


class TestTraceabilityScenario(OperationsCase):
    def test_lots_and_serials_through_receipt_transfer_delivery(self):
        lot_product = self._product("fifo", "lot") or self._product("average", "lot")
        serial_product = self._product("fifo", "serial") or self._product("average", "serial")
        self.assertTrue(lot_product and serial_product)
        shelf = self.env["stock.location"].search([("barcode", "=", "LYO-B-02")])
        order = (
            self.env["purchase.order"]
            .with_user(self.user["purchaser"])
            .create(
                {
                    "partner_id": lot_product.seller_ids[:1].partner_id.id,
                    "picking_type_id": self.lyon.in_type_id.id,
                    "order_line": [
                        Command.create({"product_id": lot_product.id, "product_qty": 10}),
                        Command.create({"product_id": serial_product.id, "product_qty": 2}),
                    ],
                }
            )
        )
        order.button_confirm()
        lots = {
            lot_product: [("OPS-LOT-A", 6), ("OPS-LOT-B", 4)],
            serial_product: [("OPS-SN-001", 1), ("OPS-SN-002", 1)],
        }
        self._process(order.picking_ids, self.user["wh_operator"], lots=lots)
        lot_a = self.env["stock.lot"].search([("name", "=", "OPS-LOT-A")])
        serial = self.env["stock.lot"].search([("name", "=", "OPS-SN-001")])
        self.assertEqual(lot_a.product_qty, 6)
        self.assertEqual(serial.product_qty, 1)
        # Transfer lot A and the first serial to a shelf.
        transfer = self._to_shelf(shelf, (lot_product, 6), (serial_product, 1))
        transfer.action_confirm()
        self._process(
            transfer,
            self.user["wh_operator"],
            lots={lot_product: [("OPS-LOT-A", 6)], serial_product: [("OPS-SN-001", 1)]},
        )
        quant = self.env["stock.quant"].search([("lot_id", "=", lot_a.id), ("quantity", ">", 0)])
        self.assertEqual(quant.location_id, shelf)
        # Deliver 4 of lot A and the serial to the customer from the shelf.
        sale = self._sale((lot_product, 4), (serial_product, 1))
        sale.action_confirm()
        delivery = sale.picking_ids
        for move in delivery.move_ids:
            move.move_line_ids.unlink()
            lot = lot_a if move.product_id == lot_product else serial
            self.env["stock.move.line"].create(
                {
                    "move_id": move.id,
                    "picking_id": delivery.id,
                    "product_id": move.product_id.id,
                    "product_uom_id": move.product_uom.id,
                    "location_id": shelf.id,
                    "location_dest_id": move.location_dest_id.id,
                    "lot_id": lot.id,
                    "quantity": move.product_uom_qty,
                }
            )
        self._process(delivery, self.user["wh_operator"])
        self.assertEqual(lot_a.product_qty, 2)
        self.assertEqual(serial.product_qty, 0)
        # Traceability: the lot's done move lines are receipt, transfer, delivery.
        for lot, qty in ((lot_a, 4), (serial, 1)):
            lines = self.env["stock.move.line"].search(
                [("lot_id", "=", lot.id), ("state", "=", "done")], order="id"
            )
            self.assertEqual(
                lines.picking_id.mapped("picking_type_id.code"),
                ["incoming", "internal", "outgoing"],
            )
            self.assertEqual(lines[-1].location_dest_id.usage, "customer")
            self.assertEqual(lines[-1].quantity, qty)
            self.assertEqual(lines[-1].picking_id.sale_id, sale)
        self.assertEqual(
            self.env["stock.move.line"]
            .search([("lot_id", "=", serial.id), ("state", "=", "done")])
            .picking_id[:1]
            .purchase_id,
            order,
        )
        self.assertLayersBooked(self._layers(delivery.move_ids))
        self.assertStockMatchesAccounting()


class TestBarcodeScenario(OperationsCase):
    """The warehouse through OCA stock_barcodes: barcode strings in, as a scanner
    sends them, into the scan wizard."""

    def _scan(self, wizard, barcode):
        wizard._barcode_scanned = barcode
        wizard._on_barcode_scanned()
        wizard.dummy_on_barcode_scanned()

    def _scan_wizard(self, picking, option_group=None):
        """The scan screen of the picking, with the options of its operation
        type unless told otherwise."""
        action = picking.with_user(self.user["wh_operator"]).action_barcode_scan(
            option_group=option_group and self.env.ref(option_group)
        )
        return (
            self.env[action["res_model"]]
            .with_user(self.user["wh_operator"])
            .browse(action["res_id"])
        )

    def test_receipt_by_scanning_then_wrong_barcode(self):
        product = self._product("fifo")
        stock = self.lyon.lot_stock_id
        before = self._qty(product, stock)
        order = self._purchase(product, 3, price=12.0)
        receipt = order.picking_ids
        wizard = self._scan_wizard(receipt)
        self.assertEqual(
            wizard.option_group_id,
            self.env.ref("unifyx_demo.barcode_option_group_receipt_demo"),
        )
        self.assertEqual(wizard._name, "wiz.stock.barcodes.read.picking")
        for _i in range(3):
            self._scan(wizard, product.barcode)
            self.assertNotIn(wizard.message_type, ("not_found", "more_match"), wizard.message)
        self.assertEqual(sum(receipt.move_line_ids.mapped("qty_picked")), 3)
        # A barcode nobody knows: refused, nothing picked.
        self._scan(wizard, "3760000000000")
        self.assertEqual(wizard.message_type, "not_found")
        self.assertEqual(sum(receipt.move_line_ids.mapped("qty_picked")), 3)
        wizard.action_validate_picking()
        self.assertEqual(receipt.state, "done")
        self.assertEqual(self._qty(product, stock), before + 3)
        self.assertEqual(order.order_line.qty_received, 3)
        self.assertLayersBooked(self._layers(receipt.move_ids))
        self.assertStockMatchesAccounting()

    def test_delivery_by_scanning_location_product_and_lot(self):
        product = self._product("fifo", "lot") or self._product("average", "lot")
        shelf = self.env["stock.location"].search([("barcode", "=", "LYO-A-02")])
        self.env["stock.quant"].with_context(inventory_mode=True).create(
            {
                "product_id": product.id,
                "location_id": shelf.id,
                "lot_id": self.env["stock.lot"]
                .create({"name": "OPS-SCAN-LOT", "product_id": product.id})
                .id,
                "inventory_quantity": 5,
            }
        ).action_apply_inventory()
        order = self._sell(product, 2)
        delivery = self.env["stock.picking"].browse(order.picking_ids.id)
        self.assertEqual(delivery.move_line_ids.location_id, shelf)
        wizard = self._scan_wizard(delivery)
        self.assertEqual(
            wizard.option_group_id,
            self.env.ref("unifyx_demo.barcode_option_group_picking_demo"),
        )
        self._scan(wizard, product.barcode)
        self.assertEqual(wizard.product_id, product)
        # A lot that does not exist: refused.
        self._scan(wizard, "NO-SUCH-LOT-42")
        self.assertEqual(wizard.message_type, "not_found")
        self.assertFalse(self.env["stock.lot"].search([("name", "=", "NO-SUCH-LOT-42")]))
        self._scan(wizard, "OPS-SCAN-LOT")
        self._scan(wizard, "OPS-SCAN-LOT")
        picked = delivery.move_line_ids.filtered("qty_picked")
        self.assertEqual(sum(picked.mapped("qty_picked")), 2)
        self.assertEqual(picked.lot_id.name, "OPS-SCAN-LOT")
        wizard.action_validate_picking()
        self.assertEqual(delivery.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 2)
        self.assertEqual(self._qty(product, shelf), 3)
        self.assertStockMatchesAccounting()

    def test_count_by_scanning(self):
        product = self._product("average")
        shelf = self.env["stock.location"].search([("barcode", "=", "LYO-B-01")])
        wizard = (
            self.env["wiz.stock.barcodes.read.inventory"]
            .with_user(self.user["wh_manager"])
            .create(
                {
                    "option_group_id": self.env.ref(
                        "stock_barcodes.stock_barcodes_option_group_inventory"
                    ).id,
                    "step": 1,
                }
            )
        )
        self._scan(wizard, "LYO-B-01")
        self.assertEqual(wizard.location_id, shelf)
        for _i in range(4):
            self._scan(wizard, product.barcode)
        self._scan(wizard, "0000000000017")
        self.assertEqual(wizard.message_type, "not_found")
        quant = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", shelf.id)]
        )
        self.assertEqual(quant.inventory_quantity, 4)
        on_shelf = quant.quantity
        quant.with_user(self.user["wh_manager"]).action_apply_inventory()
        self.assertEqual(self._qty(product, shelf), 4)
        move = self.env["stock.move"].search(
            [("is_inventory", "=", True), ("product_id", "=", product.id)],
            order="id desc",
            limit=1,
        )
        self.assertEqual(move.quantity, abs(4 - on_shelf))
        self.assertLayersBooked(self._layers(move))
        self.assertStockMatchesAccounting()

    def test_internal_transfer_by_scanning_shelves_product_and_lot(self):
        """Shelf to shelf in Lyon: source shelf, product, lot, destination shelf,
        as the scanner sends them; a wrong barcode and an unknown lot refused."""
        product = self._product("average", "lot") or self._product("fifo", "lot")
        source = self.env["stock.location"].search([("barcode", "=", "LYO-A-01")])
        destination = self.env["stock.location"].search([("barcode", "=", "LYO-B-02")])
        lot = self.env["stock.lot"].create({"name": "OPS-INT-LOT", "product_id": product.id})
        self.env["stock.quant"].with_context(inventory_mode=True).create(
            {
                "product_id": product.id,
                "location_id": source.id,
                "lot_id": lot.id,
                "inventory_quantity": 5,
            }
        ).action_apply_inventory()
        value_before = sum(
            self.env["stock.valuation.layer"]
            .search([("product_id", "=", product.id), ("company_id", "=", self.company.id)])
            .mapped("value")
        )
        internal_type = self.lyon.int_type_id
        self.assertTrue(internal_type.active)
        stock = self.lyon.lot_stock_id
        transfer = (
            self.env["stock.picking"]
            .with_user(self.user["wh_operator"])
            .create(
                {
                    "picking_type_id": internal_type.id,
                    "location_id": source.id,
                    "location_dest_id": stock.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": 3,
                                "product_uom": product.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": stock.id,
                            }
                        )
                    ],
                }
            )
        )
        transfer.action_confirm()
        transfer.action_assign()
        wizard = self._scan_wizard(transfer)
        self.assertEqual(
            wizard.option_group_id,
            self.env.ref("unifyx_demo.barcode_option_group_internal_demo"),
        )
        self._scan(wizard, "LYO-A-01")
        self.assertEqual(wizard.location_id, source)
        self._scan(wizard, product.barcode)
        self.assertEqual(wizard.product_id, product)
        # A barcode nobody knows, then a lot that does not exist: both refused.
        self._scan(wizard, "3760000000000")
        self.assertEqual(wizard.message_type, "not_found")
        self._scan(wizard, "NO-SUCH-LOT-43")
        self.assertEqual(wizard.message_type, "not_found")
        self.assertFalse(wizard.lot_id)
        self.assertFalse(self.env["stock.lot"].search([("name", "=", "NO-SUCH-LOT-43")]))
        self._scan(wizard, "OPS-INT-LOT")
        self.assertEqual(wizard.lot_id, lot)
        self._scan(wizard, "LYO-B-02")
        self.assertEqual(wizard.location_dest_id, destination)
        # The shelves stay on screen: two more units are product then lot.
        for _i in range(2):
            self._scan(wizard, product.barcode)
            self._scan(wizard, "OPS-INT-LOT")
        line = transfer.move_line_ids
        self.assertEqual(
            (line.location_id, line.location_dest_id, line.lot_id, line.qty_picked),
            (source, destination, lot, 3),
        )
        wizard.action_validate_picking()
        self.assertEqual(transfer.state, "done")
        self.assertEqual(self._qty(product, source), 2)
        self.assertEqual(self._qty(product, destination), 3)
        # Stock changes shelf, not value.
        self.assertFalse(self._layers(self.env["stock.picking"].browse(transfer.id).move_ids))
        value_after = sum(
            self.env["stock.valuation.layer"]
            .search([("product_id", "=", product.id), ("company_id", "=", self.company.id)])
            .mapped("value")
        )
        self.assertAlmostEqual(value_after, value_before, places=2)
        self.assertStockMatchesAccounting()

    def test_demo_operation_types_have_barcode_options(self):
        """The barcode menu lists the operation types that have scanning
        options: every receipt, delivery and internal type of the three demo
        warehouses has them, and the count screen scans the shelf first."""
        receipt = self.env.ref("unifyx_demo.barcode_option_group_receipt_demo")
        self.assertEqual(receipt.code, "IN")
        self.assertFalse(receipt.auto_put_in_pack)
        picking = self.env.ref("unifyx_demo.barcode_option_group_picking_demo")
        internal = self.env.ref("unifyx_demo.barcode_option_group_internal_demo")
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)])
        self.assertEqual(len(warehouses), 3)
        for warehouse in warehouses:
            self.assertEqual(warehouse.in_type_id.barcode_option_group_id, receipt)
            self.assertEqual(warehouse.out_type_id.barcode_option_group_id, picking)
            self.assertEqual(warehouse.int_type_id.barcode_option_group_id, internal)
            self.assertEqual(warehouse.int_type_id.new_picking_barcode_option_group_id, internal)
            self.assertTrue(warehouse.int_type_id.active)
        for code in ("incoming", "outgoing", "internal"):
            listed = (
                self.env["stock.picking.type"]
                .with_user(self.user["wh_operator"])
                .search(
                    [
                        ("code", "=", code),
                        ("barcode_option_group_id", "!=", False),
                        ("company_id", "=", self.company.id),
                    ]
                )
            )
            self.assertGreaterEqual(len(listed.warehouse_id), 3, code)

        def scanned(group):
            return set(group.option_ids.filtered("to_scan").mapped("field_name"))

        self.assertLessEqual({"product_id", "lot_id"}, scanned(receipt))
        self.assertLessEqual({"location_id", "product_id", "lot_id"}, scanned(picking))
        self.assertLessEqual(
            {"location_id", "product_id", "lot_id", "location_dest_id"}, scanned(internal)
        )
        inventory = self.env.ref("stock_barcodes.stock_barcodes_option_group_inventory")
        self.assertLessEqual({"location_id", "product_id", "lot_id"}, scanned(inventory))


class TestCycleCountPlan(OperationsCase):
    def test_demo_locations_are_counted_on_a_cycle(self):
        today = fields.Date.today()
        shelves = self.env["stock.location"].search(
            [
                ("company_id", "=", self.company.id),
                "|",
                ("barcode", "like", "-A-"),
                ("barcode", "like", "-B-"),
            ]
        )
        self.assertEqual(len(shelves), 12)
        for shelf in shelves:
            self.assertEqual(shelf.cyclic_inventory_frequency, 30 if "-A-" in shelf.barcode else 90)
            self.assertTrue(shelf.next_inventory_date)
            self.assertLessEqual(
                shelf.next_inventory_date,
                today + timedelta(days=shelf.cyclic_inventory_frequency),
            )
        for warehouse in (self.lyon, self.paris):
            self.assertEqual(warehouse.lot_stock_id.cyclic_inventory_frequency, 180)
        # The warehouse manager's count plan: the quants due in the next month.
        shelf = shelves.filtered(lambda s: s.barcode == "LYO-A-01")
        product = self._product("average")
        self._process(self._purchase(product, 5).picking_ids, self.user["wh_operator"])
        Quant = self.env["stock.quant"].with_user(self.user["wh_manager"])
        quant = Quant.with_context(inventory_mode=True).create(
            {"product_id": product.id, "location_id": shelf.id, "inventory_quantity": 2}
        )
        self.assertLessEqual(quant.inventory_date, shelf.next_inventory_date)
        plan = Quant.search(
            [
                ("location_id", "=", shelf.id),
                ("inventory_date", "<=", today + timedelta(days=30)),
            ]
        )
        self.assertIn(quant, plan)
        # Counting the shelf moves it to its next cycle.
        quant.action_apply_inventory()
        self.assertEqual(shelf.last_inventory_date, today)
        self.assertEqual(shelf.next_inventory_date, today + timedelta(days=30))
        self.assertEqual(quant.inventory_date, today + timedelta(days=30))
        self.assertEqual(self._qty(product, shelf), 2)
        self.assertStockMatchesAccounting()


class TestCallForTenders(OperationsCase):
    def test_three_vendors_compared_best_confirmed_others_cancelled(self):
        avco, fifo = self._product("average"), self._product("fifo")
        vendors = self.env["res.partner"].search(
            [("supplier_rank", ">", 0), ("company_id", "in", (False, self.company.id))],
            order="id",
            limit=3,
        )
        self.assertEqual(len(vendors), 3)
        Order = self.env["purchase.order"].with_user(self.user["purchaser"])
        first = Order.create(
            {
                "partner_id": vendors[0].id,
                "picking_type_id": self.lyon.in_type_id.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_qty": 20}) for p in (avco, fifo)
                ],
            }
        )
        # Two alternatives for the same need, products copied.
        for vendor in vendors[1:]:
            self.env["purchase.requisition.create.alternative"].with_user(
                self.user["purchaser"]
            ).create(
                {"origin_po_id": first.id, "partner_id": vendor.id, "copy_products": True}
            ).action_create_alternative()
        tender = first | first.alternative_po_ids
        self.assertEqual(len(tender), 3)
        self.assertEqual(tender.partner_id, vendors)
        self.assertEqual(len(tender.order_line), 6)
        # The vendors' answers: the second one is the cheapest on both lines.
        prices = {vendors[0]: (10.0, 12.0), vendors[1]: (9.0, 11.0), vendors[2]: (9.5, 13.0)}
        for order in tender:
            for line in order.order_line:
                line.price_unit = prices[order.partner_id][0 if line.product_id == avco else 1]
        best = tender.filtered(lambda o: o.partner_id == vendors[1])
        # Compared line by line: the comparison lists the six lines.
        action = first.action_compare_alternative_lines()
        self.assertEqual(
            self.env["purchase.order.line"].search(action["domain"]), tender.order_line
        )
        best_price_ids, _dates, best_unit_ids = first.get_tender_best_lines()
        self.assertEqual(set(best_price_ids), set(best.order_line.ids))
        self.assertEqual(set(best_unit_ids), set(best.order_line.ids))
        # Confirming the best asks what to do with the others: cancel them.
        result = best.button_confirm()
        self.assertEqual(result["res_model"], "purchase.requisition.alternative.warning")
        Form(
            self.env[result["res_model"]]
            .with_user(self.user["purchaser"])
            .with_context(**result["context"])
        ).save().action_cancel_alternatives()
        self.assertEqual(best.state, "purchase")
        self.assertEqual((tender - best).mapped("state"), ["cancel", "cancel"])
        self.assertAlmostEqual(best.amount_untaxed, 20 * 9.0 + 20 * 11.0, places=2)
        self._process(best.picking_ids, self.user["wh_operator"])
        self.assertLayersBooked(self._layers(best.picking_ids.move_ids))
        self.assertStockMatchesAccounting()
