# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class ProductCategory(models.Model):
    _inherit = "product.category"

    def _unifyx_check_negative_exception(self, vals):
        if self.env.su or "allow_negative_stock" not in vals:
            return
        if not self.env.user.has_group("stock.group_stock_manager"):
            raise AccessError(
                self.env._(
                    "Only a warehouse manager may allow negative stock for a product "
                    "category: it is an explicit exception to the no-negative-stock rule."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("allow_negative_stock"):
                self._unifyx_check_negative_exception(vals)
        return super().create(vals_list)

    def write(self, vals):
        if any(
            bool(c.allow_negative_stock) != bool(vals.get("allow_negative_stock")) for c in self
        ):
            self._unifyx_check_negative_exception(vals)
        return super().write(vals)
