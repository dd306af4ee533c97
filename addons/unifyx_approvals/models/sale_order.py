# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, fields, models

from .approval_mixin import EDITABLE_UNDER_APPROVAL


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "unifyx.approval.mixin"]

    unifyx_approval_amount = fields.Monetary(
        string="Amount for Approval",
        currency_field="company_currency_id",
        compute="_compute_unifyx_approval_amount",
        store=True,
        index=True,
        help="Untaxed amount in the company currency at the order date.",
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    unifyx_requester_manager_id = fields.Many2one(
        related="user_id.unifyx_approval_manager_id", string="Requester's Manager"
    )
    unifyx_approval_preview = fields.Html(
        string="Who must approve this?",
        compute="_compute_unifyx_approval_preview",
        sanitize=False,
    )
    unifyx_exception_type_ids = fields.Many2many(
        "unifyx.approval.exception.type",
        string="Sales Exceptions",
        compute="_compute_unifyx_exception_type_ids",
        store=True,
        help="Why this sale needs approval beyond its amount. Matrix rows on sale "
        "orders can require approval for any of them.",
    )

    @api.depends("amount_untaxed", "currency_id", "date_order", "company_id")
    def _compute_unifyx_approval_amount(self):
        for order in self:
            order.unifyx_approval_amount = order._unifyx_amount_in_company_currency()

    def _compute_unifyx_approval_preview(self):
        self._unifyx_approval_preview()

    # The hook of sales exceptions. An addon that raises an exception adds its
    # code in _unifyx_get_exception_codes() and the fields it reads with
    # @api.depends on an override of _compute_unifyx_exception_type_ids.
    @api.depends("payment_term_id", "partner_id")
    def _compute_unifyx_exception_type_ids(self):
        codes_by_order = self._unifyx_get_exception_codes()
        all_codes = set().union(*codes_by_order.values()) if codes_by_order else set()
        types = self.env["unifyx.approval.exception.type"].search([("code", "in", list(all_codes))])
        for order in self:
            codes = codes_by_order.get(order.id, set())
            order.unifyx_exception_type_ids = types.filtered(lambda t, c=codes: t.code in c)

    def _unifyx_get_exception_codes(self):
        """Return {order id: set of exception codes} for these orders."""
        result = {}
        for order in self:
            codes = set()
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
            result[order.id] = codes
        return result

    @api.model
    def _unifyx_payment_days(self, terms):
        """The longest delay of a payment term, in days."""
        return max((line.nb_days for line in terms.line_ids), default=0)

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + EDITABLE_UNDER_APPROVAL

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + EDITABLE_UNDER_APPROVAL

    @contextmanager
    def _unifyx_checked(self, check):
        """While the block runs, these orders count as having passed ``check``
        (e.g. the state write inside action_confirm need not check them again).
        Kept on the cursor, not in the context, which an RPC client could forge."""
        checked = self.env.cr.cache.setdefault(check, set())
        checked.update(self.ids)
        try:
            yield
        finally:
            checked.difference_update(self.ids)

    def _unifyx_unchecked(self, check):
        """These orders but those inside a _unifyx_checked(check) block."""
        checked = self.env.cr.cache.get(check, ())
        return self.filtered(lambda order: order.id not in checked)

    def write(self, vals):
        before = self._unifyx_amounts_under_approval(
            vals, {"order_line", "partner_id", "currency_id", "pricelist_id"}
        )
        exceptions_before = {
            order.id: order.unifyx_exception_type_ids for order in self if order.review_ids
        }
        res = super().write(vals)
        self._unifyx_restart_if_worse(before)
        # A new exception on an approved order needs approval again.
        self.filtered(
            lambda o: (
                o.id in exceptions_before
                and o.state in self._state_from
                and o.unifyx_exception_type_ids - exceptions_before[o.id]
            )
        ).restart_validation()
        return res

    def _validate_tier(self, tiers=False):
        self._unifyx_check_approver(tiers)
        return super()._validate_tier(tiers=tiers)
