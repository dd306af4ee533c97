# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_tender_category_ids = fields.Many2many(
        "product.category",
        "unifyx_company_tender_category_rel",
        "company_id",
        "category_id",
        string="Tender Categories",
        help="Approved purchase request lines of these product categories (or below) go "
        "to a call for tenders instead of an RFQ.",
    )
    unifyx_tender_amount = fields.Monetary(
        string="Tender From",
        currency_field="currency_id",
        help="Approved purchase request lines whose estimated cost reaches this amount go "
        "to a call for tenders instead of an RFQ. 0: never by amount.",
    )
