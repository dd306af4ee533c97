# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class PurchaseOrderLine(models.Model):
    """Bad input refused on the line; the "got worse" check comes from
    unifyx.approval.line.mixin."""

    _name = "purchase.order.line"
    _inherit = ["unifyx.approval.line.mixin", "purchase.order.line"]

    @api.constrains("product_qty", "price_unit")
    def _check_unifyx_input(self):
        if self.env.su:
            return
        manager = self.env.user.has_group("unifyx_base.group_purchasing_manager")
        for line in self.filtered(lambda line: not line.display_type):
            if line.product_qty < 0 and not manager:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a purchase quantity cannot be negative. A return to "
                        "the vendor goes through the receipt's Return button; only a "
                        "purchasing manager may enter a negative quantity.",
                        product=line.product_id.display_name,
                    )
                )
            line.order_id.company_id._unifyx_check_line_bounds(
                line.product_id, line.product_qty, line.price_unit
            )
