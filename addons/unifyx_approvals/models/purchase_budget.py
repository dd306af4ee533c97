# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxPurchaseBudget(models.Model):
    """A purchase budget for a product category over a period. Committed is the
    untaxed amount of confirmed purchase lines in the category (and below)
    confirmed in the period, in the company currency: a cancelled order releases
    what it committed."""

    _name = "unifyx.purchase.budget"
    _description = "Purchase Budget"
    _order = "date_from desc, category_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    category_id = fields.Many2one("product.category", required=True, index=True)
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    amount = fields.Monetary(string="Budget", required=True)
    committed = fields.Monetary(compute="_compute_committed")
    remaining = fields.Monetary(compute="_compute_committed")

    @api.depends("category_id", "date_from", "date_to")
    def _compute_name(self):
        for budget in self:
            budget.name = "%s %s - %s" % (
                budget.category_id.display_name or "",
                budget.date_from or "",
                budget.date_to or "",
            )

    @api.constrains("date_from", "date_to", "amount")
    def _check_period(self):
        for budget in self:
            if budget.date_to < budget.date_from:
                raise ValidationError(self.env._("A budget period cannot end before it starts."))
            if budget.amount < 0:
                raise ValidationError(self.env._("A budget cannot be negative."))

    def _compute_committed(self):
        for budget in self:
            budget.committed = budget._committed_amount()
            budget.remaining = budget.amount - budget.committed

    def _line_domain(self):
        self.ensure_one()
        return [
            ("order_id.company_id", "=", self.company_id.id),
            ("order_id.state", "in", ("purchase", "done")),
            ("order_id.date_approve", ">=", self.date_from),
            ("order_id.date_approve", "<", fields.Date.add(self.date_to, days=1)),
            ("product_id.categ_id", "child_of", self.category_id.id),
            ("display_type", "=", False),
        ]

    def _committed_amount(self, exclude_order=None):
        """Committed amount in company currency, in one grouped query per
        order currency."""
        self.ensure_one()
        domain = self._line_domain()
        if exclude_order:
            domain.append(("order_id", "!=", exclude_order.id))
        total = 0.0
        groups = (
            self.env["purchase.order.line"]
            .sudo()
            ._read_group(domain, ["currency_id"], ["price_subtotal:sum"])
        )
        for currency, subtotal in groups:
            total += currency._convert(
                subtotal, self.currency_id, self.company_id, fields.Date.context_today(self)
            )
        return total

    @api.model
    def _budgets_for(self, order):
        """The budgets an order's lines fall in, at its date."""
        date = fields.Date.to_date(order.date_order) or fields.Date.context_today(self)
        categories = order.order_line.product_id.categ_id
        if not categories:
            return self.browse()
        budgets = self.search(
            [
                ("company_id", "=", order.company_id.id),
                ("date_from", "<=", date),
                ("date_to", ">=", date),
            ]
        )
        return budgets.filtered(
            lambda b: any(
                categ.parent_path.startswith(b.category_id.parent_path) for categ in categories
            )
        )
