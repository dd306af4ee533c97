"""Shared tools of the scripts' tests (plain pytest, outside Odoo: they drive the
scripts as an operator does, and talk to Odoo over HTTP).

    scripts/unifyx-test-scripts            (CI runs it from .ci/run)

Databases: UNIFYX_SCRIPTS_TEST_DB (default unifyx_scripts_test) with queue_job,
created once and dropped at the end unless UNIFYX_TEST_REUSE_DB=1.
"""

import http.cookiejar
import json
import os
import re
import shutil
import socket
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


def filestore(db):
    """The folder Odoo keeps ``db``'s files in (its data_dir, as the scripts set it)."""
    options = (
        ["--data-dir=" + os.environ["UNIFYX_DATA_DIR"]] if "UNIFYX_DATA_DIR" in os.environ else []
    )
    return subprocess.run(
        [
            "python3",
            "-c",
            "import sys\nfrom odoo.tools import config\n"
            "config.parse_config(sys.argv[2:])\nprint(config.filestore(sys.argv[1]))",
            db,
            *options,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


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
        shutil.rmtree(filestore(DB), ignore_errors=True)


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


# The production topology (scripts/unifyx-serve-prod) on its own ports:
# UNIFYX_SCRIPTS_TEST_HTTP_PORT, _GEVENT_PORT, _PROXY_PORT (18069, 18072, 18080).
HTTP_PORT = os.environ.get("UNIFYX_SCRIPTS_TEST_HTTP_PORT", "18069")
GEVENT_PORT = os.environ.get("UNIFYX_SCRIPTS_TEST_GEVENT_PORT", "18072")
PROXY_PORT = os.environ.get("UNIFYX_SCRIPTS_TEST_PROXY_PORT", "18080")
PROXY = "http://127.0.0.1:%s" % PROXY_PORT
SCRIPT = str(ROOT / "scripts" / "unifyx-serve-prod")


def serve(command, env):
    return subprocess.run(
        [SCRIPT, command], env=env, cwd=ROOT, capture_output=True, text=True, timeout=180
    )


def processes(status_output):
    """{kind: [pid, ...]} from the lines "kind pid" of the status command."""
    found = {}
    for line in status_output.splitlines():
        match = re.fullmatch(r"([a-z-]+) (\d+)", line.strip())
        if match:
            found.setdefault(match[1], []).append(int(match[2]))
    return found


def port_open(port):
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", int(port))) == 0


@pytest.fixture(scope="session")
def topology(small_db, tmp_path_factory):
    """The production topology serving ``small_db``; stopped at the end (the last
    test of test_serve_prod.py stops it itself and checks nothing is left)."""
    run_dir = tmp_path_factory.mktemp("prod")
    env = dict(
        os.environ,
        ODOO_DB_NAME=small_db,
        ODOO_HTTP_PORT=HTTP_PORT,
        ODOO_GEVENT_PORT=GEVENT_PORT,
        UNIFYX_PROXY_LISTEN="127.0.0.1:%s" % PROXY_PORT,
        UNIFYX_WORKERS="2",
        UNIFYX_CRON_WORKERS="1",
        UNIFYX_QUEUE_CHANNELS="root:2",
        UNIFYX_PROD_DIR=str(run_dir),
    )
    for port in (HTTP_PORT, GEVENT_PORT, PROXY_PORT):
        assert not port_open(port), "port %s is already taken" % port
    started = serve("start", env)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        yield {"db": small_db, "env": env, "dir": run_dir, "start": started.stdout}
    finally:
        serve("stop", env)
