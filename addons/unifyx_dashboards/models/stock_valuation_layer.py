# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

from ..tools.kpi import query, ratio


class StockValuationLayer(models.Model):
    _inherit = "stock.valuation.layer"

    def init(self):
        # The KPIs read a company's valuation layers by date (cost of goods
        # sold, stock value at a date, average costs): without this index every
        # layer and every move is read. A covering index on two columns, which
        # a field's index=True cannot declare.
        res = super().init()
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS unifyx_kpi_valuation_layer_date_index
                    ON stock_valuation_layer (company_id, create_date)
                    INCLUDE (product_id, stock_move_id, value, quantity)
                """
            )
        )
        return res

    @api.model
    def _unifyx_stock_value(self, company, at):
        """The company's stock value before ``at``."""
        ((value,),) = query(
            self.env,
            """
            SELECT COALESCE(sum(value), 0) FROM stock_valuation_layer
             WHERE company_id = %(company)s AND create_date < %(at)s
            """,
            {"company": company.id, "at": at},
        )
        return value

    # ----------------------------------------------------- KPIs (registry)
    @api.model
    def _unifyx_kpi_rotation(self, period):
        # Cost of goods sold: the value of the layers of deliveries to customers,
        # net of customer returns; over the average of the opening and closing
        # stock values. For the company, and for each warehouse: layers belong
        # to the company, not to a warehouse, so a warehouse's stock value at a
        # date is its quantities then at the product's average cost from the
        # layers until then; transfers between warehouses move value too.
        # Three small queries rather than one: each stays under PostgreSQL's
        # JIT threshold, whose compiling would cost more than the query.
        params = period.params
        cogs = dict(
            query(
                self.env,
                """
                SELECT COALESCE(src.warehouse_id, dst.warehouse_id), -sum(svl.value)
                  FROM stock_valuation_layer svl
                  JOIN stock_move sm ON sm.id = svl.stock_move_id
                  JOIN stock_location src ON src.id = sm.location_id
                  JOIN stock_location dst ON dst.id = sm.location_dest_id
                 WHERE svl.company_id = %(company)s
                   AND svl.create_date >= %(start)s AND svl.create_date < %(end)s
                   AND (dst.usage = 'customer' OR src.usage = 'customer')
                 GROUP BY 1
                """,
                params,
            )
        )
        # Per product: value and quantity of the layers before the start and the end.
        layers = query(
            self.env,
            """
            SELECT product_id,
                   COALESCE(sum(value) FILTER (WHERE create_date < %(start)s), 0),
                   COALESCE(sum(quantity) FILTER (WHERE create_date < %(start)s), 0),
                   sum(value), sum(quantity)
              FROM stock_valuation_layer
             WHERE company_id = %(company)s AND create_date < %(end)s
             GROUP BY product_id
            """,
            params,
        )
        opening = sum(row[1] for row in layers)
        closing = sum(row[3] for row in layers)
        unit_costs = {
            product: (
                opening_value / opening_qty if opening_qty else 0,
                closing_value / closing_qty if closing_qty else 0,
            )
            for product, opening_value, opening_qty, closing_value, closing_qty in layers
        }
        # Per warehouse and product: the quantities then, today's quants less
        # the moves into the warehouse (or plus those out of it) since.
        stock = query(
            self.env,
            """
            WITH loc AS (
                SELECT id, warehouse_id FROM stock_location
                 WHERE usage = 'internal' AND warehouse_id IS NOT NULL
                   AND company_id = %(company)s
            ), moves AS (
                SELECT sm.location_id, sm.location_dest_id, sm.product_id, sm.date,
                       sm.quantity / mu.factor * pu.factor AS qty
                  FROM stock_move sm
                  JOIN uom_uom mu ON mu.id = sm.product_uom
                  JOIN product_product pp ON pp.id = sm.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN uom_uom pu ON pu.id = pt.uom_id
                 WHERE sm.company_id = %(company)s AND sm.state = 'done'
                   AND sm.date >= %(start)s
            ), changes AS (
                SELECT loc.warehouse_id, sq.product_id, sq.quantity AS now,
                       0 AS since_start, 0 AS since_end
                  FROM stock_quant sq JOIN loc ON loc.id = sq.location_id
                UNION ALL
                SELECT loc.warehouse_id, m.product_id, 0, m.qty,
                       CASE WHEN m.date >= %(end)s THEN m.qty ELSE 0 END
                  FROM moves m JOIN loc ON loc.id = m.location_dest_id
                UNION ALL
                SELECT loc.warehouse_id, m.product_id, 0, -m.qty,
                       CASE WHEN m.date >= %(end)s THEN -m.qty ELSE 0 END
                  FROM moves m JOIN loc ON loc.id = m.location_id
            )
            SELECT warehouse_id, product_id,
                   sum(now) - sum(since_start), sum(now) - sum(since_end)
              FROM changes GROUP BY warehouse_id, product_id
            """,
            params,
        )
        values = {}
        for warehouse, product, opening_qty, closing_qty in stock:
            opening_cost, closing_cost = unit_costs.get(product, (0, 0))
            total = values.setdefault(warehouse, [0, 0])
            total[0] += float(opening_qty) * float(opening_cost)
            total[1] += float(closing_qty) * float(closing_cost)
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "=", params["company"])], order="id"
        )
        rows = [ratio(sum(cogs.values()), (float(opening) + float(closing)) / 2, percent=False)]
        for warehouse in warehouses:
            opening_value, closing_value = values.get(warehouse.id, (0, 0))
            average = (opening_value + closing_value) / 2
            rows.append(
                ratio(cogs.get(warehouse.id), average, percent=False, warehouse_id=warehouse.id)
            )
        return rows

    @api.model
    def _unifyx_kpi_rotation_domain(self, value):
        domain = value._kpi_period().domain("create_date")
        if value.warehouse_id:
            # The warehouse's layers: of the moves out of it or into it.
            domain += [
                "|",
                ("stock_move_id.location_id.warehouse_id", "=", value.warehouse_id.id),
                ("stock_move_id.location_dest_id.warehouse_id", "=", value.warehouse_id.id),
            ]
        return domain
