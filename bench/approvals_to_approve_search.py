"""Benchmark: the "To approve by me" search over 100,000 purchase orders.

    python3 bench/approvals_to_approve_search.py [--documents 100000]

On unifyx_bench_suite (created if missing, see approvals_confirm.py): inserts the
documents and their reviews in bulk (one review each, 1 in 100 pending for the
benchmark's approver), then times the menu's domain, which reads stored and
indexed review fields only, against OCA's own "can review" filter (a computed
field searched through its Python search method). Median of 7 runs each.
Everything is rolled back.
"""

import statistics
import time

from _common import create_db_if_missing, environment, parse_args

from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

args = parse_args(
    __doc__,
    documents=(100000, "purchase orders"),
    suite_db=("unifyx_bench_suite", "UnifyX database (created if missing)"),
)
SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin,unifyx_migration,unifyx_dashboards"


def median_ms(function, runs=7):
    timings = []
    for _i in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


create_db_if_missing(args.suite_db, SUITE)
with environment(args.suite_db) as env:
    company = env.company
    approver = env["res.users"].create(
        {
            "name": "Bench Approver",
            "login": "bench_approver",
            "groups_id": [(6, 0, [env.ref("unifyx_base.group_purchasing_manager").id])],
        }
    )
    vendor = env["res.partner"].create({"name": "Bench Vendor"})
    definition = env["tier.definition"].create(
        {
            "model_id": env["ir.model"]._get_id("purchase.order"),
            "review_type": "individual",
            "reviewer_id": approver.id,
            "definition_domain": "[]",
            "active": False,
        }
    )
    picking_type = env["stock.picking.type"].search(
        [("code", "=", "incoming"), ("company_id", "=", company.id)], limit=1
    )
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO purchase_order
                (name, partner_id, currency_id, company_id, date_order, picking_type_id,
                 state, validation_status, user_id)
            SELECT 'BENCH' || n, %(partner)s, %(currency)s, %(company)s, now(), %(ptype)s,
                   'draft', 'pending', %(uid)s
              FROM generate_series(1, %(count)s) n
            """,
            partner=vendor.id,
            currency=company.currency_id.id,
            company=company.id,
            ptype=picking_type.id,
            uid=env.uid,
            count=args.documents,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO tier_review
                (model, res_id, definition_id, company_id, sequence, status, can_review)
            SELECT 'purchase.order', id, %(definition)s, %(company)s, 1,
                   CASE WHEN mod(id, 100) = 0 THEN 'pending' ELSE 'approved' END,
                   mod(id, 100) = 0
              FROM purchase_order WHERE name LIKE %(pattern)s
            """,
            pattern="BENCH%",
            definition=definition.id,
            company=company.id,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO res_users_tier_review_rel (res_users_id, tier_review_id)
            SELECT %(user)s, id FROM tier_review WHERE definition_id = %(definition)s
            """,
            user=approver.id,
            definition=definition.id,
        )
    )
    cr.execute("ANALYZE tier_review; ANALYZE purchase_order; ANALYZE res_users_tier_review_rel")
    env.invalidate_all()

    PurchaseOrder = env["purchase.order"].with_user(approver).with_company(company)
    action = env.ref("unifyx_approvals.purchase_order_action_to_approve")
    ours_domain = safe_eval(action.domain, {"uid": approver.id})
    expected = PurchaseOrder.search_count(ours_domain)
    assert expected == args.documents // 100, expected
    assert PurchaseOrder.search_count([("can_review", "=", True)]) == expected

    ours = median_ms(lambda: PurchaseOrder.search(ours_domain, limit=80))
    oca = median_ms(lambda: PurchaseOrder.search([("can_review", "=", True)], limit=80))

print("documents=%d to_approve=%d" % (args.documents, expected))
print("unifyx_to_approve_ms=%.1f" % ours)
print("oca_can_review_ms=%.1f" % oca)
print("ratio=%.3f" % (ours / oca))
