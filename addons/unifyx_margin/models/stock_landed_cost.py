# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
        Layer = self.env["stock.valuation.layer"].sudo()
        for cost in self.filtered(lambda c: c.state == "done"):
            cost.unifyx_validated_layer_id = Layer.search(
                [("company_id", "=", cost.company_id.id)], order="id desc", limit=1
            )
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
