# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    """Bad input refused on the line; the "got worse" check comes from
    unifyx.approval.line.mixin."""

    _name = "sale.order.line"
    _inherit = ["unifyx.approval.line.mixin", "sale.order.line"]

    @api.constrains("product_uom_qty", "price_unit")
    def _check_unifyx_input(self):
        if self.env.su:
            return
        for line in self.filtered(lambda line: not line.display_type):
            if line.product_uom_qty < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a sale quantity cannot be negative. Goods coming back "
                        "go through the delivery's Return button and a credit note.",
                        product=line.product_id.display_name,
                    )
                )
            line.order_id.company_id._unifyx_check_line_bounds(
                line.product_id, line.product_uom_qty, line.price_unit
            )
