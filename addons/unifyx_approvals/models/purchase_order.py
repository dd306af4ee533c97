# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .approval_mixin import EDITABLE_UNDER_APPROVAL


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "unifyx.approval.mixin"]

    unifyx_approval_amount = fields.Monetary(
        string="Amount for Approval",
        currency_field="company_currency_id",
        compute="_compute_unifyx_approval_amount",
        store=True,
        index=True,
        help="Untaxed amount in the company currency at the order date: what the "
        "approval matrix compares with its bands.",
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    unifyx_approval_preview = fields.Html(
        string="Who must approve this?",
        compute="_compute_unifyx_approval_preview",
        sanitize=False,
    )

    @api.depends("amount_untaxed", "currency_id", "date_order", "company_id")
    def _compute_unifyx_approval_amount(self):
        for order in self:
            order.unifyx_approval_amount = order._unifyx_amount_in_company_currency()

    def _compute_unifyx_approval_preview(self):
        self._unifyx_approval_preview()

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + EDITABLE_UNDER_APPROVAL

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + EDITABLE_UNDER_APPROVAL

    def write(self, vals):
        before = self._unifyx_amounts_under_approval(
            vals, {"order_line", "partner_id", "currency_id", "picking_type_id"}
        )
        res = super().write(vals)
        self._unifyx_restart_if_worse(before)
        return res

    def _validate_tier(self, tiers=False):
        self._unifyx_check_not_own_request(tiers)
        return super()._validate_tier(tiers=tiers)
