"""Benchmark: quoting and confirming sale orders with UnifyX margins (expected
cost, freight, floors) vs stock Odoo with sale_margin, in one run; then the
recompute of the real margins of every delivered line (what a landed cost or a
vendor bill triggers).

    python3 bench/margin_quote_confirm.py [--orders 200 --lines 50]

Two databases without demo data, created once if missing:
unifyx_bench_margin_suite (the UnifyX addons) and unifyx_bench_margin_stock (the
same Odoo modules with sale_margin, no UnifyX). Everything each side creates is
rolled back. Targets (issue 4): ratio <= 1.20; recompute of 10,000 delivered
lines < 10 s.
"""

from _common import create_db_if_missing, environment, parse_args, timer

from odoo import Command

args = parse_args(
    __doc__,
    orders=(200, "sale orders"),
    lines=(50, "lines per order"),
    deliver=(1, "1: also deliver everything (slow) and time the real margin recompute"),
    suite_db=("unifyx_bench_margin_suite", "UnifyX database (created if missing)"),
    baseline_db=("unifyx_bench_margin_stock", "stock Odoo database (created if missing)"),
)

SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin"
STOCK = "l10n_fr_account,sale_management,sale_stock,purchase_stock,stock_account,sale_margin"


def make_products(env, lines):
    category = env["product.category"].create(
        {"name": "Bench AVCO", "property_cost_method": "average"}
    )
    products = env["product.product"].create(
        [
            {
                "name": "Bench %d" % i,
                "type": "consu",
                "is_storable": True,
                "categ_id": category.id,
                "list_price": 20,
                "standard_price": 15,
                "taxes_id": False,
            }
            for i in range(lines)
        ]
    )
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    for product in products:
        env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100000)
    return category, products


def quote_and_confirm(env, products, count):
    customer = env["res.partner"].create({"name": "Bench Customer"})
    orders = env["sale.order"].create(
        [
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 2, "tax_id": False})
                    for p in products
                ],
            }
            for _i in range(count)
        ]
    )
    orders.action_confirm()
    env.flush_all()
    return orders


results = {}
create_db_if_missing(args.suite_db, SUITE)
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True})
    env["unifyx.approval.matrix"].search([]).write({"active": False})
    category, products = make_products(env, args.lines)
    env["unifyx.margin.floor"].create({"min_margin_percent": 10, "policy": "warn"})
    env["unifyx.margin.floor"].create(
        {"min_margin_percent": 5, "policy": "approve", "categ_id": category.id}
    )
    env["unifyx.margin.freight.rate"].create({"rate_type": "percent", "rate": 2})
    env.flush_all()
    with timer(results, "unifyx"):
        orders = quote_and_confirm(env, products, args.orders)
    assert set(orders.mapped("state")) == {"sale"}, set(orders.mapped("state"))
    print("unifyx_quote_confirm_s=%.2f" % results["unifyx"], flush=True)
    if args.deliver:
        pickings = orders.picking_ids
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
        pickings.move_ids.picked = True
        pickings.with_context(skip_backorder=True).button_validate()
        lines = orders.order_line
        env.flush_all()
        env.invalidate_all()
        with timer(results, "recompute"):
            lines._unifyx_recompute_real_margin()
        assert all(lines.mapped("unifyx_delivered_cost")), "every line delivered"
        print(
            "real_margin_recompute_s=%.2f delivered_lines=%d" % (results["recompute"], len(lines)),
            flush=True,
        )

create_db_if_missing(args.baseline_db, STOCK)
with environment(args.baseline_db) as env:
    env = env(context={"tracking_disable": True})
    _category, products = make_products(env, args.lines)
    env.flush_all()
    with timer(results, "stock"):
        orders = quote_and_confirm(env, products, args.orders)
    assert set(orders.mapped("state")) == {"sale"}, set(orders.mapped("state"))

print("orders=%d lines=%d" % (args.orders, args.lines))
print("stock_odoo_quote_confirm_s=%.2f" % results["stock"])
print("ratio=%.3f" % (results["unifyx"] / results["stock"]))
