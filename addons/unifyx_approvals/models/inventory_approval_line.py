# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxInventoryApprovalLine(models.Model):
    _name = "unifyx.inventory.approval.line"
    _description = "Inventory Adjustment Approval Line"

    approval_id = fields.Many2one(
        "unifyx.inventory.approval", required=True, ondelete="cascade", index=True
    )
    company_currency_id = fields.Many2one(related="approval_id.company_currency_id")
    quant_id = fields.Many2one("stock.quant", required=True, ondelete="cascade")
    product_id = fields.Many2one("product.product", required=True)
    location_id = fields.Many2one("stock.location", required=True)
    lot_id = fields.Many2one("stock.lot")
    quantity = fields.Float(string="System Quantity", digits="Product Unit of Measure")
    counted_quantity = fields.Float(digits="Product Unit of Measure")
    difference = fields.Float(digits="Product Unit of Measure")
    value = fields.Monetary(currency_field="company_currency_id")
