"""Benchmark: a landed cost validated on the receipt of one order of many
delivered lines, UnifyX (with the real margin update it triggers, batched:
issue 16) vs stock Odoo with stock_landed_costs and sale_stock_margin, in one
run.

    python3 bench/margin_recompute_queries.py [--lines 2500]

On each side one sale order of --lines lines (one unit each of one AVCO product
received in one receipt) is confirmed and delivered; a landed cost on the
receipt is then validated. Printed per side: the queries (cursor's
sql_log_count) and seconds of the validation; on the UnifyX side also the calls
of the cost adjustment readers (1 each when batched) and the real margin update
run again on its own. Databases as bench/margin_quote_confirm.py's (created if
missing); everything is rolled back. Last line: ratio of the validation's
seconds, UnifyX / stock Odoo.
"""

import time
from unittest.mock import patch

from _common import (
    MARGIN_DATABASES,
    MARGIN_STOCK,
    MARGIN_SUITE,
    create_db_if_missing,
    environment,
    parse_args,
    receive,
    vacuum,
)

from odoo import Command

args = parse_args(
    __doc__,
    lines=(2500, "delivered lines of the order"),
    **MARGIN_DATABASES,
)
SUITE, STOCK = MARGIN_SUITE, MARGIN_STOCK
READERS = {
    "stock.landed.cost": "_unifyx_adjustments",
    "account.move.line": "_unifyx_price_adjustments",
}


def counted(env, key, results, func):
    """Run ``func`` and flush; keep its queries and seconds under ``key``."""
    start_count, start = env.cr.sql_log_count, time.perf_counter()
    func()
    env.flush_all()
    results[key] = (env.cr.sql_log_count - start_count, time.perf_counter() - start)


def delivered_order_and_landed_cost(env):
    """The order of --lines delivered lines and a draft landed cost on their receipt."""
    # The tests' landed cost (importable once the addons path is set up).
    from odoo.addons.unifyx_margin.tests.common import draft_landed_cost  # noqa: PLC0415

    category = env["product.category"].create(
        {"name": "Bench AVCO", "property_cost_method": "average"}
    )
    product = env["product.product"].create(
        {
            "name": "Bench batch",
            "type": "consu",
            "is_storable": True,
            "categ_id": category.id,
            "standard_price": 10,
            "taxes_id": False,
        }
    )
    receipt = receive(env, product, args.lines + 10, 10)
    order = env["sale.order"].create(
        {
            "partner_id": env["res.partner"].create({"name": "Bench Customer"}).id,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "price_unit": 20,
                        "tax_id": False,
                    }
                )
                for _i in range(args.lines)
            ],
        }
    )
    order.action_confirm()
    picking = order.picking_ids
    for move in picking.move_ids:
        move.quantity = move.product_uom_qty
    picking.move_ids.picked = True
    picking.with_context(skip_backorder=True).button_validate()
    cost = draft_landed_cost(receipt, 2.0 * (args.lines + 10))
    env.flush_all()
    env.invalidate_all()
    return order, cost


create_db_if_missing(args.suite_db, SUITE)
create_db_if_missing(args.baseline_db, STOCK)
vacuum(args.suite_db)
vacuum(args.baseline_db)
results = {}
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True})
    env["unifyx.approval.matrix"].search([]).write({"active": False})
    if "unifyx.discount.limit" in env:
        env["unifyx.discount.limit"].search([]).write({"unlimited": True})
    order, cost = delivered_order_and_landed_cost(env)
    patchers = {
        model: patch.object(
            type(env[model]), method, autospec=True, side_effect=getattr(type(env[model]), method)
        )
        for model, method in READERS.items()
    }
    mocks = {model: patcher.start() for model, patcher in patchers.items()}
    counted(env, "unifyx_validate", results, cost.button_validate)
    calls = {model: mock.call_count for model, mock in mocks.items()}
    for patcher in patchers.values():
        patcher.stop()
    lines = order.order_line
    assert set(lines.mapped("unifyx_landed_cost")) == {2.0}, set(lines.mapped("unifyx_landed_cost"))
    env.invalidate_all()
    counted(env, "unifyx_recompute", results, lines._unifyx_recompute_real_margin)
    delivered = len(lines)

with environment(args.baseline_db) as env:
    env = env(context={"tracking_disable": True})
    order, cost = delivered_order_and_landed_cost(env)
    counted(env, "stock_validate", results, cost.button_validate)
    assert cost.state == "done", cost.state
    assert len(order.order_line) == delivered

print("delivered_lines=%d" % delivered)
for key, (queries, seconds) in results.items():
    print("%s_queries=%d %s_s=%.2f" % (key, queries, key, seconds))
print(
    "unifyx_adjustment_reads_on_validate: landed_costs=%d bill_lines=%d"
    % (calls["stock.landed.cost"], calls["account.move.line"])
)
print("ratio=%.3f" % (results["unifyx_validate"][1] / results["stock_validate"][1]))
