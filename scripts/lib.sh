# Shared helpers of the UnifyX scripts (sourced, not run).
# Everything can be overridden from the environment; see README "Configuration".

UNIFYX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UNIFYX_ADDONS="unifyx_base,unifyx_approvals,unifyx_invoice_on_delivery,unifyx_einvoice_exchange,unifyx_pricing,unifyx_margin,unifyx_migration,unifyx_migration_pricing,unifyx_einvoice,unifyx_migration_einvoice,unifyx_dashboards,unifyx_bill_match,unifyx_purchase_request,unifyx_quality,unifyx_vendor_scorecard,unifyx_stock_control,unifyx_demo"
ODOO_CONF=${ODOO_CONF:-$UNIFYX_ROOT/odoo.conf}
ODOO_BIN=${ODOO_BIN:-odoo}
DB_HOST=${ODOO_DB_HOST:-127.0.0.1}
DB_PORT=${ODOO_DB_PORT:-5432}
DB_USER=${ODOO_DB_USER:-odoo}
DB_PASSWORD=${ODOO_DB_PASSWORD:-}
# Role used to create $DB_USER when it is missing (local PostgreSQL, trust auth).
PG_SUPERUSER=${PG_SUPERUSER:-postgres}

die() { printf 'unifyx: %s\n' "$*" >&2; exit 1; }

# Stop with a clear message unless an Odoo 18.0 is installed.
require_odoo() {
    command -v "$ODOO_BIN" >/dev/null 2>&1 || die "Odoo 18.0 is not installed: no '$ODOO_BIN' command on PATH.
Install Odoo 18.0 Community from Odoo's own sources (https://github.com/odoo/odoo, branch 18.0:
pip install -r requirements.txt && pip install -e .) or use the official odoo:18.0 Docker image
(docker compose, see README). Set ODOO_BIN to use another executable."
    local version
    version=$("$ODOO_BIN" --version 2>/dev/null | grep -o 'Odoo Server [0-9.a-z+~-]*' | head -1)
    case "$version" in
        "Odoo Server 18.0"*) ;;
        *) die "'$ODOO_BIN' is not Odoo 18.0 (it reports '${version:-nothing}'); UnifyX needs Odoo 18.0." ;;
    esac
    ODOO_PY=$(head -1 "$(command -v "$ODOO_BIN")" | sed -n 's/^#! *//p')
    case "$ODOO_PY" in *python*) ;; *) ODOO_PY=python3 ;; esac
}

# Odoo's own addons (sale, stock, ...) next to its 'odoo' package, then ours.
addons_path() {
    local core
    core=$("$ODOO_PY" -c 'import os, odoo.addons
for path in odoo.addons.__path__:
    print(path)
root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))), "addons")
if os.path.isdir(os.path.join(root, "sale")):
    print(root)' 2>/dev/null | paste -sd, -)
    [ -n "$core" ] || die "cannot locate Odoo's addons from '$ODOO_PY'."
    printf '%s,%s' "$UNIFYX_ROOT/addons" "$core"
}

# Create the database role if it is missing (idempotent). Skipped when psql is
# absent (Docker: the postgres container creates the role).
ensure_db_role() {
    command -v psql >/dev/null 2>&1 || return 0
    if PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        return 0
    fi
    psql -h "$DB_HOST" -p "$DB_PORT" -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -v role="$DB_USER" -q <<'SQL' \
        || die "cannot create the PostgreSQL role '$DB_USER' (connect as '$PG_SUPERUSER' failed). Create it with CREATEDB, or set ODOO_DB_USER."
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SQL
}

odoo_db_args() {
    printf '%s\n' "--config=$ODOO_CONF" "--db_host=$DB_HOST" "--db_port=$DB_PORT" "--db_user=$DB_USER"
    [ -n "$DB_PASSWORD" ] && printf '%s\n' "--db_password=$DB_PASSWORD"
    return 0
}

db_exists() {
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tA \
        -v name="$1" 2>/dev/null <<'SQL' | grep -q 1
SELECT 1 FROM pg_database WHERE datname = :'name';
SQL
}
