# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    unifyx_validated_layer_id = fields.Many2one(
        "stock.valuation.layer",
        string="Last Layer at Posting",
        readonly=True,
        copy=False,
        help="The newest valuation layer when the vendor bill was posted: deliveries up "
        "to it had left stock before the bill and take their share of its price "
        "difference in their real margin.",
    )

    def _post(self, soft=True):
        posted = super()._post(soft)
        posted.filtered(lambda m: m.move_type in ("out_invoice", "out_refund")).line_ids.filtered(
            lambda aml: aml.display_type == "product" and aml.sale_line_ids
        )._unifyx_fix_margin()
        bills = posted.filtered(lambda m: m.move_type in ("in_invoice", "in_refund"))
        if bills:
            last = self.env["stock.valuation.layer"]._unifyx_last_layer()
            bills.sudo().write({"unifyx_validated_layer_id": last.id})
            bills._unifyx_drifted_sale_lines()._unifyx_recompute_real_margin()
        return posted

    def _unifyx_drifted_sale_lines(self):
        """Sale lines delivered from the receipts these bills price: a price
        difference changes the cost of what those receipts still held."""
        receipts = self.invoice_line_ids.purchase_line_id.move_ids.filtered(
            lambda m: m.state == "done"
        )
        if not receipts:
            return self.env["sale.order.line"]
        return (
            self.env["stock.move"]
            .sudo()
            .search(
                [
                    ("product_id", "in", receipts.product_id.ids),
                    ("state", "=", "done"),
                    ("sale_line_id", "!=", False),
                    ("id", ">", min(receipts.ids)),
                ]
            )
            .sale_line_id
        )
