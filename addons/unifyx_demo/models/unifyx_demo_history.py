# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""History of the demo distributor: three months of purchases, receipts and
vendor bills, two months of sales, deliveries, invoices and payments, a
customer return and a cycle count (quantities in data/demo_history.json)."""

from datetime import timedelta

from odoo import Command, fields, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    def _demo_history(self, company, warehouses, products, vendors, customers):
        data = self._demo_data("history")
        self._demo_history_purchases(company, warehouses, products, vendors, data["purchase"])
        delivered = self._demo_history_sales(company, warehouses, customers, data["sale"])
        self._demo_history_customer_return(delivered, data["return_qty"])
        self._demo_history_count(warehouses[0], data["count"])

    def _demo_history_purchases(self, company, warehouses, products, vendors, data):
        """Purchases stock every warehouse, the last ones received in two parts."""
        purchaser = self.env.ref("unifyx_demo.user_purchaser_demo")
        mto = self.env.ref("stock.route_warehouse0_mto")
        stocked = products.filtered(lambda p: mto not in p.route_ids)
        orders = self.env["purchase.order"]
        for index, vendor in enumerate(vendors):
            warehouse = warehouses[index % len(warehouses)]
            lines = stocked.filtered(lambda p, v=vendor: v in p.seller_ids.partner_id)
            lines = lines[: data["lines_per_order"]]
            if not lines:
                continue
            days = data["days_back"] - index * data["days_step"]
            orders |= orders.create(
                {
                    "partner_id": vendor.id,
                    "company_id": company.id,
                    "user_id": purchaser.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "date_order": fields.Datetime.now() - timedelta(days=days),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": data["qty"]
                                if product.tracking != "serial"
                                else data["serial_qty"],
                            }
                        )
                        for product in lines
                    ],
                }
            )
        order_dates = {order: order.date_order for order in orders}
        orders.button_confirm()
        for order, date_order in order_dates.items():
            order.write({"date_order": date_order, "date_approve": date_order})
        partial = orders[-data["partial_orders"] :]
        for order in orders:
            self._demo_receive(
                order.picking_ids, ratio=data["partial_ratio"] if order in partial else 1
            )
        # Vendor bills for the fully received orders; one bill at a higher price.
        for order in (orders - partial)[: data["billed_orders"]]:
            order.action_create_invoice()
            bill = order.invoice_ids
            bill.invoice_date = order.date_order.date() + timedelta(days=data["bill_delay_days"])
            if order == orders[0]:
                bill.invoice_line_ids[:1].price_unit *= data["bill_price_increase"]
            bill.action_post()
        # The second half of the partial receipts arrives later: the backorder.
        self._demo_receive(partial[:1].picking_ids.filtered(lambda p: p.state != "done"))

    def _demo_history_sales(self, company, warehouses, customers, data):
        """Two months of orders over the warehouses, delivered (some in two
        parts), invoiced and half paid. Returns the delivered orders."""
        in_stock = self.env["stock.quant"]._read_group(
            [
                ("location_id.usage", "=", "internal"),
                ("company_id", "=", company.id),
                ("quantity", ">", 0),
            ],
            ["product_id", "warehouse_id"],
        )
        by_warehouse = {}
        for product, warehouse in in_stock:
            if product.tracking == "none":
                by_warehouse.setdefault(warehouse, self.env["product.product"])
                by_warehouse[warehouse] |= product
        per_order = data["lines_per_order"]
        sales = self.env["sale.order"]
        for index in range(data["orders"]):
            warehouse = warehouses[index % len(warehouses)]
            available = by_warehouse.get(warehouse)
            if not available:
                continue
            customer = customers[(index * 7) % len(customers)]
            start = (index * per_order) % len(available)
            chosen = available[start:][:per_order] or available[:per_order]
            date_order = fields.Datetime.now() - timedelta(
                days=data["days_back"] - index * data["days_step"]
            )
            sales |= sales.create(
                {
                    "partner_id": customer.id,
                    "company_id": company.id,
                    "user_id": customer.user_id.id,
                    "warehouse_id": warehouse.id,
                    "date_order": date_order,
                    "commitment_date": date_order + timedelta(days=data["commitment_days"]),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": data["base_qty"] + (index % per_order),
                                "discount": data["discount"]
                                if index % data["discount_every"] == 0
                                else 0,
                            }
                        )
                        for product in chosen
                    ],
                }
            )
        order_dates = {order: order.date_order for order in sales}
        sales.action_confirm()
        # Confirmation stamps today's date: give the history back its own dates.
        for order, date_order in order_dates.items():
            order.date_order = date_order
        delivered = sales[: data["delivered"]]
        in_two_parts = delivered[:: data["partial_every"]]
        for order in delivered:
            # Some orders leave in two parts: a backorder stays open.
            self._demo_receive(
                order.picking_ids, ratio=data["partial_ratio"] if order in in_two_parts else 1
            )
        invoices = delivered[: data["invoiced"]]._create_invoices()
        invoices.action_post()
        for invoice in invoices[:: data["paid_every"]]:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()
        return delivered

    def _demo_history_customer_return(self, delivered, quantity):
        """A customer return, refunded by a credit note."""
        returned = delivered.filtered(lambda o: o.invoice_status == "invoiced")[:1]
        picking = returned.picking_ids.filtered(lambda p: p.state == "done")[:1]
        if not picking:
            return
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.write({"quantity": quantity})
        action = wizard.action_create_returns()
        self._demo_receive(self.env["stock.picking"].browse(action["res_id"]))
        returned._create_invoices(final=True).action_post()

    def _demo_history_count(self, warehouse, data):
        """A cycle count of one shelf of the hub, with differences."""
        quants = self.env["stock.quant"].search(
            [
                ("location_id", "=", warehouse.lot_stock_id.id),
                ("product_id.tracking", "=", "none"),
                ("quantity", ">", data["min_qty"]),
            ],
            limit=data["quants"],
        )
        for offset, quant in enumerate(quants):
            quant.inventory_quantity = quant.quantity + (-1 if offset % 2 else 0)
        quants.action_apply_inventory()
