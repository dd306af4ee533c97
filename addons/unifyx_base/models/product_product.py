# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

COST_GROUP = "product_cost_security.group_product_cost"


class ProductProduct(models.Model):
    _inherit = "product.product"

    # The valuation figures are costs too (product_cost_security guards
    # standard_price); stock_account computes them as superuser for the code.
    # The layers themselves are out of the record rules of those who may not
    # see costs (security/cost_security.xml).
    value_svl = fields.Float(groups=COST_GROUP)
    avg_cost = fields.Monetary(groups=COST_GROUP)
    total_value = fields.Monetary(groups=COST_GROUP)

    def _prepare_sellers(self, params=False):
        if self.env.su or self.env.user.has_group(COST_GROUP):
            return super()._prepare_sellers(params)
        # Procurements run as whoever confirms (a salesperson's make-to-order
        # sale buys): the vendor and its price are chosen on the server, never
        # returned to a user who may not see vendor prices.
        return super(ProductProduct, self.sudo())._prepare_sellers(params)
