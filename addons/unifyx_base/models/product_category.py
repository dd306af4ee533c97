# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ProductCategory(models.Model):
    _inherit = "product.category"

    def _unifyx_path(self):
        """This category's id and its parents', nearest first (from parent_path,
        so without a query per level)."""
        self.ensure_one()
        if not self.parent_path:
            return (self.id,) if self.id else ()
        return tuple(int(part) for part in reversed(self.parent_path.split("/")) if part)
