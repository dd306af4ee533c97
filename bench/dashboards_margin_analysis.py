"""Benchmark: the margin analysis and the KPIs on a large sales history.

    python3 bench/dashboards_margin_analysis.py [--lines 1000000 --orders 20000]

The data generator copies the demo distributor's confirmed sale lines in SQL
(generate_series) into --orders orders and --lines lines spread over customers,
products and the last 12 months, margins included (the read side is measured,
not the ORM's writing). Then it times, in one run:
- the margin analysis grouped by customer x product family, and by month, through
  the report's read_group (what the pivot calls);
- the same aggregates in hand-written SQL on sale_order_line;
- each KPI of the current month.
Printed: both times of each grouping, each KPI's time, and last
ratio=<ours/baseline> of the summed groupings (target: <= 2 s and <= 3x).
Everything is rolled back.
"""

import time

from _common import create_db_if_missing, environment, parse_args

from odoo import fields
from odoo.tools import SQL

args = parse_args(
    __doc__,
    lines=(1_000_000, "sale order lines to generate"),
    orders=(20_000, "sale orders to spread them over"),
    suite_db=("unifyx_bench_dashboards", "UnifyX database with demo data (created if missing)"),
)
SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin,unifyx_migration,unifyx_dashboards"


def columns(env, table):
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in env.cr.fetchall()]


def copy_rows(env, table, template_id, count, overrides):
    """Insert ``count`` copies of row ``template_id``, with SQL expressions of
    the series number ``g`` for the ``overrides`` columns."""
    names = columns(env, table)
    values = [overrides.get(name) or SQL.identifier(name) for name in names]
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s, generate_series(1, %s) AS g WHERE id = %s"
            " RETURNING id",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(name) for name in names),
            SQL(", ").join(values),
            SQL.identifier(table),
            count,
            template_id,
        )
    )
    return [row[0] for row in env.cr.fetchall()]


def generate(env, company):
    line = env["sale.order.line"].search(
        [
            ("order_id.state", "=", "sale"),
            ("company_id", "=", company.id),
            ("display_type", "=", False),
        ],
        limit=1,
    )
    customers = env["res.partner"].search([("customer_rank", ">", 0)]).ids
    products = env["product.product"].search([("sale_ok", "=", True)]).ids
    order_ids = copy_rows(
        env,
        "sale_order",
        line.order_id.id,
        args.orders,
        {
            "name": SQL("'BENCH/' || g"),
            "partner_id": SQL("(%s::int[])[1 + mod(g, %s)]", customers, len(customers)),
            "date_order": SQL("now() - mod(g, 365) * interval '1 day'"),
        },
    )
    first, count = min(order_ids), len(order_ids)
    copy_rows(
        env,
        "sale_order_line",
        line.id,
        args.lines,
        {
            "order_id": SQL("%s + mod(g, %s)", first, count),
            "product_id": SQL("(%s::int[])[1 + mod(g, %s)]", products, len(products)),
            "unifyx_real_revenue": SQL("10 + mod(g, 90)"),
            "unifyx_real_cost": SQL("7 + mod(g, 70)"),
            "unifyx_real_margin": SQL("3 + mod(g, 20)"),
            "unifyx_expected_revenue": SQL("10 + mod(g, 90)"),
            "unifyx_expected_margin": SQL("3 + mod(g, 21)"),
        },
    )


def timed(label, function, results):
    start = time.perf_counter()
    function()
    results[label] = time.perf_counter() - start
    print("%s: %.3f s" % (label, results[label]))


create_db_if_missing(args.suite_db, SUITE, demo=True)
with environment(args.suite_db) as env:
    company = env.ref("unifyx_approvals.company_distributor_demo")
    env = env(context={"allowed_company_ids": company.ids})
    start = time.perf_counter()
    generate(env, company)
    env.cr.execute("ANALYZE sale_order_line")
    env.cr.execute("ANALYZE sale_order")
    print("generated %d lines in %.0f s" % (args.lines, time.perf_counter() - start))

    Report = env["unifyx.margin.report"]
    measures = ["revenue:sum", "margin:sum", "margin_percent"]
    ours, baseline = {}, {}
    timed(
        "ours: customer x family",
        lambda: Report.read_group([], measures, ["partner_id", "categ_id"], lazy=False),
        ours,
    )
    timed("ours: month", lambda: Report.read_group([], measures, ["date:month"], lazy=False), ours)
    raw = """
        SELECT %s AS key, sum(sol.unifyx_real_revenue), sum(sol.unifyx_real_margin),
               sum(sol.unifyx_real_margin) / NULLIF(sum(sol.unifyx_real_revenue), 0)
          FROM sale_order_line sol
          JOIN sale_order so ON so.id = sol.order_id
          JOIN res_partner rp ON rp.id = so.partner_id
          JOIN product_product pp ON pp.id = sol.product_id
          JOIN product_template pt ON pt.id = pp.product_tmpl_id
         WHERE so.state = 'sale' AND sol.display_type IS NULL AND so.company_id = %s
         GROUP BY key
    """

    def baseline_query(key):
        env.cr.execute(SQL(raw, key, company.id))
        return env.cr.fetchall()

    timed(
        "baseline SQL: customer x family",
        lambda: baseline_query(SQL("(rp.commercial_partner_id, pt.categ_id)")),
        baseline,
    )
    timed(
        "baseline SQL: month",
        lambda: baseline_query(SQL("date_trunc('month', so.date_order)")),
        baseline,
    )
    today = fields.Date.context_today(Report)
    period = (today.replace(day=1), fields.Date.end_of(today, "month"))
    Kpi = env["unifyx.kpi.value"]
    params = {
        "company": company.id,
        "start": fields.Datetime.to_datetime(period[0]),
        "end": fields.Datetime.to_datetime(fields.Date.add(period[1], days=1)),
    }
    kpis = {}
    for name in (
        "_on_time_delivery",
        "_discrepancy",
        "_cycle_times",
        "_rotation",
        "_slow_moving",
        "_open_backorders",
    ):
        timed("KPI %s" % name.strip("_"), lambda n=name: getattr(Kpi, n)(params), kpis)
    print("ratio=%.2f" % (sum(ours.values()) / sum(baseline.values())))
