# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.tolerance import Tolerance

TOLERANCE_FIELDS = {
    "price_percent": "unifyx_bill_price_tolerance_percent",
    "price_amount": "unifyx_bill_price_tolerance_amount",
    "quantity_percent": "unifyx_bill_quantity_tolerance_percent",
    "total_amount": "unifyx_bill_total_tolerance_amount",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_bill_match = fields.Boolean(
        string="Three-Way Match of Vendor Bills",
        help="Vendor bills are matched with their purchase order lines and receipts: "
        "within tolerance an e-invoice is posted as soon as it is imported; outside it, "
        "the bill is held until approved through the approval matrix.",
    )
    unifyx_bill_price_tolerance_percent = fields.Float(
        string="Price Tolerance (%)",
        default=2.0,
        help="A line may be billed this much above the order's net unit price.",
    )
    unifyx_bill_price_tolerance_amount = fields.Monetary(
        string="Price Tolerance (amount)",
        default=50.0,
        help="...and its price gap (times the billed quantity) may cost at most this.",
    )
    unifyx_bill_quantity_tolerance_percent = fields.Float(
        string="Quantity Tolerance (%)",
        default=0.0,
        help="A line may bill this much more than was received and not billed yet.",
    )
    unifyx_bill_total_tolerance_amount = fields.Monetary(
        string="Total Tolerance (amount)",
        default=100.0,
        help="The gaps of all the lines of a bill may add up to this.",
    )

    @api.constrains(*TOLERANCE_FIELDS.values())
    def _check_unifyx_bill_tolerances(self):
        for company in self:
            if any(company[name] < 0 for name in TOLERANCE_FIELDS.values()):
                raise ValidationError(self.env._("Bill tolerances cannot be negative."))

    def _unifyx_bill_tolerance(self):
        self.ensure_one()
        return Tolerance(**{key: self[name] for key, name in TOLERANCE_FIELDS.items()})
