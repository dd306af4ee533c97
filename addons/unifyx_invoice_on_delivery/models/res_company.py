# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_invoice_on_delivery = fields.Boolean(
        string="Invoice on Delivery",
        help="Create and post the customer invoice (or credit note) as soon as a "
        "delivery or a customer return of a sales order is validated.",
    )
