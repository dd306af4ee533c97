# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Requests committed in the budgets: approved, not yet all ordered, not closed.
COMMITTED_STATES = ("approved", "in_progress")


class UnifyxPurchaseBudget(models.Model):
    """An approved purchase request commits its estimated cost in the budgets
    of its approval date until it is ordered: each line counts for the quantity
    not yet on a confirmed purchase order (the order counts for the rest, no
    double count), and nothing once rejected (cancelled) or done."""

    _inherit = "unifyx.purchase.budget"

    committed_request = fields.Monetary(
        string="Committed by Requests",
        compute="_compute_committed",
        help="Estimated cost of the approved purchase requests of the period not yet on a "
        "confirmed purchase order (included in Committed).",
    )

    def _compute_committed(self):
        res = super()._compute_committed()
        for budget in self:
            budget.committed_request = budget._unifyx_request_committed()
        return res

    def _unifyx_request_line_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("request_id.state", "in", COMMITTED_STATES),
            ("cancelled", "=", False),
            ("request_id.unifyx_approved_date", ">=", self.date_from),
            ("request_id.unifyx_approved_date", "<=", self.date_to),
        ]
        if self.analytic_account_id:
            return domain + [("analytic_distribution", "in", [self.analytic_account_id.id])]
        return domain + [("product_id.categ_id", "child_of", self.category_id.id)]

    def _unifyx_request_share(self, lines, exclude_order=None, open_only=True):
        """Estimated cost of request ``lines`` falling in this budget, in the
        company currency: what is still open on them (``open_only``), or all of it."""
        self.ensure_one()
        total = 0.0
        for line in lines:
            cost = line._unifyx_open_cost(exclude_order) if open_only else line._unifyx_cost()
            if not cost:
                continue
            if self.analytic_account_id:
                key = str(self.analytic_account_id.id)
                for accounts, percent in (line.analytic_distribution or {}).items():
                    if key in accounts.split(","):
                        total += cost * percent / 100.0
            elif line.product_id.categ_id.parent_path.startswith(self.category_id.parent_path):
                total += cost
        return total

    def _unifyx_request_committed(self, exclude_order=None, exclude_request=None):
        self.ensure_one()
        domain = self._unifyx_request_line_domain()
        if exclude_request:
            domain.append(("request_id", "not in", exclude_request.ids))
        lines = self.env["purchase.request.line"].sudo().search(domain)
        return self._unifyx_request_share(lines, exclude_order=exclude_order)

    def _committed_amount(self, exclude_order=None, exclude_request=None):
        committed = super()._committed_amount(exclude_order=exclude_order)
        return committed + self._unifyx_request_committed(
            exclude_order=exclude_order, exclude_request=exclude_request
        )

    @api.model
    def _unifyx_budgets_for_request(self, request):
        """The budgets a request's lines fall in, today (its approval date)."""
        lines = request.line_ids.filtered(lambda line: not line.cancelled)
        if not lines:
            return self.browse()
        today = fields.Date.context_today(self)
        budgets = self.search(
            [
                ("company_id", "=", request.company_id.id),
                ("date_from", "<=", today),
                ("date_to", ">=", today),
            ]
        )
        return budgets.filtered(lambda b: b._unifyx_request_share(lines, open_only=False))
