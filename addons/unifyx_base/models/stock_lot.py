# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .product_product import COST_GROUP


class StockLot(models.Model):
    _inherit = "stock.lot"

    # A lot's valuation is its product's cost (see product_product.py).
    avg_cost = fields.Monetary(groups=COST_GROUP)
    total_value = fields.Monetary(groups=COST_GROUP)
