# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxDiscountLimit(models.Model):
    """The largest discount a role may grant on its own, optionally for one
    product category. A user holding several roles gets the most generous."""

    _name = "unifyx.discount.limit"
    _description = "Discount Limit"
    _order = "group_id, categ_id, id"

    group_id = fields.Many2one("res.groups", string="Role", required=True, ondelete="cascade")
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Only for this category and its subcategories. Empty: every product.",
    )
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    unlimited = fields.Boolean(help="The role may grant any discount.")
    max_discount = fields.Float(string="Max. Discount (%)", digits="Discount")
    policy = fields.Selection(
        [("approve", "Needs approval"), ("block", "Blocked")],
        required=True,
        default="approve",
        help="Above the limit, the order needs approval (a matrix row on the "
        "'Discount above the seller's limit' exception routes it) or cannot be "
        "confirmed at all.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("max_discount")
    def _check_max_discount(self):
        if any(not 0 <= limit.max_discount <= 100 for limit in self):
            raise ValidationError(self.env._("A discount limit is between 0 and 100 %."))

    def _compute_display_name(self):
        for limit in self:
            limit.display_name = "%s%s" % (
                limit.group_id.name or "",
                " / %s" % limit.categ_id.display_name if limit.categ_id else "",
            )

    @api.model
    def _get_limits(self, company):
        """All limits of a company, read once per pricing batch (sudo: a
        salesperson's own limit applies whatever they can read)."""
        return self.sudo().search([("company_id", "in", [company.id, False])])

    @api.model
    def _limit_for(self, limits, user, categ_path):
        """(max discount or None for unlimited, policy) of a user for a product
        whose category path (nearest first) is given; (0, 'approve') when no
        role of the user has a limit.

        Per role the most specific category limit wins; across roles, the most
        generous.
        """
        if user._is_superuser():
            return None, "approve"
        # groups_id holds the implied groups too (a director is a salesperson).
        user_groups = set(user.sudo().groups_id.ids)
        by_group = {}
        for limit in limits:
            if limit.group_id.id not in user_groups:
                continue
            if limit.categ_id:
                if limit.categ_id.id not in categ_path:
                    continue
                rank = categ_path.index(limit.categ_id.id)
            else:
                rank = len(categ_path)
            current = by_group.get(limit.group_id.id)
            if current is None or rank < current[0]:
                by_group[limit.group_id.id] = (rank, limit)
        best = (0.0, "approve")
        for index, (_rank, limit) in enumerate(by_group.values()):
            if limit.unlimited:
                return None, limit.policy
            if index == 0 or limit.max_discount > best[0]:
                best = (limit.max_discount, limit.policy)
        return best

    # -- the discount excess ------------------------------------------------------

    @api.model
    def _unifyx_over_limit(self, grants):
        """{key: (allowed discount, policy)} of the grants beyond the limit of
        whoever grants them, the limits read once per company.

        :param grants: [(key, company, user, category path nearest first,
                        discount granted %)]
        """
        result = {}
        limits_by_company = {}
        for key, company, user, categ_path, extra in grants:
            if extra <= 0:
                continue
            if company not in limits_by_company:
                limits_by_company[company] = self._get_limits(company)
            allowed, policy = self._limit_for(limits_by_company[company], user, categ_path)
            if allowed is not None and extra > allowed + 1e-6:
                result[key] = (allowed, policy)
        return result

    @api.model
    def _unifyx_lines_over_limit(self, lines, user=None):
        """{sale line: (allowed discount, policy)} of the lines granting more
        discount than ``user`` may, or else whoever set them (the salesperson
        if nobody did)."""
        granting = [(line, line._unifyx_extra_discount()) for line in lines]
        return self._unifyx_over_limit(
            [
                (
                    line,
                    line.company_id or self.env.company,
                    user
                    or line.unifyx_price_manual_user_id
                    or line.order_id.user_id
                    or self.env.user,
                    line.product_id.categ_id._unifyx_path(),
                    extra,
                )
                for line, extra in granting
                if extra > 0
            ]
        )

    @api.model
    def _unifyx_excess_warning(self, product, extra, allowed, policy):
        """The onchange warning telling the salesperson at once of a discount
        beyond their limit."""
        values = {"product": product.display_name, "extra": extra, "allowed": allowed}
        if policy == "block":
            message = self.env._(
                "The discount granted on %(product)s (%(extra).2f %%) is beyond your "
                "limit of %(allowed).2f %%: the order cannot be confirmed like this.",
                **values,
            )
        else:
            message = self.env._(
                "The discount granted on %(product)s (%(extra).2f %%) is beyond your "
                "limit of %(allowed).2f %%: the order will need approval.",
                **values,
            )
        return {
            "warning": {
                "title": self.env._("Discount beyond your limit"),
                "message": message,
                "type": "notification",
            }
        }

    @api.model
    def _unifyx_confirmed_refusal(self, order, product, extra, allowed, policy):
        """Why more discount is refused on a line of a confirmed order."""
        values = {
            "order": order.name,
            "product": product.display_name,
            "extra": extra,
            "allowed": allowed,
        }
        if policy == "block":
            return self.env._(
                "%(order)s, %(product)s: %(extra).2f %% is beyond your limit of "
                "%(allowed).2f %%, which blocks it.",
                **values,
            )
        return self.env._(
            "%(order)s, %(product)s: %(extra).2f %% is beyond your limit of "
            "%(allowed).2f %% and needs approval, which a confirmed order cannot "
            "go back to: ask someone whose limit covers it, or cancel the order "
            "and set it back to quotation to have it approved.",
            **values,
        )
