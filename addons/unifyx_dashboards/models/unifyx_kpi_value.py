# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The distributor's KPIs (``domain.md``), one stored row per company, period
(month) and KPI: dashboards and trends read this table, never recompute.
Each value keeps its numerator and denominator, and opens the records behind it."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

KPIS = [
    ("on_time_delivery", "On-time delivery (%)"),
    ("discrepancy_count", "Inventory discrepancy, counted lines (%)"),
    ("discrepancy_value", "Inventory discrepancy, value (%)"),
    ("sale_to_confirm", "Sales: created to confirmed (median days)"),
    ("sale_to_deliver", "Sales: confirmed to delivered (median days)"),
    ("sale_to_invoice", "Sales: delivered to invoiced (median days)"),
    ("purchase_to_confirm", "Purchases: RFQ to confirmed (median days)"),
    ("purchase_to_receive", "Purchases: confirmed to received (median days)"),
    ("purchase_to_bill", "Purchases: received to billed (median days)"),
    ("close_duration", "Month-end close (days)"),
    ("rotation", "Stock rotation"),
    ("slow_moving_value", "Slow-moving stock value"),
    ("open_backorders", "Open backorders"),
]
# Measured only for the current period: the state of stock now.
SNAPSHOT_KPIS = {"slow_moving_value", "open_backorders"}
SLOW_DAYS = 90


class UnifyxKpiValue(models.Model):
    _name = "unifyx.kpi.value"
    _description = "KPI Value"
    _order = "date_from desc, kpi, warehouse_id"
    _rec_name = "kpi"

    kpi = fields.Selection(KPIS, string="KPI", required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    date_from = fields.Date(string="Period", required=True, index=True)
    date_to = fields.Date(string="Period End", required=True)
    value = fields.Float(aggregator="avg", digits=(16, 2))
    numerator = fields.Float(digits=(16, 2))
    denominator = fields.Float(digits=(16, 2))

    _sql_constraints = [
        (
            "kpi_period_uniq",
            "unique(kpi, company_id, warehouse_id, date_from)",
            "One value per KPI, company, warehouse and period.",
        )
    ]

    def init(self):
        # The KPIs read a company's valuation layers by date (cost of goods
        # sold, stock value at a date, average costs): without this index every
        # layer and every move is read.
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS unifyx_kpi_valuation_layer_date_index
                    ON stock_valuation_layer (company_id, create_date)
                    INCLUDE (product_id, stock_move_id, value, quantity)
                """
            )
        )

    # ------------------------------------------------------------- refreshing
    @api.model
    def _refresh(self, companies=None, months=12, today=None):
        """Recompute the last ``months`` months (the current one included)."""
        today = today or fields.Date.context_today(self)
        companies = companies or self.env["res.company"].search([])
        first = today.replace(day=1)
        for company in companies:
            for back in range(months):
                date_from = first - relativedelta(months=back)
                date_to = date_from + relativedelta(months=1, days=-1)
                self._store(company, date_from, date_to, self._compute(company, date_from, date_to))
        return True

    @api.model
    def _cron_refresh(self):
        return self._refresh()

    def action_refresh(self):
        self.env["unifyx.kpi.value"].sudo()._refresh(self.env.companies)
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _store(self, company, date_from, date_to, rows):
        """Upsert the period's rows; a value the refresh measured and no longer
        finds (a warehouse without slow movers now) is removed, not left stale."""
        existing = self.sudo().search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)]
        )
        by_key = {(v.kpi, v.warehouse_id.id): v for v in existing}
        new = []
        for row in rows:
            vals = dict(row, company_id=company.id, date_from=date_from, date_to=date_to)
            current = by_key.pop((row["kpi"], row.get("warehouse_id") or False), None)
            if current:
                current.write(vals)
            else:
                new.append(vals)
        self.sudo().create(new)
        measured = self._measured_kpis(date_from, date_to)
        self.sudo().browse(v.id for key, v in by_key.items() if key[0] in measured).unlink()

    @api.model
    def _measured_kpis(self, date_from, date_to):
        """The KPIs a refresh of the period measures: snapshots of the stock
        only in the current period; past snapshots stay as they were taken."""
        kpis = {code for code, _label in KPIS}
        if not date_from <= fields.Date.context_today(self) <= date_to:
            kpis -= SNAPSHOT_KPIS
        return kpis

    @api.model
    def _compute(self, company, date_from, date_to):
        """[{kpi, value, numerator, denominator[, warehouse_id]}] of one period."""
        start = fields.Datetime.to_datetime(date_from)
        end = fields.Datetime.to_datetime(date_to + relativedelta(days=1))
        params = {"company": company.id, "start": start, "end": end}
        rows = []
        rows += self._on_time_delivery(params)
        rows += self._discrepancy(params)
        rows += self._cycle_times(params)
        rows += self._close_duration(company, date_to)
        rows += self._rotation(params)
        if SNAPSHOT_KPIS <= self._measured_kpis(date_from, date_to):
            rows += self._slow_moving(params)
            rows += self._open_backorders(params)
        return rows

    def _query(self, code, params, **parts):
        """Run ``code`` (a literal with %(name)s placeholders) with ``params``
        as values and ``parts`` as SQL fragments (SQL objects)."""
        self.env.flush_all()
        self.env.cr.execute(SQL(code, **params, **parts))
        return self.env.cr.fetchall()

    @staticmethod
    def _ratio(kpi, numerator, denominator, percent=True):
        numerator, denominator = float(numerator or 0), float(denominator or 0)
        value = numerator / denominator * (100 if percent else 1) if denominator else 0.0
        return {"kpi": kpi, "value": value, "numerator": numerator, "denominator": denominator}

    # ---------------------------------------------------------------- the KPIs
    def _on_time_delivery(self, params):
        # Promised: the order's commitment date, else the delivery's deadline,
        # else the date it was scheduled for when the order was confirmed.
        ((total, on_time),) = self._query(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE sp.date_done::date <= COALESCE(
                       so.commitment_date, sp.date_deadline, sp.scheduled_date)::date)
              FROM stock_picking sp
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
              JOIN sale_order so ON so.id = sp.sale_id
             WHERE sp.state = 'done' AND spt.code = 'outgoing'
               AND sp.company_id = %(company)s
               AND sp.date_done >= %(start)s AND sp.date_done < %(end)s
            """,
            params,
        )
        return [self._ratio("on_time_delivery", on_time, total)]

    def _discrepancy(self, params):
        ((lines, differing, value),) = self._query(
            """
            SELECT count(*), count(*) FILTER (WHERE has_difference),
                   COALESCE(sum(abs(value_difference)), 0)
              FROM unifyx_count_log
             WHERE company_id = %(company)s AND date >= %(start)s AND date < %(end)s
            """,
            params,
        )
        return [
            self._ratio("discrepancy_count", differing, lines),
            self._ratio("discrepancy_value", value, self._stock_value(params, "end")),
        ]

    def _stock_value(self, params, at):
        ((value,),) = self._query(
            """
            SELECT COALESCE(sum(value), 0) FROM stock_valuation_layer
             WHERE company_id = %(company)s AND create_date < %(at)s
            """,
            {"company": params["company"], "at": params[at]},
        )
        return value

    def _median(self, kpi, days, params, **parts):
        """Median and count of the ``days`` query's single column."""
        ((median, count),) = self._query(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days), count(*) FROM (%(days)s) t",
            {},
            days=SQL(days, **params, **parts),
        )
        return {
            "kpi": kpi,
            "value": float(median or 0.0),
            "numerator": float(median or 0.0),
            "denominator": count,
        }

    def _cycle_times(self, params):
        # Orders whose deliveries (receipts) are all done or cancelled, with the
        # date of the last one.
        delivered = SQL(
            """
            SELECT so.id, so.date_order, max(sp.date_done) AS done
              FROM sale_order so
              JOIN stock_picking sp ON sp.sale_id = so.id
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
             WHERE so.company_id = %(company)s AND so.state = 'sale' AND spt.code = 'outgoing'
             GROUP BY so.id
            HAVING bool_and(sp.state IN ('done', 'cancel')) AND max(sp.date_done) IS NOT NULL
            """,
            **params,
        )
        received = SQL(
            """
            SELECT po.id, po.date_approve, max(sp.date_done) AS done
              FROM purchase_order po
              JOIN purchase_order_line pol ON pol.order_id = po.id
              JOIN stock_move sm ON sm.purchase_line_id = pol.id
              JOIN stock_picking sp ON sp.id = sm.picking_id
             WHERE po.company_id = %(company)s AND po.state IN ('purchase', 'done')
             GROUP BY po.id
            HAVING bool_and(sp.state IN ('done', 'cancel')) AND max(sp.date_done) IS NOT NULL
            """,
            **params,
        )
        return [
            self._median(
                "sale_to_confirm",
                """SELECT EXTRACT(EPOCH FROM date_order - create_date) / 86400.0 AS days
                     FROM sale_order
                    WHERE company_id = %(company)s AND state = 'sale'
                      AND date_order >= %(start)s AND date_order < %(end)s""",
                params,
            ),
            self._median(
                "sale_to_deliver",
                """SELECT EXTRACT(EPOCH FROM done - date_order) / 86400.0 AS days
                     FROM (%(delivered)s) d WHERE done >= %(start)s AND done < %(end)s""",
                params,
                delivered=delivered,
            ),
            self._median(
                "sale_to_invoice",
                """SELECT min(am.invoice_date) - d.done::date AS days
                     FROM (%(delivered)s) d
                     JOIN sale_order_line sol ON sol.order_id = d.id
                     JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                     JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                     JOIN account_move am ON am.id = aml.move_id
                    WHERE am.state = 'posted' AND am.move_type = 'out_invoice'
                    GROUP BY d.id, d.done
                   HAVING min(am.invoice_date) >= %(start)s::date
                      AND min(am.invoice_date) < %(end)s::date""",
                params,
                delivered=delivered,
            ),
            self._median(
                "purchase_to_confirm",
                """SELECT EXTRACT(EPOCH FROM date_approve - create_date) / 86400.0 AS days
                     FROM purchase_order
                    WHERE company_id = %(company)s AND state IN ('purchase', 'done')
                      AND date_approve >= %(start)s AND date_approve < %(end)s""",
                params,
            ),
            self._median(
                "purchase_to_receive",
                """SELECT EXTRACT(EPOCH FROM done - date_approve) / 86400.0 AS days
                     FROM (%(received)s) r WHERE done >= %(start)s AND done < %(end)s""",
                params,
                received=received,
            ),
            self._median(
                "purchase_to_bill",
                """SELECT min(am.invoice_date) - r.done::date AS days
                     FROM (%(received)s) r
                     JOIN purchase_order_line pol ON pol.order_id = r.id
                     JOIN account_move_line aml ON aml.purchase_line_id = pol.id
                     JOIN account_move am ON am.id = aml.move_id
                    WHERE am.state = 'posted' AND am.move_type = 'in_invoice'
                    GROUP BY r.id, r.done
                   HAVING min(am.invoice_date) >= %(start)s::date
                      AND min(am.invoice_date) < %(end)s::date""",
                params,
                received=received,
            ),
        ]

    def _close_duration(self, company, date_to):
        # The first time a lock date covering the period's last day was set.
        log = (
            self.env["unifyx.lock.date.log"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("lock_field", "in", ("fiscalyear_lock_date", "hard_lock_date")),
                    ("new_date", ">=", date_to),
                ],
                order="date",
                limit=1,
            )
        )
        if not log:
            return []
        days = (log.date.date() - date_to).days
        return [{"kpi": "close_duration", "value": days, "numerator": days, "denominator": 1}]

    def _rotation(self, params):
        # Cost of goods sold: the value of the layers of deliveries to customers,
        # net of customer returns; over the average of the opening and closing
        # stock values. For the company, and for each warehouse: layers belong
        # to the company, not to a warehouse, so a warehouse's stock value at a
        # date is its quantities then at the product's average cost from the
        # layers until then; transfers between warehouses move value too.
        # Three small queries rather than one: each stays under PostgreSQL's
        # JIT threshold, whose compiling would cost more than the query.
        cogs = dict(
            self._query(
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
        layers = self._query(
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
        stock = self._query(
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
        rows = [
            self._ratio(
                "rotation", sum(cogs.values()), (float(opening) + float(closing)) / 2, percent=False
            )
        ]
        for warehouse in warehouses:
            opening_value, closing_value = values.get(warehouse.id, (0, 0))
            average = (opening_value + closing_value) / 2
            rows.append(
                dict(
                    self._ratio("rotation", cogs.get(warehouse.id), average, percent=False),
                    warehouse_id=warehouse.id,
                )
            )
        return rows

    def _slow_moving(self, params):
        params = dict(params, slow_days=SLOW_DAYS)
        rows = self._query(
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
            params,
        )
        return [
            {
                "kpi": "slow_moving_value",
                "warehouse_id": warehouse_id,
                "value": float(value),
                "numerator": float(value),
                "denominator": count,
            }
            for warehouse_id, value, count in rows
        ]

    def _open_backorders(self, params):
        ((count,),) = self._query(
            """
            SELECT count(*) FROM stock_picking
             WHERE company_id = %(company)s AND backorder_id IS NOT NULL
               AND state NOT IN ('done', 'cancel')
            """,
            params,
        )
        return [{"kpi": "open_backorders", "value": count, "numerator": count, "denominator": 1}]

    # ------------------------------------------------------------- drill-down
    def action_open_records(self):
        """The records behind this value."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to + relativedelta(days=1))
        company = [("company_id", "=", self.company_id.id)]
        targets = {
            "on_time_delivery": (
                "stock.picking",
                company
                + [
                    ("state", "=", "done"),
                    ("picking_type_code", "=", "outgoing"),
                    ("sale_id", "!=", False),
                    ("date_done", ">=", start),
                    ("date_done", "<", end),
                ],
            ),
            "sale_to_confirm": (
                "sale.order",
                company
                + [("state", "=", "sale"), ("date_order", ">=", start), ("date_order", "<", end)],
            ),
            "purchase_to_confirm": (
                "purchase.order",
                company + [("date_approve", ">=", start), ("date_approve", "<", end)],
            ),
            "close_duration": ("unifyx.lock.date.log", company),
            "open_backorders": (
                "stock.picking",
                company + [("backorder_id", "!=", False), ("state", "not in", ("done", "cancel"))],
            ),
            "slow_moving_value": (
                "stock.quant",
                company
                + [("location_id.usage", "=", "internal")]
                + ([("warehouse_id", "=", self.warehouse_id.id)] if self.warehouse_id else []),
            ),
        }
        counts = ("unifyx.count.log", company + [("date", ">=", start), ("date", "<", end)])
        targets.update(discrepancy_count=counts, discrepancy_value=counts)
        for kpi in ("sale_to_deliver", "sale_to_invoice"):
            targets[kpi] = ("sale.order", company + [("state", "=", "sale")])
        for kpi in ("purchase_to_receive", "purchase_to_bill"):
            targets[kpi] = ("purchase.order", company + [("state", "in", ("purchase", "done"))])
        layers = company + [("create_date", ">=", start), ("create_date", "<", end)]
        if self.warehouse_id:
            # The warehouse's layers: of the moves out of it or into it.
            layers += [
                "|",
                ("stock_move_id.location_id.warehouse_id", "=", self.warehouse_id.id),
                ("stock_move_id.location_dest_id.warehouse_id", "=", self.warehouse_id.id),
            ]
        targets["rotation"] = ("stock.valuation.layer", layers)
        model, domain = targets[self.kpi]
        return {
            "type": "ir.actions.act_window",
            "name": dict(KPIS)[self.kpi],
            "res_model": model,
            "domain": domain,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
        }
