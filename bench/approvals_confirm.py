"""Benchmark: purchase orders from approval to confirmation, UnifyX approval
matrix vs stock Odoo's two-step approval, the same whole path timed on both
sides, in one run.

    python3 bench/approvals_confirm.py [--orders 500 --lines 20]

Two databases without demo data, created once if missing: unifyx_bench_suite
(the five UnifyX addons) and unifyx_bench_stock (the same Odoo modules, no
UnifyX). Each side is played by users of the roles, as in the web client:
- the suite (10-row matrix): the purchaser requests approval of the orders,
  a purchasing manager approves each one (Validate, then the comment wizard's
  button), the purchaser confirms them;
- stock Odoo ("two step" approval above 5,000): the purchaser confirms the
  orders (they wait for approval), a purchase manager approves each one.
Everything each side creates is rolled back.
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


def user(env, login, *groups):
    return env["res.users"].create(
        {
            "name": login,
            "login": login,
            "company_id": env.company.id,
            "company_ids": [Command.set(env.company.ids)],
            "groups_id": [Command.set([env.ref(group).id for group in groups])],
        }
    )


def approve(order, approver):
    """Validate as the approver does in the web client: the button opens the
    comment wizard, whose button records the decision."""
    # Its own recordset, as each click is its own request in the web client
    # (not the prefetch set of every order of the bench).
    order = order.with_user(approver).browse(order.id)
    action = order.validate_tier()
    if isinstance(action, dict):
        wizard = order.env["comment.wizard"].with_context(**action["context"])
        wizard.create({"comment": "OK"}).add_comment()


def make_orders(env, company, count, lines, buyer):
    vendor = env["res.partner"].create({"name": "Bench Vendor", "company_id": company.id})
    products = env["product.product"].create(
        [{"name": "Bench %d" % i, "type": "consu", "is_storable": True} for i in range(lines)]
    )
    return env["purchase.order"].create(
        [
            {
                "partner_id": vendor.id,
                "company_id": company.id,
                "user_id": buyer.id,
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
    buyer = user(env, "bench_purchaser", "unifyx_base.group_purchaser")
    approver = user(env, "bench_approver", "unifyx_base.group_purchasing_manager")
    orders = make_orders(env, company, args.orders, args.lines, buyer)
    env.flush_all()
    with timer(results, "unifyx"):
        orders.with_user(buyer).request_validation()
        for order in orders:
            approve(order, approver)
        orders.with_user(buyer).button_confirm()
        env.flush_all()
    assert set(orders.mapped("state")) == {"purchase"}, set(orders.mapped("state"))
    assert set(orders.review_ids.mapped("status")) == {"approved"}
    assert orders.review_ids.done_by == approver

create_db_if_missing(args.baseline_db, STOCK)
with environment(args.baseline_db) as env:
    company = env.company
    company.write({"po_double_validation": "two_step", "po_double_validation_amount": 5000})
    env = env(context={"tracking_disable": True})
    buyer = user(env, "bench_purchaser", "purchase.group_purchase_user")
    approver = user(env, "bench_approver", "purchase.group_purchase_manager")
    orders = make_orders(env, company, args.orders, args.lines, buyer)
    env.flush_all()
    with timer(results, "stock"):
        orders.with_user(buyer).button_confirm()
        assert set(orders.mapped("state")) == {"to approve"}
        for order in orders:
            # Its own recordset, as each click is its own request (as on the suite's side).
            order.with_user(approver).browse(order.id).button_approve()
        env.flush_all()
    assert set(orders.mapped("state")) == {"purchase"}, set(orders.mapped("state"))

print("orders=%d lines=%d" % (args.orders, args.lines))
print("unifyx_request_approve_confirm_s=%.2f" % results["unifyx"])
print("stock_odoo_confirm_approve_s=%.2f" % results["stock"])
print("ratio=%.3f" % (results["unifyx"] / results["stock"]))
