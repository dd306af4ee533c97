# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import float_is_zero

from ..tools.kpi import measure, query

# A product is a slow mover in a warehouse after this many days without leaving it.
SLOW_DAYS = 90


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

    # ----------------------------------------------------- KPIs (registry)
    @api.model
    def _unifyx_kpi_slow_moving_value(self, period):
        rows = query(
            self.env,
            """
            WITH unit AS (
                SELECT product_id, sum(value) / NULLIF(sum(quantity), 0) AS cost
                  FROM stock_valuation_layer WHERE company_id = %(company)s
                 GROUP BY product_id
            ), stock AS (
                SELECT sl.warehouse_id, sq.product_id, sum(sq.quantity) AS qty
                  FROM stock_quant sq JOIN stock_location sl ON sl.id = sq.location_id
                 WHERE sq.company_id = %(company)s AND sl.usage = 'internal'
                   AND sl.warehouse_id IS NOT NULL
                 GROUP BY sl.warehouse_id, sq.product_id HAVING sum(sq.quantity) > 0
            )
            SELECT s.warehouse_id, COALESCE(sum(s.qty * COALESCE(u.cost, 0)), 0), count(*)
              FROM stock s LEFT JOIN unit u ON u.product_id = s.product_id
             WHERE NOT EXISTS (
                   SELECT 1 FROM stock_move sm
                     JOIN stock_location src ON src.id = sm.location_id
                     JOIN stock_location dst ON dst.id = sm.location_dest_id
                    WHERE sm.product_id = s.product_id AND sm.state = 'done'
                      AND src.warehouse_id = s.warehouse_id
                      AND (dst.warehouse_id IS NULL OR dst.warehouse_id != s.warehouse_id)
                      AND sm.date >= now() - make_interval(days => %(slow_days)s))
             GROUP BY s.warehouse_id
            """,
            dict(period.params, slow_days=SLOW_DAYS),
        )
        return [
            measure(value, value, count, warehouse_id=warehouse_id)
            for warehouse_id, value, count in rows
        ]

    @api.model
    def _unifyx_kpi_slow_moving_value_domain(self, value):
        domain = [("company_id", "=", value.company_id.id), ("location_id.usage", "=", "internal")]
        if value.warehouse_id:
            domain += [("warehouse_id", "=", value.warehouse_id.id)]
        return domain
