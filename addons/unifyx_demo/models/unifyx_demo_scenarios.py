# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""What the go-live scenarios exercise, once each in the demo history: a call
for tenders, a resupply through transit, a return to a supplier with its
credit note, lots and serials received and delivered
(data/demo_scenarios.json)."""

from odoo import Command, fields, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    def _demo_scenarios(self, company, warehouses, vendors, customers):
        data = self._demo_data("scenarios")
        hub = warehouses[0]
        on_hand = self._demo_on_hand(hub)
        untracked = self.env["product.product"].concat(
            *(
                p
                for p, qty in on_hand.items()
                if p.tracking == "none" and qty >= data["min_on_hand"]
            )
        )
        self._demo_scenario_tender(company, hub, untracked[0], vendors, data["tender"])
        self._demo_scenario_resupply(company, warehouses[1], untracked[2:3], data["resupply"])
        self._demo_scenario_supplier_return(company, hub, untracked, data["supplier_return_qty"])
        self._demo_scenario_tracked_sale(hub, on_hand, customers[0], data["tracked_sale_qty"])

    def _demo_on_hand(self, warehouse):
        """On-hand quantity per stocked (not make-to-order) product in ``warehouse``."""
        mto = self.env.ref("stock.route_warehouse0_mto")
        on_hand = {}
        for quant in self.env["stock.quant"].search(
            [("location_id", "child_of", warehouse.lot_stock_id.id), ("quantity", ">", 0)],
            order="product_id, id",
        ):
            if mto in quant.product_id.route_ids:
                continue
            on_hand[quant.product_id] = on_hand.get(quant.product_id, 0) + quant.quantity
        return on_hand

    def _demo_scenario_tender(self, company, warehouse, product, vendors, data):
        """A call for tenders: the product's two catalogue vendors and a third one
        quote for the same need; the cheapest catalogue vendor is confirmed (so
        no vendor price is added to the catalogue), the others cancelled."""
        purchaser = self.env.ref("unifyx_demo.user_purchaser_demo")
        sellers = product.seller_ids.partner_id
        outsider = vendors.filtered(lambda v: v not in sellers)[:1]
        first = self.env["purchase.order"].create(
            {
                "partner_id": sellers[0].id,
                "company_id": company.id,
                "user_id": purchaser.id,
                "picking_type_id": warehouse.in_type_id.id,
                "origin": data["origin"],
                "order_line": [
                    Command.create({"product_id": product.id, "product_qty": data["qty"]})
                ],
            }
        )
        for vendor in sellers[1:2] | outsider:
            self.env["purchase.requisition.create.alternative"].create(
                {"origin_po_id": first.id, "partner_id": vendor.id, "copy_products": True}
            ).action_create_alternative()
        tender = first | first.alternative_po_ids
        tender.filtered(lambda o: o.partner_id == outsider).order_line.price_unit = round(
            max(product.seller_ids.mapped("price")) * data["outsider_price_factor"], 2
        )
        best = tender.sorted(lambda o: (o.amount_untaxed, o.id))[0]
        result = best.button_confirm()
        if isinstance(result, dict) and result.get("res_model"):
            self.env[result["res_model"]].with_context(**result["context"]).create(
                {}
            ).action_cancel_alternatives()
        self._demo_receive(best.picking_ids)

    def _demo_scenario_resupply(self, company, warehouse, product, data):
        """``warehouse`` resupplied from the hub through transit, by its route."""
        group = self.env["procurement.group"].create({"name": data["name"]})
        Procurement = self.env["procurement.group"].Procurement
        self.env["procurement.group"].run(
            [
                Procurement(
                    product,
                    data["qty"],
                    product.uom_id,
                    warehouse.lot_stock_id,
                    group.name,
                    group.name,
                    company,
                    {
                        "warehouse_id": warehouse,
                        "route_ids": warehouse.resupply_route_ids[:1],
                        "group_id": group,
                    },
                )
            ]
        )
        transfers = self.env["stock.picking"].search([("group_id", "=", group.id)])
        self._demo_receive(transfers.filtered(lambda p: p.picking_type_code == "outgoing"))
        self._demo_receive(transfers.filtered(lambda p: p.picking_type_code == "incoming"))

    def _demo_scenario_supplier_return(self, company, warehouse, untracked, quantity):
        """A return to a supplier of part of a billed receipt, credited by the vendor."""
        order = self.env["purchase.order"].search(
            [
                ("company_id", "=", company.id),
                ("invoice_status", "=", "invoiced"),
                ("picking_type_id", "=", warehouse.in_type_id.id),
                ("order_line.product_id", "in", untracked.ids),
            ],
            order="id",
            limit=1,
        )
        receipt = order.picking_ids.filtered(lambda p: p.state == "done")[:1]
        returned_product = (order.order_line.product_id & untracked)[:1]
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=receipt.id, active_model="stock.picking")
            .create({})
        )
        for line in wizard.product_return_moves:
            line.quantity = quantity if line.product_id == returned_product else 0
        action = wizard.action_create_returns()
        self._demo_receive(self.env["stock.picking"].browse(action["res_id"]))
        order.action_create_invoice()
        refund = order.invoice_ids.filtered(lambda m: m.move_type == "in_refund")
        refund.invoice_date = fields.Date.context_today(self)
        refund.action_post()

    def _demo_scenario_tracked_sale(self, warehouse, on_hand, customer, quantity):
        """Lots and serials out of the hub: the delivery takes the lots received."""
        products = self.env["product.product"]
        for tracking in ("lot", "serial"):
            products |= next(
                p for p, qty in on_hand.items() if p.tracking == tracking and qty >= quantity
            )
        sale = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": customer.company_id.id or warehouse.company_id.id,
                "user_id": customer.user_id.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": quantity})
                    for product in products
                ],
            }
        )
        sale.action_confirm()
        self._demo_receive(sale.picking_ids)
        sale._create_invoices().action_post()
