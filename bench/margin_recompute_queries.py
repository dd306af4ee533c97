"""Benchmark: queries of the real margin update after a landed cost, for one
order of many delivered lines (issue 16: batched, not once per 1,000 lines).

    python3 bench/margin_recompute_queries.py [--lines 2500]

One sale order of --lines lines (one unit each of one AVCO product received in
one receipt) is confirmed and delivered; a landed cost on the receipt is then
validated, and the real margin update is run again on its own. Printed: the
queries (cursor's sql_log_count) and seconds of each, and the calls of the
cost adjustment readers. Database as bench/margin_quote_confirm.py's UnifyX one
(created if missing); everything is rolled back.
"""

import time
from unittest.mock import patch

from _common import create_db_if_missing, environment, parse_args, vacuum

from odoo import Command

args = parse_args(
    __doc__,
    lines=(2500, "delivered lines of the order"),
    suite_db=("unifyx_bench_margin_suite", "UnifyX database (created if missing)"),
)
SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin"


def counted(env, key, results, func):
    """Run ``func`` and flush; keep its queries and seconds under ``key``."""
    start_count, start = env.cr.sql_log_count, time.perf_counter()
    func()
    env.flush_all()
    results[key] = (env.cr.sql_log_count - start_count, time.perf_counter() - start)


create_db_if_missing(args.suite_db, SUITE)
vacuum(args.suite_db)
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True})
    env["unifyx.approval.matrix"].search([]).write({"active": False})
    if "unifyx.discount.limit" in env:
        env["unifyx.discount.limit"].search([]).write({"unlimited": True})
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
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    supplier = env.ref("stock.stock_location_suppliers")
    receipt = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.in_type_id.id,
            "location_id": supplier.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": args.lines + 10,
                        "product_uom": product.uom_id.id,
                        "price_unit": 10,
                        "location_id": supplier.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                    }
                )
            ],
        }
    )
    receipt.action_confirm()
    receipt.move_ids.quantity = args.lines + 10
    receipt.move_ids.picked = True
    receipt.button_validate()
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
    from odoo.addons.unifyx_margin.tests.common import draft_landed_cost

    cost = draft_landed_cost(receipt, 2.0 * (args.lines + 10))
    env.flush_all()
    env.invalidate_all()
    results = {}
    readers = {
        "stock.landed.cost": "_unifyx_adjustments",
        "account.move.line": "_unifyx_price_adjustments",
    }
    mocks = {}
    patches = []
    for model, method in readers.items():
        cls = type(env[model])
        patcher = patch.object(cls, method, autospec=True, side_effect=getattr(cls, method))
        mocks[model] = patcher.start()
        patches.append(patcher)
    counted(env, "validate", results, cost.button_validate)
    calls = {model: mock.call_count for model, mock in mocks.items()}
    for patcher in patches:
        patcher.stop()
    lines = order.order_line
    assert set(lines.mapped("unifyx_landed_cost")) == {2.0}, set(lines.mapped("unifyx_landed_cost"))
    env.invalidate_all()
    counted(env, "recompute", results, lines._unifyx_recompute_real_margin)

print("delivered_lines=%d" % len(lines))
for key, (queries, seconds) in results.items():
    print("%s_queries=%d %s_s=%.2f" % (key, queries, key, seconds))
print(
    "adjustment_reads_on_validate: landed_costs=%d bill_lines=%d"
    % (calls["stock.landed.cost"], calls["account.move.line"])
)
