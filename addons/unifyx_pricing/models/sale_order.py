# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

RESOLUTION_FIELDS = (
    "unifyx_price_contract_line_id",
    "unifyx_price_exception_line_id",
    "unifyx_resolved_price",
    "unifyx_resolved_discount",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # The fields the excess-discount exception reads (hook of unifyx_approvals).
    @api.depends(
        "user_id",
        "order_line.price_unit",
        "order_line.discount",
        "order_line.unifyx_resolved_price",
        "order_line.unifyx_resolved_discount",
        "order_line.unifyx_price_manual_user_id",
    )
    def _compute_unifyx_exception_type_ids(self):
        return super()._compute_unifyx_exception_type_ids()

    def _unifyx_get_exception_codes(self):
        result = super()._unifyx_get_exception_codes()
        for line in self.order_line._unifyx_discount_excess():
            result.setdefault(line.order_id.id, set()).add("excess_discount")
        return result

    def _unifyx_under_approval(self):
        self.ensure_one()
        return bool(self.review_ids) and self.state in self._state_from

    def _unifyx_excess_needs_approval(self):
        """Whether a matrix row sends this order's excess discount to approval,
        as confirming it would (without one, the 'approve' policy only warns)."""
        self.ensure_one()
        excess = self.env.ref("unifyx_pricing.exception_type_excess_discount")
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("unifyx_matrix_id.exception_type_ids", "in", excess.ids),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            )
        )
        order = self.sudo()
        return any(order.evaluate_tier(definition) for definition in definitions)

    @api.model
    def _unifyx_on_more_discount(self, lines, extra_before):
        """``lines`` were just created or changed; ``extra_before`` holds the
        discount they granted before ({line id: %}). A line granting more than
        before and than its limit allows is refused on a confirmed order, and
        sends an approved (or pending) order back to approval."""
        more = lines.filtered(
            lambda line: line._unifyx_extra_discount() > extra_before.get(line.id, 0.0) + 1e-4
        )
        if not self.env.su:
            self._unifyx_refuse_confirmed_excess(more)
        # A larger discount lowers the amount: the amount rule would not catch it.
        excess = more.filtered(lambda line: line.order_id._unifyx_under_approval())
        excess = excess._unifyx_discount_excess()
        if excess:
            lines.browse().concat(*excess).order_id.restart_validation()

    @api.model
    def _unifyx_refuse_confirmed_excess(self, lines):
        """A confirmed order does not go back to approval: more discount than
        the current user may grant is refused on it when confirming would have
        been (a blocking limit, or a matrix row routing excess discounts),
        whichever way the line is changed."""
        lines = lines.filtered(
            lambda line: (
                line.state == "sale"
                # Lines Odoo adds to confirmed orders at their own price.
                and not (line.is_expense or line.is_downpayment or line._unifyx_is_delivery())
            )
        )
        over = {
            line: (allowed, policy)
            for line, (allowed, policy) in lines._unifyx_over_limit(user=self.env.user).items()
            if policy == "block" or line.order_id._unifyx_excess_needs_approval()
        }
        if over:
            Limit = self.env["unifyx.discount.limit"]
            raise UserError(
                "\n".join(
                    Limit._unifyx_confirmed_refusal(
                        line.order_id, line.product_id, line._unifyx_extra_discount(), *over[line]
                    )
                    for line in over
                )
            )

    def _unifyx_check_discount_block(self):
        """Refuse to confirm orders granting a discount beyond a blocking limit."""
        blocked = [
            line
            for line, policy in self.order_line._unifyx_discount_excess().items()
            if policy == "block"
        ]
        if blocked:
            raise UserError(
                self.env._(
                    "These lines grant more discount than allowed, and the limit "
                    "blocks the order:\n%(lines)s\nLower the discount or ask a "
                    "sales manager for a price exception.",
                    lines="\n".join(
                        "- %s: %.2f %%" % (line.product_id.display_name, line.unifyx_extra_discount)
                        for line in blocked
                    ),
                )
            )

    def _unifyx_confirmation_checks(self):
        # No way round the discount authority, by the button or by RPC.
        return super()._unifyx_confirmation_checks() + [(10, "_unifyx_check_discount_block")]

    def _recompute_prices(self):
        # Resolve again at today's order date, quantities and customer.
        lines = self._get_update_prices_lines()
        for fname in RESOLUTION_FIELDS:
            self.env.add_to_compute(lines._fields[fname], lines)
        res = super()._recompute_prices()
        # "Update prices" resets manual prices: forget who set them.
        lines = self._get_update_prices_lines().filtered(
            lambda line: line.unifyx_price_source != "manual" and line.unifyx_price_manual_user_id
        )
        lines._unifyx_record_manual(clear=True)
        return res
