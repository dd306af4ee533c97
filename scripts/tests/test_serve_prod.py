"""The production topology of scripts/unifyx-serve-prod, started for real on a
small database (the ``topology`` fixture of conftest.py): nginx in front of Odoo's
prefork server (2 HTTP workers, a cron worker, the gevent websocket process) and
OCA queue_job's job runner."""

import json
import os
import re
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import websocket
from conftest import (
    GEVENT_PORT,
    HTTP_PORT,
    PROXY,
    PROXY_PORT,
    ROOT,
    JsonRpc,
    port_open,
    processes,
    psql,
    serve,
)


def test_status_lists_every_process(topology):
    status = serve("status", topology["env"])
    assert status.returncode == 0, status.stdout + status.stderr
    found = processes(status.stdout)
    assert len(found["http-worker"]) == 2, status.stdout
    assert len(found["cron-worker"]) == 1, status.stdout
    assert len(found["websocket"]) == 1, status.stdout
    assert len(found["job-runner"]) == 1, status.stdout
    assert len(found["nginx"]) == 1, status.stdout
    conf = (topology["dir"] / "odoo.conf").read_text()
    for line in (
        "proxy_mode = True",
        "workers = 2",
        "max_cron_threads = 1",
        "gevent_port = %s" % GEVENT_PORT,
        "server_wide_modules = base,web,queue_job",
        "channels = root:2",
    ):
        assert line in conf.splitlines(), line


def test_login_and_call_through_nginx(topology):
    client = JsonRpc(PROXY)
    session = client.authenticate(topology["db"], "admin", "admin")
    assert session["uid"] == 2
    assert client.last_headers["Server"].startswith("nginx")
    partner = client.call("res.partner", "create", {"name": "Topology Customer"})
    names = client.call("res.partner", "read", [partner], ["name"])
    assert names == [{"id": partner, "name": "Topology Customer"}]


def test_requests_are_served_by_several_workers(topology):
    """Concurrent requests through nginx land on both HTTP workers: Odoo logs each
    request with the pid of the process that served it."""
    client = JsonRpc(PROXY)
    client.authenticate(topology["db"], "admin", "admin")
    workers = set(processes(serve("status", topology["env"]).stdout)["http-worker"])
    marker = uuid.uuid4().hex
    log = topology["dir"] / "odoo.log"
    served = set()
    for attempt in range(5):

        def one(index, attempt=attempt):
            suffix = "?probe=%s-%d-%d" % (marker, attempt, index)
            return client.call("res.partner", "search_count", [], path_suffix=suffix)

        with ThreadPoolExecutor(8) as pool:
            counts = list(pool.map(one, range(16)))
        assert all(count >= 1 for count in counts)
        time.sleep(0.5)
        served = {
            int(match[1])
            for match in re.finditer(r"^\S+ \S+ (\d+) .*probe=%s" % marker, log.read_text(), re.M)
        }
        if len(served) >= 2:
            break
    assert served <= workers, (served, workers)
    assert len(served) >= 2, "every request went to one worker: %s" % served


def test_websocket_through_nginx(topology):
    """The bus through nginx's /websocket route: a message posted through the
    HTTP workers reaches the websocket opened on the gevent process."""
    client = JsonRpc(PROXY)
    client.authenticate(topology["db"], "admin", "admin")
    name = "Topology %s" % uuid.uuid4().hex
    client.call("discuss.channel", "channel_create", name, None)
    [channel_id] = client.call("discuss.channel", "search", [("name", "=", name)])
    # No User-Agent: Odoo then skips its check of the web client's version.
    ws = websocket.create_connection(
        "ws://127.0.0.1:%s/websocket" % PROXY_PORT,
        cookie="session_id=" + client.session_id,
        origin=PROXY,
        timeout=20,
    )
    try:
        assert ws.getstatus() == 101
        assert ws.getheaders()["server"].startswith("nginx")
        ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        time.sleep(1)
        text = "hello-%s" % uuid.uuid4().hex
        client.call(
            "discuss.channel", "message_post", [channel_id], body=text, message_type="comment"
        )
        deadline = time.time() + 20
        received = ""
        while text not in received and time.time() < deadline:
            received += ws.recv()
        assert text in received
    finally:
        ws.close()
    gevent = processes(serve("status", topology["env"]).stdout)["websocket"][0]
    log = (topology["dir"] / "odoo.log").read_text()
    assert re.search(r"^\S+ \S+ %d .*GET /websocket" % gevent, log, re.M), (
        "the websocket was not served by the gevent process %d" % gevent
    )


def test_job_runner_runs_a_job(topology):
    """A job enqueued in the database is run by the job runner through a worker."""
    client = JsonRpc(PROXY)
    client.authenticate(topology["db"], "admin", "admin")
    partner = client.call("res.partner", "create", {"name": "Job Target"})
    # Enqueued as an addon would: with_delay() in an Odoo shell on the database.
    script = (
        "env['res.partner'].browse(%d).with_delay(description='topology').write("
        "{'comment': 'written by a job'})\nenv.cr.commit()\n" % partner
    )
    subprocess.run(
        ["odoo", "shell", "--config=%s" % (topology["dir"] / "odoo.conf"), "--no-http"],
        input=script,
        text=True,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    deadline = time.time() + 60
    state = None
    while time.time() < deadline:
        rows = psql(topology["db"], "SELECT state FROM queue_job WHERE name = 'topology'")
        state = rows and rows[0][0]
        if state in ("done", "failed"):
            break
        time.sleep(1)
    assert state == "done", state
    comment = client.call("res.partner", "read", [partner], ["comment"])[0]["comment"]
    assert "written by a job" in comment
    workers = set(processes(serve("status", topology["env"]).stdout)["http-worker"])
    log = (topology["dir"] / "odoo.log").read_text()
    runners = {int(pid) for pid in re.findall(r"^\S+ \S+ (\d+) .*GET /queue_job/runjob", log, re.M)}
    assert runners and runners <= workers, (runners, workers)


def test_stop_ends_every_process(topology):
    found = processes(serve("status", topology["env"]).stdout)
    pids = [pid for kind in found.values() for pid in kind]
    stopped = serve("stop", topology["env"])
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    time.sleep(1)
    alive = [pid for pid in pids if os.path.exists("/proc/%d" % pid)]
    assert not alive, alive
    for port in (HTTP_PORT, GEVENT_PORT, PROXY_PORT):
        assert not port_open(port), port
    assert serve("status", topology["env"]).returncode == 3
