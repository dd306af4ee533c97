"""Benchmark: confirming approved purchase orders, UnifyX approval matrix vs
stock Odoo's one-step approval, in one run.

    python3 bench/approvals_confirm.py [--orders 500 --lines 20]

Two databases without demo data, created once if missing: unifyx_bench_suite
(the five UnifyX addons) and unifyx_bench_stock (the same Odoo modules, no
UnifyX). The suite's side: a 10-row matrix, each order approved through its
reviews before the timed confirmation. The baseline: stock Odoo's "two step"
order approval, each order confirmed then approved by a manager. Everything
each side creates is rolled back.
"""

from _common import create_db_if_missing, environment, parse_args, timer

from odoo import Command

args = parse_args(
    __doc__,
    orders=(500, "purchase orders"),
    lines=(20, "lines per order"),
    suite_db=("unifyx_bench_suite", "UnifyX database (created if missing)"),
    baseline_db=("unifyx_bench_stock", "stock Odoo database (created if missing)"),
)


def make_orders(env, company, count, lines):
    vendor = env["res.partner"].create({"name": "Bench Vendor", "company_id": company.id})
    products = env["product.product"].create(
        [{"name": "Bench %d" % i, "type": "consu", "is_storable": True} for i in range(lines)]
    )
    return env["purchase.order"].create(
        [
            {
                "partner_id": vendor.id,
                "company_id": company.id,
                "order_line": [
                    Command.create(
                        {"product_id": p.id, "product_qty": 3, "price_unit": 500, "taxes_id": False}
                    )
                    for p in products
                ],
            }
            for _i in range(count)
        ]
    )


SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin,unifyx_migration,unifyx_dashboards"
STOCK = "l10n_fr_account,sale_management,sale_stock,purchase_stock,stock_account"

results = {}
create_db_if_missing(args.suite_db, SUITE)
with environment(args.suite_db) as env:
    company = env.company
    env = env(context={"tracking_disable": True})
    manager = env.ref("unifyx_base.group_purchasing_manager")
    finance = env.ref("unifyx_base.group_finance")
    env["unifyx.approval.matrix"].search([]).write({"active": False})
    for index in range(10):
        env["unifyx.approval.matrix"].create(
            {
                "name": "Bench row %d" % index,
                "sequence": index,
                "company_id": company.id,
                "amount_min": index * 10000,
                "amount_max": (index + 1) * 10000 - 0.01,
                "step_ids": [Command.create({"group_id": (manager if index % 2 else finance).id})],
            }
        )
    orders = make_orders(env, company, args.orders, args.lines)
    orders.request_validation()
    orders.review_ids.sudo().write({"status": "approved"})
    orders.invalidate_recordset()
    with timer(results, "unifyx"):
        orders.button_confirm()
        env.flush_all()
    assert set(orders.mapped("state")) == {"purchase"}, set(orders.mapped("state"))

create_db_if_missing(args.baseline_db, STOCK)
with environment(args.baseline_db) as env:
    company = env.company
    company.write({"po_double_validation": "two_step", "po_double_validation_amount": 5000})
    env = env(context={"tracking_disable": True})
    orders = make_orders(env, company, args.orders, args.lines)
    with timer(results, "stock"):
        orders.button_confirm()
        orders.button_approve()
        env.flush_all()
    assert set(orders.mapped("state")) == {"purchase"}, set(orders.mapped("state"))

print("orders=%d lines=%d" % (args.orders, args.lines))
print("unifyx_confirm_s=%.2f" % results["unifyx"])
print("stock_odoo_confirm_s=%.2f" % results["stock"])
print("ratio=%.3f" % (results["unifyx"] / results["stock"]))
