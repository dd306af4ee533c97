# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import float_is_zero


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def _apply_inventory(self):
        # Read before applying: a quant counted to zero may be gone after.
        counted = {
            quant.id: {
                "company_id": quant.company_id.id,
                "warehouse_id": quant.location_id.warehouse_id.id,
                "location_id": quant.location_id.id,
                "product_id": quant.product_id.id,
                "lot_id": quant.lot_id.id,
                "user_id": self.env.uid,
                "system_qty": quant.quantity,
                "counted_qty": quant.inventory_quantity,
                "difference": quant.inventory_quantity - quant.quantity,
                "value_difference": (quant.inventory_quantity - quant.quantity)
                # sudo: the operator who counts may not see costs.
                * quant.product_id.sudo().with_company(quant.company_id).standard_price,
                "has_difference": not float_is_zero(
                    quant.inventory_quantity - quant.quantity,
                    precision_rounding=quant.product_uom_id.rounding,
                ),
            }
            for quant in self
            if quant.inventory_quantity_set
        }
        res = super()._apply_inventory()
        # Quants held for approval (unifyx_approvals) keep their count set:
        # they are logged when the approved count is applied.
        still_set = self.exists().filtered("inventory_quantity_set").ids
        logs = [vals for quant_id, vals in counted.items() if quant_id not in still_set]
        if logs:
            self.env["unifyx.count.log"].sudo().create(logs)
        return res
