# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import float_is_zero

from ..tools.margin import allocate_proportionally, fifo_unit_cost


class StockValuationLayer(models.Model):
    """What the valuation layers say a sale line's goods cost: the layers of
    its deliveries and returns, and the share of the landed costs and vendor
    price differences booked after the goods had left."""

    _inherit = "stock.valuation.layer"

    @api.model
    def _unifyx_fifo_layers(self, products, companies):
        """{(product id, company id): [(remaining qty, remaining value)]} oldest
        first, read in one query for all the storable products given."""
        products = products.filtered("is_storable")
        if not products:
            return {}
        layers = defaultdict(list)
        for row in self.sudo().search_read(
            [
                ("product_id", "in", products.ids),
                ("company_id", "in", companies.ids),
                ("remaining_qty", ">", 0),
            ],
            ["product_id", "company_id", "remaining_qty", "remaining_value"],
            order="create_date, id",
        ):
            key = (row["product_id"][0], row["company_id"][0])
            layers[key].append((row["remaining_qty"], row["remaining_value"]))
        return layers

    @api.model
    def _unifyx_unit_costs_now(self, lines):
        """{sale line: cost now of one unit of the line's UoM, company currency}:
        average or standard cost, or (FIFO) the cost of the layers a delivery
        of the line would consume now."""
        result = {}
        fifo_layers = self._unifyx_fifo_layers(lines.product_id, lines.company_id)
        for line in lines:
            product = line.product_id.with_company(line.company_id)
            if not product or product.type == "combo":
                # A combo (kit) line is priced and costed by its item lines.
                result[line] = 0.0
                continue
            unit_cost = product.standard_price
            if product.cost_method == "fifo" and product.is_storable:
                qty = line.product_uom._compute_quantity(
                    line.product_uom_qty, product.uom_id, raise_if_failure=False
                )
                layers = fifo_layers.get((product.id, line.company_id.id), [])
                unit_cost = fifo_unit_cost(layers, qty, unit_cost)
            result[line] = product.uom_id._compute_price(
                unit_cost, line.product_uom or product.uom_id
            )
        return result

    @api.model
    def _unifyx_sale_line_costs(self, lines):
        """{line: {"delivered", "returned", "landed", "price_diff"}} for sale lines
        with done moves, in the company currency, from one read of every layer of
        every move of the batch."""
        done_of = {line: line.move_ids.filtered(lambda m: m.state == "done") for line in lines}
        moves = self.env["stock.move"].concat(*done_of.values())
        if not moves:
            return {}
        move_values = defaultdict(float)
        out_layer_ids = []
        # A set, not a recordset: each line's moves are matched against it.
        out_move_ids = set(moves.filtered(lambda m: m.location_dest_id.usage == "customer").ids)
        for row in self.sudo().search_read(
            [("stock_move_id", "in", moves.ids)], ["stock_move_id", "value", "quantity"]
        ):
            move_id = row["stock_move_id"][0]
            move_values[move_id] += row["value"]
            if move_id in out_move_ids and row["quantity"] < 0:
                out_layer_ids.append(row["id"])
        adjustments = self._unifyx_adjustments_after_delivery(out_layer_ids)
        landed = adjustments["landed"]
        result = {}
        for line, done in done_of.items():
            if not done:
                continue
            outs = done.filtered(lambda m: m.id in out_move_ids)
            returns = done - outs
            # Returned units bring back their delivery's share of late landed costs.
            landed_cost = 0.0
            for out in outs:
                if not landed.get(out.id) or not out.product_qty:
                    continue
                back = sum(
                    returns.filtered(lambda r, o=out: r.origin_returned_move_id == o).mapped(
                        "product_qty"
                    )
                )
                landed_cost += landed[out.id] * max(1 - back / out.product_qty, 0.0)
            currency = line.company_id.currency_id
            result[line] = {
                "delivered": -sum(move_values[m.id] for m in outs),
                "returned": sum(move_values[m.id] for m in returns),
                "landed": currency.round(landed_cost),
                "price_diff": currency.round(
                    sum(adjustments["price_diff"].get(m.id, 0.0) for m in outs)
                ),
            }
        return result

    @api.model
    def _unifyx_adjustments_after_delivery(self, out_layer_ids):
        """{"landed" | "price_diff": {outgoing move id: amount}}: landed costs and
        vendor bill price differences booked on a receipt after part of its goods
        had been delivered.

        Odoo books the share of goods already out straight to the accounts, with
        no layer: each such adjustment is spread over the deliveries of the
        product made between the receipt and the adjustment, in proportion to
        their quantities (exact when one receipt fed them). The landed cost and
        the vendor bill line each say what they adjust."""
        result = {"landed": defaultdict(float), "price_diff": defaultdict(float)}
        if not out_layer_ids:
            return result
        Layer = self.sudo()
        products = Layer.browse(out_layer_ids).product_id
        adjustments = self.env["stock.landed.cost"]._unifyx_adjustments(products) + self.env[
            "account.move.line"
        ]._unifyx_price_adjustments(products)
        for adj in adjustments:
            if float_is_zero(adj["per_unit"], precision_digits=6) or float_is_zero(
                adj["out_amount"], precision_digits=6
            ):
                continue
            qty_out = adj["out_amount"] / adj["per_unit"]
            window = Layer.search(
                [
                    ("product_id", "=", adj["product_id"]),
                    ("company_id", "=", adj["company_id"]),
                    ("id", ">", adj["first_layer_id"]),
                    ("id", "<=", adj["last_layer_id"]),
                    ("quantity", "<", 0),
                    ("stock_move_id.location_dest_id.usage", "=", "customer"),
                ]
            )
            window_qty = -sum(window.mapped("quantity"))
            if not window_qty:
                continue
            share = allocate_proportionally(
                adj["per_unit"] * min(qty_out, window_qty),
                {layer.stock_move_id.id: -layer.quantity for layer in window},
            )
            for move_id, amount in share.items():
                result[adj["kind"]][move_id] += amount
        return result

    @api.model
    def _unifyx_last_layer(self, company=None):
        """The newest valuation layer (of ``company`` when given)."""
        domain = [("company_id", "=", company.id)] if company else []
        return self.sudo().search(domain, order="id desc", limit=1)
