# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class UnifyxSupplierPriceReport(models.Model):
    """Supplier cost drift: the average purchase price of each product from each
    vendor per month, in the company currency, against the month before and
    against the cost the margins use today."""

    _name = "unifyx.supplier.price.report"
    _description = "Supplier Cost Drift"
    _auto = False
    _order = "date desc, product_id"
    # What the view reads: the ORM flushes these before querying it.
    _depends = {
        "purchase.order": ["date_approve", "company_id", "partner_id", "state", "currency_rate"],
        "purchase.order.line": [
            "order_id",
            "product_id",
            "product_qty",
            "price_subtotal",
            "display_type",
        ],
        "product.product": ["product_tmpl_id", "standard_price"],
        "product.template": ["categ_id"],
    }

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Vendor", readonly=True)
    quantity = fields.Float(readonly=True)
    amount = fields.Monetary(string="Purchased", readonly=True)
    price = fields.Monetary(string="Average Price", aggregator="avg", readonly=True)
    previous_price = fields.Monetary(
        string="Previous Month's Price", aggregator="avg", readonly=True
    )
    change = fields.Float(string="Change vs Previous (%)", aggregator="avg", readonly=True)
    cost = fields.Monetary(string="Cost Used in Margins", aggregator="avg", readonly=True)
    change_vs_cost = fields.Float(string="Price vs Cost (%)", aggregator="avg", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
            WITH monthly AS (
                SELECT date_trunc('month', po.date_approve)::date AS date,
                       po.company_id, pol.product_id, po.partner_id,
                       sum(pol.product_qty) AS quantity,
                       sum(pol.price_subtotal / COALESCE(NULLIF(po.currency_rate, 0), 1)) AS amount
                  FROM purchase_order_line pol
                  JOIN purchase_order po ON po.id = pol.order_id
                 WHERE po.state IN ('purchase', 'done') AND pol.display_type IS NULL
                   AND pol.product_qty > 0
                 GROUP BY 1, 2, 3, 4
            ), priced AS (
                SELECT m.*, m.amount / m.quantity AS price,
                       lag(m.amount / m.quantity) OVER (
                           PARTITION BY m.company_id, m.product_id, m.partner_id
                           ORDER BY m.date) AS previous_price
                  FROM monthly m
            )
            SELECT row_number() OVER (ORDER BY p.date, p.product_id, p.partner_id) AS id,
                   p.date, p.company_id, c.currency_id, p.product_id, pt.categ_id,
                   p.partner_id, p.quantity, p.amount, p.price, p.previous_price,
                   CASE WHEN p.previous_price > 0
                        THEN (p.price - p.previous_price) / p.previous_price * 100 END AS change,
                   (pp.standard_price ->> p.company_id::text)::numeric AS cost,
                   CASE WHEN (pp.standard_price ->> p.company_id::text)::numeric > 0
                        THEN (p.price / (pp.standard_price ->> p.company_id::text)::numeric - 1)
                             * 100 END AS change_vs_cost
              FROM priced p
              JOIN res_company c ON c.id = p.company_id
              JOIN product_product pp ON pp.id = p.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
            )
            """,
                SQL.identifier(self._table),
            )
        )
