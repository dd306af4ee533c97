# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .approval_mixin import EDITABLE_UNDER_APPROVAL


class SaleOrder(models.Model):
    _name = "sale.order"
    # tier.validation (already a parent) after the mixin that extends it.
    _inherit = ["sale.order", "unifyx.approval.mixin", "tier.validation"]
    _unifyx_editable_under_approval = EDITABLE_UNDER_APPROVAL

    # Sales exceptions (the mixin's hook): longer payment terms than the customer's.
    @api.depends("payment_term_id", "partner_id")
    def _compute_unifyx_exception_type_ids(self):
        return super()._compute_unifyx_exception_type_ids()

    def _unifyx_get_exception_codes(self):
        result = super()._unifyx_get_exception_codes()
        for order in self:
            codes = result.setdefault(order.id, set())
            default_terms = order.partner_id.commercial_partner_id.with_company(
                order.company_id
            ).property_payment_term_id
            if (
                order.payment_term_id
                and default_terms
                and order.payment_term_id != default_terms
                and order._unifyx_payment_days(order.payment_term_id)
                > order._unifyx_payment_days(default_terms)
            ):
                codes.add("payment_terms")
        return result

    @api.model
    def _unifyx_payment_days(self, terms):
        """The longest delay of a payment term, in days."""
        return max((line.nb_days for line in terms.line_ids), default=0)
