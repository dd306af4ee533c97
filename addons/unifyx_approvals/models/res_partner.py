# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    customer_segment_id = fields.Many2one(
        "unifyx.customer.segment",
        string="Customer Segment",
        index=True,
        tracking=True,
        help="Drives contract prices, margin floors and margin analysis.",
    )

    @api.model
    def _commercial_fields(self):
        # Contacts of a company belong to the company's segment.
        return super()._commercial_fields() + ["customer_segment_id"]
