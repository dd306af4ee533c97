# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_urgent_approval_days = fields.Integer(
        string="Urgent Purchase Approval Delay (days)",
        default=2,
        help="An urgent purchase confirmed at once must be approved within this delay; "
        "after it, it is escalated to finance.",
    )
    unifyx_count_window_days = fields.Integer(
        string="Count Window (days)",
        default=1,
        help="Counts of a product in a location applied without approval within this "
        "many days (1: the same day) add up against the approval matrix's inventory "
        "thresholds, so a count split in parts is valued whole. 0: each count alone.",
    )
    unifyx_max_line_quantity = fields.Float(
        string="Largest Line Quantity",
        default=1000000.0,
        help="Sale and purchase lines above this quantity are refused as a typing "
        "error. 0: no bound.",
    )
    unifyx_max_unit_price = fields.Float(
        string="Largest Unit Price",
        default=1000000.0,
        help="Sale and purchase lines above this unit price (in the order's currency) "
        "are refused as a typing error. 0: no bound.",
    )

    def _unifyx_check_line_bounds(self, product, quantity, price_unit):
        """Refuse a quantity or a unit price beyond the company's sanity bounds."""
        self.ensure_one()
        checks = (
            (
                quantity,
                self.unifyx_max_line_quantity,
                self.env._(
                    "%(product)s: a quantity of %(quantity)s is beyond the largest one "
                    "allowed (%(bound)s, company settings)."
                ),
            ),
            (
                price_unit,
                self.unifyx_max_unit_price,
                self.env._(
                    "%(product)s: a unit price of %(price)s is beyond the largest one "
                    "allowed (%(bound)s, company settings)."
                ),
            ),
        )
        for value, bound, message in checks:
            if bound and abs(value) > bound:
                raise ValidationError(
                    message
                    % {
                        "product": product.display_name,
                        "quantity": quantity,
                        "price": price_unit,
                        "bound": bound,
                    }
                )
