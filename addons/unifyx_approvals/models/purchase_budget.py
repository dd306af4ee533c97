# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxPurchaseBudget(models.Model):
    """A purchase budget for a product category or an analytic account over a
    period. Committed is the untaxed amount of the purchase lines confirmed in
    the period that fall in it, in the company currency: lines of the category
    (and below), or the share of a line's analytic distribution that goes to
    the account. A cancelled order releases what it committed."""

    _name = "unifyx.purchase.budget"
    _description = "Purchase Budget"
    _order = "date_from desc, category_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    category_id = fields.Many2one("product.category", index=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        index=True,
        help="Budget the share of purchase lines distributed to this analytic account "
        "instead of a product category.",
    )
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    amount = fields.Monetary(string="Budget", required=True)
    committed = fields.Monetary(compute="_compute_committed")
    remaining = fields.Monetary(compute="_compute_committed")

    @api.depends("category_id", "analytic_account_id", "date_from", "date_to")
    def _compute_name(self):
        for budget in self:
            budget.name = "%s %s - %s" % (
                (budget.category_id or budget.analytic_account_id).display_name or "",
                budget.date_from or "",
                budget.date_to or "",
            )

    # date_from is always written on create: the check runs even when neither is set.
    @api.constrains("category_id", "analytic_account_id", "date_from")
    def _check_scope(self):
        for budget in self:
            if bool(budget.category_id) == bool(budget.analytic_account_id):
                raise ValidationError(
                    self.env._(
                        "A budget is for a product category or for an analytic account: "
                        "set exactly one of them."
                    )
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
        domain = [
            ("order_id.company_id", "=", self.company_id.id),
            ("order_id.state", "in", ("purchase", "done")),
            ("order_id.date_approve", ">=", self.date_from),
            ("order_id.date_approve", "<", fields.Date.add(self.date_to, days=1)),
            ("display_type", "=", False),
        ]
        if self.analytic_account_id:
            # analytic.mixin searches the JSON distribution by account id.
            return domain + [("analytic_distribution", "in", [self.analytic_account_id.id])]
        return domain + [("product_id.categ_id", "child_of", self.category_id.id)]

    def _share(self, lines):
        """Untaxed amount of ``lines`` falling in this budget, in their currency.
        Lines of one order share its currency. Gross, as the approval bands: a
        negative line does not free budget."""
        self.ensure_one()
        if self.analytic_account_id:
            key = str(self.analytic_account_id.id)
            total = 0.0
            for line in lines:
                for accounts, percent in (line.analytic_distribution or {}).items():
                    # A key may combine accounts of several plans: "12,34".
                    if key in accounts.split(","):
                        total += max(line.price_subtotal, 0.0) * percent / 100.0
            return total
        return sum(
            max(subtotal, 0.0)
            for subtotal in lines.filtered(
                lambda line: line.product_id.categ_id.parent_path.startswith(
                    self.category_id.parent_path
                )
            ).mapped("price_subtotal")
        )

    def _committed_amount(self, exclude_order=None):
        """Committed amount in company currency, in one query for the lines and
        one conversion per order currency."""
        self.ensure_one()
        domain = self._line_domain()
        if exclude_order:
            domain.append(("order_id", "!=", exclude_order.id))
        date = fields.Date.context_today(self)
        if not self.analytic_account_id:
            domain.append(("price_subtotal", ">", 0))
            groups = (
                self.env["purchase.order.line"]
                .sudo()
                ._read_group(domain, ["currency_id"], ["price_subtotal:sum"])
            )
            return sum(
                currency._convert(subtotal, self.currency_id, self.company_id, date)
                for currency, subtotal in groups
            )
        lines = self.env["purchase.order.line"].sudo().search(domain)
        return sum(
            currency._convert(
                self._share(lines.filtered(lambda line, c=currency: line.currency_id == c)),
                self.currency_id,
                self.company_id,
                date,
            )
            for currency in lines.currency_id
        )

    @api.model
    def _budgets_for(self, order):
        """The budgets an order's lines fall in, at its date."""
        date = fields.Date.to_date(order.date_order) or fields.Date.context_today(self)
        lines = order.order_line.filtered(lambda line: not line.display_type)
        if not lines:
            return self.browse()
        budgets = self.search(
            [
                ("company_id", "=", order.company_id.id),
                ("date_from", "<=", date),
                ("date_to", ">=", date),
            ]
        )
        return budgets.filtered(lambda budget: budget._share(lines))
