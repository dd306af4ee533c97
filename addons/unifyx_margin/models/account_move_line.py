# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

COST_GROUPS = "product_cost_security.group_product_cost"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    unifyx_margin_cost = fields.Monetary(
        string="Cost at Posting",
        currency_field="company_currency_id",
        readonly=True,
        copy=False,
        groups=COST_GROUPS,
        help="Cost of the invoiced quantity from its sale line's real (or, before "
        "delivery, expected) cost when the invoice was posted. Never recomputed.",
    )
    unifyx_margin = fields.Monetary(
        string="Invoiced Margin",
        currency_field="company_currency_id",
        readonly=True,
        copy=False,
        groups=COST_GROUPS,
        help="Revenue in the company currency minus the cost at posting.",
    )

    def _unifyx_fix_margin(self):
        """Store cost and margin of customer invoice lines when they are posted,
        whoever posts them (an accountant may not see costs)."""
        for aml in self.sudo():
            sale_line = aml.sale_line_ids[:1]
            if sale_line.qty_delivered > 0:
                unit_cost = sale_line.unifyx_real_cost / sale_line.qty_delivered
            elif sale_line.product_uom_qty:
                unit_cost = (
                    sale_line.unifyx_expected_cost + sale_line.unifyx_expected_freight
                ) / sale_line.product_uom_qty
            else:
                unit_cost = sale_line.unifyx_expected_unit_cost
            qty = aml.product_uom_id._compute_quantity(
                aml.quantity, sale_line.product_uom, raise_if_failure=False
            )
            sign = -1 if aml.move_id.move_type == "out_refund" else 1
            cost = aml.company_currency_id.round(sign * qty * unit_cost)
            aml.write({"unifyx_margin_cost": cost, "unifyx_margin": -aml.balance - cost})

    def _unifyx_invoiced_amounts(self):
        """(revenue invoiced net of credit notes, amount credited) of the posted
        product lines among these customer invoice lines, company currency."""
        posted = self.filtered(
            lambda aml: aml.parent_state == "posted" and aml.display_type == "product"
        )
        refunds = posted.filtered(lambda aml: aml.move_id.move_type == "out_refund")
        return -sum(posted.mapped("balance")), sum(refunds.mapped("balance"))

    @api.model
    def _unifyx_price_adjustments(self, products):
        """What posted vendor bill lines priced differently from their receipts
        add to the goods those receipts had already delivered: one dict per bill
        line (see stock.valuation.layer._unifyx_adjustments_after_delivery)."""
        bill_lines = self.sudo().search(
            [
                ("move_id.move_type", "=", "in_invoice"),
                ("parent_state", "=", "posted"),
                ("display_type", "=", "product"),
                ("product_id", "in", products.ids),
                ("purchase_line_id", "!=", False),
                ("move_id.unifyx_validated_layer_id", "!=", False),
            ]
        )
        if not bill_lines:
            return []
        booked = defaultdict(float)
        for row in (
            self.env["stock.valuation.layer"]
            .sudo()
            .search_read(
                [("account_move_line_id", "in", bill_lines.ids)], ["account_move_line_id", "value"]
            )
        ):
            booked[row["account_move_line_id"][0]] += row["value"]
        result = []
        for aml in bill_lines:
            receipts = aml.purchase_line_id.move_ids.filtered(
                lambda m: m.state == "done" and m.location_id.usage == "supplier"
            )
            layers = receipts.stock_valuation_layer_ids.filtered(
                lambda svl: not svl.stock_valuation_layer_id and svl.quantity > 0
            )
            layer_qty = sum(layers.mapped("quantity"))
            if not layer_qty:
                continue
            qty = aml.product_uom_id._compute_quantity(
                aml.quantity, aml.product_id.uom_id, raise_if_failure=False
            )
            if not qty:
                continue
            bill_unit = abs(aml.balance) / qty
            per_unit = bill_unit - sum(layers.mapped("value")) / layer_qty
            billed_qty = min(qty, layer_qty)
            result.append(
                {
                    "kind": "price_diff",
                    "product_id": aml.product_id.id,
                    "company_id": aml.company_id.id,
                    "first_layer_id": min(layers.ids),
                    "last_layer_id": aml.move_id.unifyx_validated_layer_id.id,
                    "per_unit": per_unit,
                    "out_amount": per_unit * billed_qty - booked[aml.id],
                }
            )
        return result
