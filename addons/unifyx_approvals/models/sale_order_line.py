# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SaleOrderLine(models.Model):
    """Bad input refused on the line; the "got worse" check comes from
    unifyx.approval.line.mixin."""

    _name = "sale.order.line"
    _inherit = ["unifyx.approval.line.mixin", "sale.order.line"]

    @api.constrains("product_uom_qty", "price_unit")
    def _check_unifyx_input(self):
        self._unifyx_check_input("product_uom_qty")

    def _unifyx_negative_quantity_refusal(self):
        return self.env._(
            "%(product)s: a sale quantity cannot be negative. Goods coming back "
            "go through the delivery's Return button and a credit note.",
            product=self.product_id.display_name,
        )
