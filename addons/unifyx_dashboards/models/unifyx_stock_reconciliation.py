# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models


class UnifyxStockReconciliation(models.Model):
    """Month-end check of perpetual valuation: for each stock valuation account
    of the company, the value of the valuation layers up to the period end
    against the account's balance in the general ledger, with the entries that
    explain a difference."""

    _name = "unifyx.stock.reconciliation"
    _description = "Stock Valuation Reconciliation"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Period End",
        required=True,
        default=lambda self: fields.Date.end_of(
            fields.Date.subtract(fields.Date.context_today(self), months=1), "month"
        ),
    )
    line_ids = fields.One2many(
        "unifyx.stock.reconciliation.line", "reconciliation_id", string="Lines", readonly=True
    )
    valuation_total = fields.Monetary(compute="_compute_totals", string="Stock Valuation")
    ledger_total = fields.Monetary(compute="_compute_totals", string="General Ledger")
    difference = fields.Monetary(compute="_compute_totals")
    state = fields.Selection(
        [("draft", "To Compute"), ("balanced", "Balanced"), ("difference", "Differences")],
        default="draft",
        readonly=True,
        tracking=True,
    )

    @api.depends("company_id", "date")
    def _compute_name(self):
        for rec in self:
            rec.name = "%s %s" % (rec.company_id.name or "", rec.date or "")

    @api.depends("line_ids.valuation", "line_ids.ledger", "line_ids.line_type")
    def _compute_totals(self):
        for rec in self:
            accounts = rec.line_ids.filtered(lambda line: line.line_type == "account")
            rec.valuation_total = sum(accounts.mapped("valuation"))
            rec.ledger_total = sum(accounts.mapped("ledger"))
            rec.difference = rec.ledger_total - rec.valuation_total

    def action_compute(self):
        for rec in self:
            rec.line_ids.unlink()
            lines = rec._reconcile()
            self.env["unifyx.stock.reconciliation.line"].create(
                [dict(line, reconciliation_id=rec.id) for line in lines]
            )
            rec.state = (
                "difference"
                if rec.currency_id.compare_amounts(rec.ledger_total, rec.valuation_total)
                else "balanced"
            )
        return True

    def _reconcile(self):
        self.ensure_one()
        company = self.company_id
        Layer = self.env["stock.valuation.layer"].sudo()
        end = fields.Datetime.to_datetime(fields.Date.add(self.date, days=1))
        layers_domain = [("company_id", "=", company.id), ("create_date", "<", end)]
        # Valuation per account: layers grouped by category, then the
        # category's (company-dependent) valuation account.
        by_account = defaultdict(float)
        for category, value in Layer._read_group(layers_domain, ["categ_id"], ["value:sum"]):
            account = category.with_company(company).property_stock_valuation_account_id
            by_account[account] += value
        accounts = self.env["account.account"].browse(a.id for a in by_account if a)
        MoveLine = self.env["account.move.line"].sudo()
        ledger_domain = [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", self.date),
            ("account_id", "in", accounts.ids),
        ]
        ledger = dict(MoveLine._read_group(ledger_domain, ["account_id"], ["balance:sum"]))
        lines = []
        for account in accounts:
            valuation = by_account[account]
            balance = ledger.get(account, 0.0)
            lines.append(
                {
                    "line_type": "account",
                    "account_id": account.id,
                    "valuation": valuation,
                    "ledger": balance,
                    "difference": balance - valuation,
                }
            )
        # What explains a difference: entries on a stock account that no
        # valuation layer made (manual entries), and layers of real-time
        # categories whose entry is missing or dated after the period.
        layers = Layer.search(layers_domain)
        layer_moves = layers.account_move_id | layers.account_move_line_id.move_id
        for move_line in MoveLine.search(ledger_domain + [("move_id", "not in", layer_moves.ids)]):
            lines.append(
                {
                    "line_type": "manual_entry",
                    "account_id": move_line.account_id.id,
                    "move_id": move_line.move_id.id,
                    "ledger": move_line.balance,
                    "difference": move_line.balance,
                }
            )
        for layer in layers.filtered(
            lambda svl: (
                svl.product_id.with_company(company).valuation == "real_time"
                and svl.value
                and (
                    not (svl.account_move_id or svl.account_move_line_id)
                    or (svl.account_move_id or svl.account_move_line_id.move_id).date > self.date
                )
            )
        ):
            lines.append(
                {
                    "line_type": "layer_without_entry",
                    "account_id": layer.categ_id.with_company(
                        company
                    ).property_stock_valuation_account_id.id,
                    "layer_id": layer.id,
                    "move_id": layer.account_move_id.id,
                    "valuation": layer.value,
                    "difference": -layer.value,
                }
            )
        return lines
