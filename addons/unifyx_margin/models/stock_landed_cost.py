# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models


class StockLandedCost(models.Model):
    _inherit = "stock.landed.cost"

    unifyx_validated_layer_id = fields.Many2one(
        "stock.valuation.layer",
        string="Last Layer at Validation",
        readonly=True,
        copy=False,
        help="The newest valuation layer when the landed cost was validated: deliveries "
        "up to it had left stock before the landed cost and take their share of it "
        "in their real margin.",
    )

    def button_validate(self):
        res = super().button_validate()
        Layer = self.env["stock.valuation.layer"]
        for cost in self.filtered(lambda c: c.state == "done"):
            cost.unifyx_validated_layer_id = Layer._unifyx_last_layer(cost.company_id)
        self._unifyx_affected_sale_lines()._unifyx_recompute_real_margin()
        return res

    def _unifyx_affected_sale_lines(self):
        """Sale lines delivered from stock of the landed products since their receipt."""
        lines = self.env["sale.order.line"]
        for cost in self:
            adjusted = cost.valuation_adjustment_lines.move_id
            if not adjusted:
                continue
            lines |= (
                self.env["stock.move"]
                .sudo()
                .search(
                    [
                        ("product_id", "in", adjusted.product_id.ids),
                        ("company_id", "=", cost.company_id.id),
                        ("state", "=", "done"),
                        ("sale_line_id", "!=", False),
                        ("id", ">", min(adjusted.ids)),
                    ]
                )
                .sale_line_id
            )
        return lines

    @api.model
    def _unifyx_adjustments(self, products):
        """What validated landed costs on receipts of these products add to the
        goods those receipts had already delivered: one dict per adjusted
        receipt move (see stock.valuation.layer._unifyx_adjustments_after_delivery)."""
        adjustments = (
            self.env["stock.valuation.adjustment.lines"]
            .sudo()
            .search(
                [
                    ("cost_id.state", "=", "done"),
                    ("cost_id.unifyx_validated_layer_id", "!=", False),
                    ("product_id", "in", products.ids),
                    ("move_id", "!=", False),
                ]
            )
        )
        booked = defaultdict(float)
        for layer in adjustments.cost_id.stock_valuation_layer_ids:
            booked[
                (layer.stock_landed_cost_id.id, layer.stock_valuation_layer_id.stock_move_id.id)
            ] += layer.value
        result = []
        for adjustment in adjustments:
            move = adjustment.move_id
            if not move.product_qty:
                continue
            result.append(
                {
                    "kind": "landed",
                    "product_id": adjustment.product_id.id,
                    "company_id": adjustment.cost_id.company_id.id,
                    "first_layer_id": min(move.stock_valuation_layer_ids.ids or [0]),
                    "last_layer_id": adjustment.cost_id.unifyx_validated_layer_id.id,
                    "per_unit": adjustment.additional_landed_cost / move.product_qty,
                    "out_amount": adjustment.additional_landed_cost
                    - booked[(adjustment.cost_id.id, move.id)],
                }
            )
        return result
