# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxStockReconciliationLine(models.Model):
    _name = "unifyx.stock.reconciliation.line"
    _description = "Stock Valuation Reconciliation Line"
    _order = "line_type, account_id, id"

    reconciliation_id = fields.Many2one(
        "unifyx.stock.reconciliation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="reconciliation_id.company_id", store=True)
    currency_id = fields.Many2one(related="reconciliation_id.currency_id")
    line_type = fields.Selection(
        [
            ("account", "Stock account"),
            ("manual_entry", "Entry without valuation layer"),
            ("layer_without_entry", "Valuation without entry in the period"),
        ],
        string="Type",
        required=True,
    )
    account_id = fields.Many2one("account.account")
    move_id = fields.Many2one("account.move", string="Journal Entry")
    layer_id = fields.Many2one("stock.valuation.layer", string="Valuation Layer")
    valuation = fields.Monetary(string="Stock Valuation")
    ledger = fields.Monetary(string="General Ledger")
    difference = fields.Monetary()
