"""Benchmark: pricing sale order lines, UnifyX contracts vs stock Odoo
pricelists with an equivalent number of rules, in one run.

    python3 bench/pricing_resolution.py [--products 50000 --rules 2000 --lines 1000]

Two databases without demo data, created once if missing. The suite's side
(default unifyx_bench_pricing_suite): unifyx_pricing and what it depends on;
a customer contract of ``rules`` lines (75 % fixed product prices, 20 % volume
tiers, 5 % category discounts). The baseline (default
unifyx_bench_pricing_stock): the same Odoo modules as the suite's database
(read from it), without UnifyX, so that the ratio measures contract pricing
alone; the customer's pricelist holds the same rules as pricelist items. Both
sides create the same catalogue, price one small order untimed (so that
neither side pays for cold caches), then time creating an order of ``lines``
lines (priced on creation) and repricing it (Update Prices), ``repeat`` times;
the medians are printed. Everything is rolled back.
"""

import random
import statistics
import time

from _common import create_db_if_missing, environment, parse_args

from odoo import Command

args = parse_args(
    __doc__,
    products=(50000, "products in the catalogue"),
    rules=(2000, "contract lines / pricelist items"),
    lines=(1000, "order lines"),
    repeat=(3, "timed orders per side (the median is printed)"),
    suite_db=("unifyx_bench_pricing_suite", "UnifyX database (created if missing)"),
    baseline_db=("unifyx_bench_pricing_stock", "stock Odoo database (created if missing)"),
)
SUITE = "unifyx_pricing"


def catalogue(env):
    """Categories (10 parents x 10 children), products, a customer, the rule
    specs [(kind, product or category, value, min qty)] and the order lines."""
    rng = random.Random(42)
    parents = env["product.category"].create([{"name": "Bench %d" % i} for i in range(10)])
    categs = env["product.category"].create(
        [{"name": "Bench %d" % i, "parent_id": parents[i // 10].id} for i in range(100)]
    )
    products = env["product.product"]
    for start in range(0, args.products, 5000):
        products |= env["product.product"].create(
            [
                {
                    "name": "Bench product %d" % i,
                    "type": "consu",
                    "categ_id": categs[i % 100].id,
                    "list_price": 10 + i % 90,
                    "standard_price": 5 + i % 40,
                    "taxes_id": False,
                }
                for i in range(start, min(start + 5000, args.products))
            ]
        )
    customer = env["res.partner"].create({"name": "Bench Customer"})
    picked = rng.sample(range(len(products)), int(args.rules * 0.95))
    n_fixed = int(args.rules * 0.75)
    specs = [("fixed", products[i], 8 + i % 50, 0) for i in picked[:n_fixed]]
    specs += [("tier", products[i], 7 + i % 50, 10) for i in picked[n_fixed:]]
    specs += [("categ", categs[i % 100], 5 + i % 10, 0) for i in range(args.rules - len(specs))]
    # Half the order lines hit a product rule, the rest category rules or nothing.
    ruled = [products[i] for i in picked]
    order_products = [
        rng.choice(ruled) if n % 2 else products[rng.randrange(len(products))]
        for n in range(args.lines)
    ]
    return customer, specs, order_products


def run(env, results, key, customer, order_products):
    """Time creating the order and repricing it: the median of ``repeat`` runs,
    after one untimed order that warms both sides' caches alike."""
    vals = {
        "partner_id": customer.id,
        "order_line": [
            Command.create({"product_id": product.id, "product_uom_qty": 1 + n % 15})
            for n, product in enumerate(order_products)
        ],
    }
    env["sale.order"].create(dict(vals, order_line=vals["order_line"][:20])).action_update_prices()
    timings = {"create": [], "update": []}
    for _i in range(args.repeat):
        env.flush_all()
        env.invalidate_all()
        start = time.perf_counter()
        order = env["sale.order"].create(vals)
        env.flush_all()
        timings["create"].append(time.perf_counter() - start)
        env.invalidate_all()
        start = time.perf_counter()
        order.action_update_prices()
        env.flush_all()
        timings["update"].append(time.perf_counter() - start)
    for step, values in timings.items():
        results[key + "_" + step] = statistics.median(values)
    return order


results = {}
create_db_if_missing(args.suite_db, SUITE)
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True})
    customer, specs, order_products = catalogue(env)
    line_vals = []
    for kind, target, value, min_qty in specs:
        if kind == "categ":
            line_vals.append({"categ_id": target.id, "price_type": "discount", "discount": value})
        else:
            line_vals.append(
                {
                    "product_id": target.id,
                    "price_type": "fixed",
                    "fixed_price": value,
                    "min_qty": min_qty,
                }
            )
    contract = env["unifyx.price.contract"].create(
        {
            "name": "Bench contract",
            "partner_id": customer.id,
            "date_start": "2000-01-01",
            "line_ids": [Command.create(vals) for vals in line_vals],
        }
    )
    contract.action_activate()
    order = run(env, results, "unifyx", customer, order_products)
    sources = order.order_line.mapped("unifyx_price_source")
    results["contract_priced"] = sources.count("contract")
    # Odoo's own modules of the suite's database: those not written by UnifyX
    # nor the OCA (whose tier validation comes with unifyx_approvals).
    odoo_modules = env["ir.module.module"].search(
        [
            ("state", "=", "installed"),
            ("name", "not like", "unifyx_%"),
            ("author", "not ilike", "Odoo Community Association"),
        ]
    )
    stock_modules = ",".join(odoo_modules.mapped("name"))

create_db_if_missing(args.baseline_db, stock_modules)
with environment(args.baseline_db) as env:
    env = env(context={"tracking_disable": True})
    customer, specs, order_products = catalogue(env)
    items = []
    for kind, target, value, min_qty in specs:
        if kind == "categ":
            items.append(
                {
                    "applied_on": "2_product_category",
                    "categ_id": target.id,
                    "compute_price": "percentage",
                    "percent_price": value,
                }
            )
        else:
            items.append(
                {
                    "applied_on": "0_product_variant",
                    "product_id": target.id,
                    "product_tmpl_id": target.product_tmpl_id.id,
                    "compute_price": "fixed",
                    "fixed_price": value,
                    "min_quantity": min_qty,
                }
            )
    pricelist = env["product.pricelist"].create(
        {"name": "Bench pricelist", "item_ids": [Command.create(vals) for vals in items]}
    )
    customer.property_product_pricelist = pricelist
    run(env, results, "stock", customer, order_products)

print(
    "products=%d rules=%d lines=%d contract_priced_lines=%d"
    % (args.products, args.rules, args.lines, results["contract_priced"])
)
for side in ("unifyx", "stock"):
    print(
        "%s_create_s=%.2f %s_update_prices_s=%.2f"
        % (side, results[side + "_create"], side, results[side + "_update"])
    )
ours = results["unifyx_create"] + results["unifyx_update"]
baseline = results["stock_create"] + results["stock_update"]
print("unifyx_pricing_s=%.2f" % ours)
print("stock_odoo_pricing_s=%.2f" % baseline)
print("ratio=%.3f" % (ours / baseline))
