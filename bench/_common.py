"""Shared set-up of the benchmarks: open an installed UnifyX database with Odoo
as a library. Run the scripts from the repository root, e.g.

    python3 bench/approvals_confirm.py

Database connection as for the scripts/ commands (ODOO_DB_HOST, ODOO_DB_USER...).
"""

import argparse
import contextlib
import os
import subprocess
import time

import odoo
from odoo import Command
from odoo.modules.registry import Registry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The margin benches' two databases: the UnifyX addons, and every Odoo module
# they depend on without them, so that a ratio measures UnifyX (and the OCA
# tier validation and barcode modules it brings) only.
MARGIN_DATABASES = {
    "suite_db": ("unifyx_bench_margin_suite", "UnifyX database (created if missing)"),
    "baseline_db": ("unifyx_bench_margin_stock", "stock Odoo database (created if missing)"),
}
MARGIN_SUITE = "unifyx_approvals,unifyx_pricing,unifyx_margin"
MARGIN_STOCK = (
    "l10n_fr_account,sale_management,sale_stock,purchase_stock,purchase_requisition,"
    "stock_account,sale_margin,sale_stock_margin,stock_landed_costs,delivery,barcodes"
)


def parse_args(description, **extra):
    parser = argparse.ArgumentParser(description=description)
    for name, (default, help_text) in extra.items():
        parser.add_argument(
            "--" + name.replace("_", "-"), default=default, type=type(default), help=help_text
        )
    args = parser.parse_args()
    addons = subprocess.run(
        ["bash", "-c", ". scripts/lib.sh; require_odoo; addons_path"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    options = [
        "--addons-path=" + addons,
        "--db_host=" + os.environ.get("ODOO_DB_HOST", "127.0.0.1"),
        "--db_port=" + os.environ.get("ODOO_DB_PORT", "5432"),
        "--db_user=" + os.environ.get("ODOO_DB_USER", "odoo"),
        "--log-level=warn",
    ]
    if os.environ.get("ODOO_DB_PASSWORD"):
        options.append("--db_password=" + os.environ["ODOO_DB_PASSWORD"])
    odoo.tools.config.parse_config(options)
    return args


@contextlib.contextmanager
def environment(db):
    """An environment on ``db`` whose work is rolled back at the end."""
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            yield env
        finally:
            cr.rollback()


@contextlib.contextmanager
def timer(results, key):
    start = time.perf_counter()
    yield
    results[key] = time.perf_counter() - start


def psql(db, sql, **kwargs):
    """Run ``sql`` on ``db`` with psql, as the benchmarks' database user."""
    return subprocess.run(
        [
            "psql",
            "-h",
            os.environ.get("ODOO_DB_HOST", "127.0.0.1"),
            "-U",
            os.environ.get("ODOO_DB_USER", "odoo"),
            "-d",
            db,
            "-qtAc",
            sql,
        ],
        **kwargs,
    )


def vacuum(db, tables=()):
    """VACUUM ANALYZE ``db`` (or its ``tables``) before timing it: every run is
    rolled back and leaves its rows dead in the tables, and autovacuum may be
    off (it is on this machine's PostgreSQL), so a database benchmarked often
    would be slower than one benchmarked once."""
    psql(
        db,
        " ".join(["VACUUM ANALYZE", ", ".join(tables)]).strip(),
        # The shared catalogs are the superuser's: skipped, without a warning each.
        env=dict(os.environ, PGOPTIONS="-c client_min_messages=error"),
        check=True,
    )


def create_db_if_missing(db, modules, demo=False):
    """Create a database with ``modules`` (demo data only if ``demo``)."""
    check = psql(
        "postgres",
        "select 1 from pg_database where datname = current_setting('x.db')",
        env=dict(os.environ, PGOPTIONS="-c x.db=" + db),
        capture_output=True,
        text=True,
    )
    if check.stdout.strip() == "1":
        return
    addons = subprocess.run(
        ["bash", "-c", ". scripts/lib.sh; require_odoo; addons_path"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        [
            "odoo",
            "-d",
            db,
            "-i",
            modules,
            *([] if demo else ["--without-demo=all"]),
            "--stop-after-init",
            "--log-level=warn",
            "--addons-path=" + addons,
            "--db_host=" + os.environ.get("ODOO_DB_HOST", "127.0.0.1"),
            "--db_user=" + os.environ.get("ODOO_DB_USER", "odoo"),
        ],
        check=True,
    )


def receive(env, products, qty, price_unit):
    """One validated receipt of ``qty`` of each product at ``price_unit``, into
    the company's first warehouse: the stock (and valuation layers) a bench
    delivers from and puts landed costs on."""
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
                        "product_uom_qty": qty,
                        "product_uom": product.uom_id.id,
                        "price_unit": price_unit,
                        "location_id": supplier.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                    }
                )
                for product in products
            ],
        }
    )
    receipt.action_confirm()
    for move in receipt.move_ids:
        move.quantity = move.product_uom_qty
    receipt.move_ids.picked = True
    receipt.button_validate()
    return receipt
