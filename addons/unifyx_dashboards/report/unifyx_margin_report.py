# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class UnifyxMarginReport(models.Model):
    """Margin analysis: one row per confirmed sale line, with the expected
    (quote-time) and real (delivered, returned, credited, freight and landed
    costs) figures of unifyx_margin, and the dimensions the distributor
    analyses by. Percentages are recomputed per group (see read_group)."""

    _name = "unifyx.margin.report"
    _description = "Margin Analysis"
    _auto = False
    _order = "date desc"
    # What the view reads: the ORM flushes these before querying it.
    _depends = {
        "sale.order": [
            "date_order",
            "company_id",
            "partner_id",
            "user_id",
            "team_id",
            "warehouse_id",
            "state",
        ],
        "sale.order.line": [
            "order_id",
            "product_id",
            "product_uom_qty",
            "display_type",
            "unifyx_expected_revenue",
            "unifyx_expected_cost",
            "unifyx_expected_margin",
            "unifyx_real_revenue",
            "unifyx_real_cost",
            "unifyx_real_margin",
            "unifyx_below_floor",
        ],
        "res.partner": ["commercial_partner_id", "unifyx_customer_segment_id"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["categ_id"],
    }

    date = fields.Datetime(string="Order Date", readonly=True)
    order_id = fields.Many2one("sale.order", string="Order", readonly=True)
    line_id = fields.Many2one("sale.order.line", string="Order Line", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Family", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    customer_segment_id = fields.Many2one(
        "unifyx.customer.segment", string="Customer Segment", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    quantity = fields.Float(readonly=True)
    expected_revenue = fields.Monetary(readonly=True)
    expected_cost = fields.Monetary(readonly=True)
    expected_margin = fields.Monetary(readonly=True)
    expected_margin_percent = fields.Float(
        string="Expected Margin (%)", aggregator="avg", readonly=True
    )
    revenue = fields.Monetary(string="Real Revenue", readonly=True)
    cost = fields.Monetary(string="Real Cost", readonly=True)
    margin = fields.Monetary(string="Real Margin", readonly=True)
    margin_percent = fields.Float(string="Real Margin (%)", aggregator="avg", readonly=True)
    below_floor = fields.Boolean(readonly=True)
    # Whole-history classifications: computed by one aggregate when a filter
    # asks for them, not by the view on every pivot.
    loss_customer = fields.Boolean(
        string="Loss-Making Customer",
        compute="_compute_classes",
        search="_search_loss_customer",
        help="The customer's real margin is negative.",
    )
    product_class = fields.Selection(
        [("star", "Star"), ("trap", "Trap"), ("other", "Other")],
        string="Star or Trap",
        compute="_compute_classes",
        search="_search_product_class",
        help="Products selling above the median revenue: stars earn the company's average "
        "margin or more, traps less.",
    )

    def init(self):
        # One flat SELECT (no CTE or outer query): PostgreSQL then estimates the
        # groups from the dimensions' statistics and aggregates by hashing
        # instead of sorting every line. The index lets it read the confirmed
        # lines' figures without their (wide) rows.
        self.env.cr.execute(
            SQL(
                """
            CREATE INDEX IF NOT EXISTS unifyx_margin_report_line_index
                ON sale_order_line (order_id)
                INCLUDE (product_id, product_uom_qty, unifyx_expected_revenue,
                         unifyx_expected_cost, unifyx_expected_margin, unifyx_real_revenue,
                         unifyx_real_cost, unifyx_real_margin, unifyx_below_floor)
             WHERE display_type IS NULL
            """
            )
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS
            SELECT sol.id, sol.id AS line_id, sol.order_id, so.date_order AS date,
                   so.company_id, c.currency_id, sol.product_id, pt.categ_id,
                   rp.commercial_partner_id AS partner_id,
                   crp.unifyx_customer_segment_id AS customer_segment_id,
                   so.user_id, so.team_id, so.warehouse_id,
                   sol.product_uom_qty AS quantity,
                   COALESCE(sol.unifyx_expected_revenue, 0) AS expected_revenue,
                   COALESCE(sol.unifyx_expected_cost, 0) AS expected_cost,
                   COALESCE(sol.unifyx_expected_margin, 0) AS expected_margin,
                   CASE WHEN sol.unifyx_expected_revenue != 0
                        THEN COALESCE(sol.unifyx_expected_margin, 0)
                             / sol.unifyx_expected_revenue * 100
                   END AS expected_margin_percent,
                   COALESCE(sol.unifyx_real_revenue, 0) AS revenue,
                   COALESCE(sol.unifyx_real_cost, 0) AS cost,
                   COALESCE(sol.unifyx_real_margin, 0) AS margin,
                   CASE WHEN sol.unifyx_real_revenue != 0
                        THEN COALESCE(sol.unifyx_real_margin, 0) / sol.unifyx_real_revenue * 100
                   END AS margin_percent,
                   COALESCE(sol.unifyx_below_floor, false) AS below_floor
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_company c ON c.id = so.company_id
              JOIN res_partner rp ON rp.id = so.partner_id
              JOIN res_partner crp ON crp.id = rp.commercial_partner_id
              JOIN product_product pp ON pp.id = sol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE so.state = 'sale' AND sol.display_type IS NULL
            """,
                SQL.identifier(self._table),
            )
        )

    def _loss_partners(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT company_id, partner_id FROM %s GROUP BY company_id, partner_id"
                " HAVING sum(margin) < 0",
                SQL.identifier(self._table),
            )
        )
        return set(self.env.cr.fetchall())

    def _product_classes(self):
        """{(company, product): 'star' | 'trap'} of the products selling above
        the median revenue of their company."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH products AS (
                    SELECT company_id, product_id, sum(revenue) AS revenue,
                           sum(margin) / NULLIF(sum(revenue), 0) AS rate
                      FROM %s GROUP BY company_id, product_id
                ), thresholds AS (
                    SELECT company_id,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY revenue) AS median,
                           sum(revenue * rate) / NULLIF(sum(revenue), 0) AS average_rate
                      FROM products GROUP BY company_id
                )
                SELECT p.company_id, p.product_id,
                       CASE WHEN p.rate >= t.average_rate THEN 'star' ELSE 'trap' END
                  FROM products p JOIN thresholds t ON t.company_id = p.company_id
                 WHERE p.revenue >= t.median
                """,
                SQL.identifier(self._table),
            )
        )
        return {(company, product): kind for company, product, kind in self.env.cr.fetchall()}

    def _compute_classes(self):
        losers = self._loss_partners()
        classes = self._product_classes()
        for row in self:
            row.loss_customer = (row.company_id.id, row.partner_id.id) in losers
            row.product_class = classes.get((row.company_id.id, row.product_id.id), "other")

    def _search_loss_customer(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        partners = [partner for _company, partner in self._loss_partners()]
        wanted = (operator == "=") == bool(value)
        return [("partner_id", "in" if wanted else "not in", partners)]

    def _search_product_class(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        classes = self._product_classes()
        if value == "other":
            products = list({product for _company, product in classes})
            inside = "not in"
        else:
            products = [product for (_c, product), kind in classes.items() if kind == value]
            inside = "in"
        if operator == "!=":
            inside = "not in" if inside == "in" else "in"
        return [("product_id", inside, products)]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        pairs = (
            ("margin_percent", "margin", "revenue"),
            ("expected_margin_percent", "expected_margin", "expected_revenue"),
        )
        # A group's margin % is its margin over its revenue, not the average
        # of its lines' percentages: the percentages are left out of the SQL
        # aggregate (a wasted expression per line), unless sorted on, and
        # derived per group.
        percents = {percent for percent, _m, _r in pairs if percent not in (orderby or "")}
        names = {spec.split(":")[0] for spec in fields}
        extra = [
            name
            for percent, margin, revenue in pairs
            if percent in names
            for name in (margin, revenue)
            if name not in names
        ]
        # Grouped by many2ones only (customer, family, product...), unsorted
        # and unlimited as the pivot asks: ordering in SQL by the comodels'
        # orders (names) joins them before aggregating every line and makes
        # PostgreSQL sort them all; the groups are sorted here instead.
        specs = [groupby] if isinstance(groupby, str) else list(groupby or [])
        specs = specs[:1] if lazy else specs
        by_key = bool(specs) and not (orderby or offset or limit)
        by_key = by_key and all(
            getattr(self._fields.get(spec), "type", None) == "many2one" for spec in specs
        )
        model = self.with_context(unifyx_order_by_key=True) if by_key else self
        groups = super(UnifyxMarginReport, model).read_group(
            domain,
            [spec for spec in fields if spec.split(":")[0] not in percents] + extra,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        for group in groups:
            for percent, margin, revenue in pairs:
                if percent in names:
                    group[percent] = group[margin] / group[revenue] * 100 if group[revenue] else 0.0
        return self._sort_groups(groups, specs) if by_key else groups

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        if self.env.context.get("unifyx_order_by_key"):
            return SQL()
        return super()._read_group_orderby(order, groupby_terms, query)

    @api.model
    def _sort_groups(self, groups, specs):
        """``groups`` in the order of their many2one ``specs``' comodels, empty
        values last, as SQL would have sorted them."""
        ranks = {}
        for spec in specs:
            field = self._fields[spec]
            ids = {group[spec][0] for group in groups if group[spec]}
            records = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "in", list(ids))])
            )
            ranks[spec] = {record_id: rank for rank, record_id in enumerate(records.ids)}

        def key(group):
            return tuple(
                ranks[spec].get(group[spec][0], len(ranks[spec])) if group[spec] else len(groups)
                for spec in specs
            )

        return sorted(groups, key=key)
