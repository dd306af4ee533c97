"""Benchmark: importing products with vendors and costs from an .xlsx file,
the UnifyX migration cockpit vs Odoo's standard import (base_import), in one run.

    python3 bench/migration_import.py [--rows 50000 --baseline-rows 2000]

Both sides read the same generated .xlsx of products (reference, name, EAN-13,
unit, category, sale price, cost, vendor, vendor code). The cockpit loads the
file through a migration run (cleansing, matching, all-or-nothing commit). The
baseline loads the same columns through base_import's execute_import, the path
of Settings > Import, as the web client calls it: --baseline-rows rows a call
(its batch limit, 2,000 by default), each call reading the whole file again.
The standard import is slow, so only its first --baseline-batches calls are
timed: the figures compared are rows per second. Also printed for reference:
the standard import of a file of one batch alone (no rows to read beyond it),
and a bare batched ORM create() of the same products and vendor lines (no
file, no cleansing), the path both imports create through. Printed: rows/s of
each, the process's peak memory after the cockpit's load, and last
ratio=<ours/baseline> of the rows/s (higher is better; target >= 10).
Everything is rolled back.
"""

import base64
import io
import resource

import openpyxl
from _common import create_db_if_missing, environment, parse_args, timer, vacuum

args = parse_args(
    __doc__,
    rows=(50000, "products in the cockpit's file"),
    baseline_rows=(2000, "rows per standard import call (the web client's batch limit)"),
    baseline_batches=(2, "standard import calls timed on the cockpit's file"),
    suite_db=("unifyx_bench_suite", "UnifyX database (created if missing)"),
)
SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin,unifyx_migration,unifyx_dashboards"
HEADERS = [
    "Réf. article",
    "Désignation",
    "EAN",
    "Unité",
    "Famille",
    "Prix de vente",
    "Coût",
    "Fournisseur",
    "Réf. fournisseur",
]
VENDORS = 15


def ean13(number):
    digits = "200%09d" % number
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def rows(count):
    for n in range(count):
        yield [
            "BENCH-%06d" % n,
            "Article de test %d" % n,
            ean13(n),
            "Units",
            "All / Bench / Family %d" % (n % 20),
            12.5,
            7.25,
            "BV%02d" % (n % VENDORS),
            "V-%06d" % n,
        ]


def xlsx(count):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for row in rows(count):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def make_vendors(env):
    env["res.partner"].create(
        [{"name": "Bench Vendor %02d" % i, "ref": "BV%02d" % i} for i in range(VENDORS)]
    )


results = {}
create_db_if_missing(args.suite_db, SUITE)
vacuum(args.suite_db)

content = xlsx(args.rows)
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True})
    make_vendors(env)
    # Load inline, not through the background job.
    env["ir.config_parameter"].set_param("unifyx_migration.background_size_kb", str(10**9))
    profile = env["unifyx.migration.profile"].create(
        {"name": "Bench products", "target": "product", "match_key": "default_code"}
    )
    run = env["unifyx.migration.run"].create(
        {
            "profile_id": profile.id,
            "file_name": "products.xlsx",
            "file": base64.b64encode(content),
        }
    )
    with timer(results, "ours"):
        run.action_commit()
        env.flush_all()
    assert run.state == "done" and run.count_create == args.rows, (run.state, run.count_create)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

FIELDS = [
    "default_code",
    "name",
    "barcode",
    "uom_id",
    "categ_id",
    "list_price",
    "standard_price",
    "seller_ids/partner_id",
    "seller_ids/product_code",
]


def standard_import(content, batches, key):
    """Time ``batches`` calls of base_import's execute_import on ``content``,
    as the web client makes them: --baseline-rows rows a call (its "batch
    limit"), each call after the previous one (skip), tracking disabled."""
    with environment(args.suite_db) as env:
        env = env(context={"tracking_disable": True})
        make_vendors(env)
        bench = env["product.category"].create(
            {"name": "Bench", "parent_id": env.ref("product.product_category_all").id}
        )
        env["product.category"].create(
            [{"name": "Family %d" % i, "parent_id": bench.id} for i in range(20)]
        )
        wizard = env["base_import.import"].create(
            {
                "res_model": "product.template",
                "file": content,
                "file_name": "products.xlsx",
                "file_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        imported = 0
        with timer(results, key):
            for batch in range(batches):
                options = {
                    "has_headers": True,
                    "quoting": '"',
                    "separator": ",",
                    "sheet": "Sheet",
                    "limit": args.baseline_rows,
                    "skip": batch * args.baseline_rows,
                }
                result = wizard.execute_import(FIELDS, HEADERS, options)
                env.flush_all()
                errors = [m for m in result.get("messages", []) if m.get("type") == "error"]
                assert not errors, errors[:3]
                imported += len(result["ids"])
        assert imported == batches * args.baseline_rows, imported
        return imported


# The same file, as the web client imports it: each batch reads the whole file.
baseline_count = standard_import(content, args.baseline_batches, "baseline")
# A file of one batch alone, for reference: no rows to read beyond the batch.
small_count = standard_import(xlsx(args.baseline_rows), 1, "small_file")

# For reference: the same products and vendor lines created by a bare batched
# ORM create(), with no file to read, no cleansing, matching nor report. Both
# imports create records through this ORM path; it bounds what either can reach.
with environment(args.suite_db) as env:
    env = env(context={"tracking_disable": True, "mail_create_nolog": True})
    make_vendors(env)
    vendors = {p.ref: p.id for p in env["res.partner"].search([("ref", "like", "BV%")])}
    unit = env.ref("uom.product_uom_unit").id
    categ = env.ref("product.product_category_all").id
    with timer(results, "orm"):
        batch = list(rows(args.baseline_rows))
        products = env["product.product"].create(
            [
                {
                    "default_code": r[0],
                    "name": r[1],
                    "barcode": r[2],
                    "type": "consu",
                    "is_storable": True,
                    "uom_id": unit,
                    "uom_po_id": unit,
                    "categ_id": categ,
                    "list_price": r[5],
                    "standard_price": r[6],
                }
                for r in batch
            ]
        )
        env["product.supplierinfo"].create(
            [
                {
                    "partner_id": vendors[r[7]],
                    "product_tmpl_id": p.product_tmpl_id.id,
                    "price": r[6],
                    "product_code": r[8],
                }
                for r, p in zip(batch, products, strict=True)
            ]
        )
        env.flush_all()

ours = args.rows / results["ours"]
baseline = baseline_count / results["baseline"]
print("cockpit: %d products in %.1f s = %.0f rows/s" % (args.rows, results["ours"], ours))
print("cockpit peak memory (process): %.0f MB" % peak_mb)
print(
    "base_import: first %d rows of the same file, in %d calls as the web client makes"
    " them, in %.1f s = %.0f rows/s"
    % (baseline_count, args.baseline_batches, results["baseline"], baseline)
)
print(
    "base_import (reference): a file of %d rows alone in %.1f s = %.0f rows/s"
    % (small_count, results["small_file"], small_count / results["small_file"])
)
print(
    "bare ORM create() (reference, no file): %d products in %.1f s = %.0f rows/s"
    % (args.baseline_rows, results["orm"], args.baseline_rows / results["orm"])
)
print("ratio=%.2f" % (ours / baseline))
