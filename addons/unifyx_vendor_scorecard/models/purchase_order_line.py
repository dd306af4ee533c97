# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    # Shown next to the prices in the call-for-tenders comparison.
    unifyx_vendor_score = fields.Float(
        related="partner_id.unifyx_vendor_score", string="Vendor Score"
    )
    unifyx_vendor_rank = fields.Integer(
        related="partner_id.unifyx_vendor_rank", string="Vendor Rank"
    )
