# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The vendor scorecard: one read-only row per company, vendor and month,
computed in one SQL view from the records that measure it (receipt moves,
purchase lines, vendor prices, inspections), so it is always current and is
read in one query whatever the number of vendors.

Month keys: receipts and prices by the receipt's date, quantity accuracy by the
purchase line's promised date, rejects by the inspection's decision date."""

from odoo import api, fields, models, tools
from odoo.tools import SQL

SCORECARD_QUERY = """
WITH receipt_lines AS (
    SELECT m.company_id,
           rp.commercial_partner_id AS partner_id,
           date_trunc('month', m.date)::date AS month,
           m.product_id,
           m.product_qty AS qty,
           (m.date::date <= pol.date_planned::date) AS on_time,
           EXTRACT(EPOCH FROM (m.date - po.date_approve)) / 86400.0 AS lead_days,
           -- the unit price paid per product unit, in the company's currency
           pol.price_unit * pol.product_qty / NULLIF(pol.product_uom_qty, 0)
               / COALESCE(NULLIF(po.currency_rate, 0), 1) AS price,
           vendor_price.price AS list_price
      FROM stock_move m
      JOIN stock_location src ON src.id = m.location_id AND src.usage = 'supplier'
      JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
      JOIN purchase_order po ON po.id = pol.order_id
      JOIN res_partner rp ON rp.id = po.partner_id
      JOIN product_product pp ON pp.id = m.product_id
      LEFT JOIN LATERAL (
          -- the vendor's price (vendor pricelist, blanket order) valid that day
          SELECT si.price
            FROM product_supplierinfo si
           WHERE si.partner_id IN (po.partner_id, rp.commercial_partner_id)
             AND (si.product_id = m.product_id
                  OR (si.product_id IS NULL AND si.product_tmpl_id = pp.product_tmpl_id))
             AND (si.company_id IS NULL OR si.company_id = m.company_id)
             AND (si.date_start IS NULL OR si.date_start <= m.date::date)
             AND (si.date_end IS NULL OR si.date_end >= m.date::date)
             AND si.min_qty <= pol.product_qty
           ORDER BY si.product_id IS NULL, si.min_qty DESC, si.price
           LIMIT 1
      ) vendor_price ON TRUE
     WHERE m.state = 'done' AND m.origin_returned_move_id IS NULL
),
receipts AS (
    SELECT company_id, partner_id, month,
           COUNT(*) AS receipt_count,
           COUNT(*) FILTER (WHERE on_time) AS on_time_count,
           AVG(lead_days) AS lead_time_days,
           SUM(qty * (price - list_price)) FILTER (WHERE list_price IS NOT NULL) AS contract_gap,
           SUM(qty * list_price) FILTER (WHERE list_price IS NOT NULL) AS contract_base
      FROM receipt_lines
     GROUP BY company_id, partner_id, month
),
product_prices AS (
    SELECT company_id, partner_id, month, product_id,
           SUM(qty) AS qty,
           SUM(qty * price) / NULLIF(SUM(qty), 0) AS avg_price
      FROM receipt_lines
     GROUP BY company_id, partner_id, month, product_id
),
price_drift AS (
    -- each product against the last earlier month it came from that vendor
    SELECT company_id, partner_id, month,
           SUM(qty * (avg_price - prev_price)) AS drift_gap,
           SUM(qty * prev_price) AS drift_base
      FROM (
          SELECT pp.*,
                 LAG(avg_price) OVER (
                     PARTITION BY company_id, partner_id, product_id ORDER BY month
                 ) AS prev_price
            FROM product_prices pp
      ) priced
     WHERE prev_price IS NOT NULL
     GROUP BY company_id, partner_id, month
),
due_lines AS (
    SELECT po.company_id,
           rp.commercial_partner_id AS partner_id,
           date_trunc('month', pol.date_planned)::date AS month,
           SUM(pol.product_qty) AS qty_ordered,
           SUM(pol.qty_received) AS qty_received,
           SUM(LEAST(pol.qty_received, pol.product_qty)) AS qty_matched,
           SUM(GREATEST(pol.qty_received, pol.product_qty)) AS qty_span
      FROM purchase_order_line pol
      JOIN purchase_order po ON po.id = pol.order_id
      JOIN res_partner rp ON rp.id = po.partner_id
      JOIN product_product pp ON pp.id = pol.product_id
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE po.state IN ('purchase', 'done')
       AND pt.is_storable
       AND pol.display_type IS NULL
       AND pol.date_planned <= (NOW() AT TIME ZONE 'UTC')
     GROUP BY po.company_id, rp.commercial_partner_id, date_trunc('month', pol.date_planned)
),
inspections AS (
    SELECT i.company_id,
           i.unifyx_vendor_id AS partner_id,
           date_trunc('month', i.date_done)::date AS month,
           SUM(i.qty) AS qty_inspected,
           SUM(CASE WHEN i.state = 'failed' THEN i.unifyx_rejected_qty ELSE 0 END) AS qty_rejected
      FROM qc_inspection i
     WHERE i.state IN ('success', 'failed')
       AND i.unifyx_vendor_id IS NOT NULL
       AND i.date_done IS NOT NULL
       AND i.company_id IS NOT NULL
     GROUP BY i.company_id, i.unifyx_vendor_id, date_trunc('month', i.date_done)
),
keys AS (
    SELECT company_id, partner_id, month FROM receipts
    UNION SELECT company_id, partner_id, month FROM due_lines
    UNION SELECT company_id, partner_id, month FROM inspections
),
figures AS (
    SELECT k.company_id, k.partner_id, k.month,
           COALESCE(r.receipt_count, 0) AS receipt_count,
           COALESCE(r.on_time_count, 0) AS on_time_count,
           100.0 * r.on_time_count / NULLIF(r.receipt_count, 0) AS on_time_rate,
           COALESCE(d.qty_ordered, 0) AS qty_ordered,
           COALESCE(d.qty_received, 0) AS qty_received,
           100.0 * d.qty_matched / NULLIF(d.qty_span, 0) AS quantity_accuracy,
           COALESCE(q.qty_inspected, 0) AS qty_inspected,
           COALESCE(q.qty_rejected, 0) AS qty_rejected,
           100.0 * q.qty_rejected / NULLIF(q.qty_inspected, 0) AS reject_rate,
           100.0 * p.drift_gap / NULLIF(p.drift_base, 0) AS price_drift_previous,
           100.0 * r.contract_gap / NULLIF(r.contract_base, 0) AS price_drift_contract,
           r.lead_time_days
      FROM keys k
      LEFT JOIN receipts r USING (company_id, partner_id, month)
      LEFT JOIN due_lines d USING (company_id, partner_id, month)
      LEFT JOIN inspections q USING (company_id, partner_id, month)
      LEFT JOIN price_drift p USING (company_id, partner_id, month)
),
scored AS (
    -- the service score: the mean of the rates the month has
    SELECT f.*,
           (COALESCE(on_time_rate, 0) + COALESCE(quantity_accuracy, 0)
                + COALESCE(100.0 - reject_rate, 0))
           / NULLIF((on_time_rate IS NOT NULL)::int + (quantity_accuracy IS NOT NULL)::int
                + (reject_rate IS NOT NULL)::int, 0) AS score
      FROM figures f
)
SELECT ROW_NUMBER() OVER (ORDER BY company_id, month, partner_id) AS id,
       s.*,
       RANK() OVER (PARTITION BY company_id, month ORDER BY score DESC NULLS LAST) AS rank
  FROM scored s
"""


class UnifyxVendorScorecard(models.Model):
    _name = "unifyx.vendor.scorecard"
    _description = "Vendor scorecard (per vendor and month)"
    _auto = False
    _order = "month desc, rank, partner_id"
    _rec_name = "partner_id"

    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Vendor", readonly=True)
    month = fields.Date(readonly=True)
    receipt_count = fields.Integer("Receipt Lines", readonly=True)
    on_time_count = fields.Integer("On Time", readonly=True)
    on_time_rate = fields.Float("On Time (%)", readonly=True, aggregator="avg")
    qty_ordered = fields.Float("Ordered Quantity", readonly=True)
    qty_received = fields.Float("Received Quantity", readonly=True)
    quantity_accuracy = fields.Float("Quantity Accuracy (%)", readonly=True, aggregator="avg")
    qty_inspected = fields.Float("Inspected Quantity", readonly=True)
    qty_rejected = fields.Float("Rejected Quantity", readonly=True)
    reject_rate = fields.Float("Reject Rate (%)", readonly=True, aggregator="avg")
    price_drift_previous = fields.Float(
        "Price Drift vs Previous (%)", readonly=True, aggregator="avg"
    )
    price_drift_contract = fields.Float(
        "Price Drift vs Vendor Price (%)", readonly=True, aggregator="avg"
    )
    lead_time_days = fields.Float("Lead Time (days)", readonly=True, aggregator="avg")
    score = fields.Float(readonly=True, aggregator="avg")
    rank = fields.Integer(readonly=True, aggregator="min")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(SCORECARD_QUERY),
            )
        )

    @api.model
    def _unifyx_latest(self, partners, company):
        """{partner id: its latest scorecard row in ``company``}"""
        rows = self.search(
            [("partner_id", "in", partners.ids), ("company_id", "=", company.id)],
            order="month desc",
        )
        latest = {}
        for row in rows:
            latest.setdefault(row.partner_id.id, row)
        return latest
