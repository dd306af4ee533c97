"""Shared tools of the scripts' tests (plain pytest, outside Odoo: they drive the
scripts as an operator does, and talk to Odoo over HTTP).

    scripts/unifyx-test-scripts            (CI runs it from .ci/run)

Databases: UNIFYX_SCRIPTS_TEST_DB (default unifyx_scripts_test) with queue_job,
created once and dropped at the end unless UNIFYX_TEST_REUSE_DB=1.
"""

import http.cookiejar
import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB = os.environ.get("UNIFYX_SCRIPTS_TEST_DB", "unifyx_scripts_test")
DB_HOST = os.environ.get("ODOO_DB_HOST", "127.0.0.1")
DB_PORT = os.environ.get("ODOO_DB_PORT", "5432")
DB_USER = os.environ.get("ODOO_DB_USER", "odoo")
# The small database of these tests: Odoo's base, mail and OCA queue_job.
MODULES = "queue_job"


def psql(db, sql, **variables):
    """Run ``sql`` on ``db``, return its rows as lists of strings. Values come as
    psql variables (``:'name'`` in ``sql``), quoted by psql."""
    options = [arg for key, value in variables.items() for arg in ("-v", "%s=%s" % (key, value))]
    out = subprocess.run(
        ["psql", "-h", DB_HOST, "-p", DB_PORT, "-U", DB_USER, "-d", db, "-qtAX", "-F", "\t"]
        + options,
        input=sql,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def db_exists(name):
    return bool(psql("postgres", "SELECT 1 FROM pg_database WHERE datname = :'name'", name=name))


def dropdb(name):
    subprocess.run(
        ["dropdb", "-h", DB_HOST, "-p", DB_PORT, "-U", DB_USER, "--if-exists", name], check=True
    )


def odoo_args():
    """Odoo's command line options for the database user and addons path."""
    script = ". scripts/lib.sh; require_odoo; ensure_db_role; addons_path"
    addons = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    return [
        "--addons-path=" + addons,
        "--db_host=" + DB_HOST,
        "--db_port=" + DB_PORT,
        "--db_user=" + DB_USER,
        *(
            ["--db_password=" + os.environ["ODOO_DB_PASSWORD"]]
            if "ODOO_DB_PASSWORD" in os.environ
            else []
        ),
    ]


@pytest.fixture(scope="session")
def small_db():
    """A database with queue_job and without demo data (admin / admin)."""
    reuse = os.environ.get("UNIFYX_TEST_REUSE_DB") == "1"
    if not (reuse and db_exists(DB)):
        dropdb(DB)
        subprocess.run(
            [
                "odoo",
                *odoo_args(),
                "-d",
                DB,
                "-i",
                MODULES,
                "--without-demo=all",
                "--stop-after-init",
                "--no-http",
                "--log-level=warn",
            ],
            cwd=ROOT,
            check=True,
        )
    yield DB
    if not reuse:
        dropdb(DB)


class JsonRpc:
    """A web client's session: JSON-RPC calls with its session cookie."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.last_headers = {}

    def post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.base_url + path, data=body, headers={"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            self.last_headers = dict(response.headers)
            payload = json.loads(response.read())
        if "error" in payload:
            raise AssertionError("JSON-RPC error on %s: %s" % (path, payload["error"]))
        return payload["result"]

    def authenticate(self, db, login, password):
        return self.post(
            "/web/session/authenticate", {"db": db, "login": login, "password": password}
        )

    def call(self, model, method, *args, path_suffix="", **kwargs):
        return self.post(
            "/web/dataset/call_kw/%s/%s%s" % (model, method, path_suffix),
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    @property
    def session_id(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "session_id")
