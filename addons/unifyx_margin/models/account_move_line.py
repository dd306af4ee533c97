# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

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
