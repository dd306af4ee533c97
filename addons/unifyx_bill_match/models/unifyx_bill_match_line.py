# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .match_flow import in_match_flow


class UnifyxBillMatchLine(models.Model):
    """One bill line against its purchase order line and receipts, as the
    three-way match found it: written by the match only, kept as the record
    of what was approved."""

    _name = "unifyx.bill.match.line"
    _description = "Vendor Bill Match Line"
    _order = "move_id, id"
    _check_company_auto = True

    move_id = fields.Many2one(
        "account.move", string="Bill", required=True, ondelete="cascade", index=True
    )
    review_id = fields.Many2one("unifyx.bill.review", ondelete="set null", index=True)
    move_line_id = fields.Many2one("account.move.line", string="Bill Line", ondelete="cascade")
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    name = fields.Char(string="Label")
    product_id = fields.Many2one("product.product", check_company=True)
    purchase_line_id = fields.Many2one(
        "purchase.order.line", string="Purchase Order Line", check_company=True
    )
    purchase_id = fields.Many2one(
        related="purchase_line_id.order_id", store=True, string="Purchase Order"
    )
    qty_billed = fields.Float(string="Billed", digits="Product Unit of Measure")
    qty_received = fields.Float(string="Received", digits="Product Unit of Measure")
    qty_billable = fields.Float(
        string="To Bill",
        digits="Product Unit of Measure",
        help="Received and not billed yet by another posted or held bill.",
    )
    qty_gap = fields.Float(string="Quantity Gap", digits="Product Unit of Measure")
    price_ordered = fields.Monetary(
        string="Ordered Price", help="Net unit price, company currency."
    )
    price_billed = fields.Monetary(string="Billed Price", help="Net unit price, company currency.")
    price_gap = fields.Monetary(string="Price Gap (unit)")
    price_gap_percent = fields.Float(string="Price Gap (%)", digits=(16, 2))
    price_gap_amount = fields.Monetary(string="Price Gap")
    quantity_gap_amount = fields.Monetary(string="Quantity Gap (amount)")
    gap_amount = fields.Monetary(string="Gap", help="What the line's gaps cost.")
    reason_price = fields.Boolean(string="Price Beyond Tolerance")
    reason_quantity = fields.Boolean(string="Quantity Beyond Tolerance")
    reason_no_po = fields.Boolean(string="Without Purchase Order")
    within_tolerance = fields.Boolean(compute="_compute_within_tolerance", store=True)

    @api.depends("reason_price", "reason_quantity", "reason_no_po")
    def _compute_within_tolerance(self):
        for line in self:
            line.within_tolerance = not (
                line.reason_price or line.reason_quantity or line.reason_no_po
            )

    def _unifyx_check_flow(self):
        if not in_match_flow():
            raise AccessError(self.env._("Match lines are written by the three-way match only."))

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_flow()
        return super().create(vals_list)

    def write(self, vals):
        self._unifyx_check_flow()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_the_match_only(self):
        # The bill's own deletion takes them with it (ondelete cascade, in SQL).
        self._unifyx_check_flow()
