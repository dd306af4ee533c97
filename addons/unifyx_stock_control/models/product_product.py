# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    unifyx_stock_risk_ids = fields.One2many(
        "unifyx.stock.risk", "product_id", string="Stock-out risk", readonly=True
    )

    def _unifyx_critical_classes(self, companies):
        """{(product id, company id, warehouse id or False): level} of the ABC
        levels of these products, read in one search (warehouse profiles first)."""
        levels = (
            self.env["abc.classification.product.level"]
            .sudo()
            .search(
                [
                    ("product_id", "in", self.ids),
                    ("profile_id.company_id", "in", companies.ids),
                ]
            )
        )
        res = {}
        for level in levels:
            key = (
                level.product_id.id,
                level.profile_id.company_id.id,
                level.profile_id.warehouse_id.id,
            )
            res[key] = level.level_id
        return res
