# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PurchaseOrderLine(models.Model):
    """Bad input refused on the line; the "got worse" check comes from
    unifyx.approval.line.mixin."""

    _name = "purchase.order.line"
    _inherit = ["unifyx.approval.line.mixin", "purchase.order.line"]

    @api.constrains("product_qty", "price_unit")
    def _check_unifyx_input(self):
        self._unifyx_check_input("product_qty")

    def _unifyx_negative_quantity_refusal(self):
        if self.env.user.has_group("unifyx_base.group_purchasing_manager"):
            return None
        return self.env._(
            "%(product)s: a purchase quantity cannot be negative. A return to "
            "the vendor goes through the receipt's Return button; only a "
            "purchasing manager may enter a negative quantity.",
            product=self.product_id.display_name,
        )
