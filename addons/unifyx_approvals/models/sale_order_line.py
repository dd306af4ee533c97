# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    """A line is the document too: written, created or deleted on its own, it
    gets the order's "got worse" check (see approval_mixin.py)."""

    _inherit = "sale.order.line"

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

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._unifyx_check_worse()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self.order_id._unifyx_check_worse()
        return res

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        orders.exists()._unifyx_check_worse()
        return res
