"""Take the README's screenshots from a running UnifyX server (development tool).

    python3 docs/screenshots/take.py http://localhost:8069

Drives headless Chromium over the DevTools protocol (websocket-client): logs in
as a demo user, opens a page, saves a PNG next to this file.
"""

import base64
import json
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

HERE = pathlib.Path(__file__).parent
SHOTS = [
    # (file, login, path[, text of a side-panel entry to click])
    ("unifyx_home.png", "director", "/odoo"),
    (
        "board_operations.png",
        "finance",
        "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
        "Operations",
    ),
    (
        "board_margins.png",
        "sales_manager",
        "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
        "Margins",
    ),
    ("kpis.png", "director", "/odoo/action-unifyx_dashboards.unifyx_kpi_value_action"),
    ("warehouses.png", "wh_manager", "/odoo/action-stock.action_warehouse_form"),
    (
        "segments.png",
        "sales_manager",
        "/odoo/action-unifyx_base.unifyx_customer_segment_action",
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def goto(self, url, settle=4):
        self.call("Page.navigate", url=url)
        time.sleep(settle)


def main(base_url):
    port = free_port()
    profile = tempfile.mkdtemp()
    browser = subprocess.Popen(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,860",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(50):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.2)
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        for filename, login, path, *click in SHOTS:
            page.call("Network.enable")
            page.call("Network.clearBrowserCookies")
            page.goto(f"{base_url}/web/login", settle=3)
            script = (
                "document.querySelector('input[name=login]').value = %s;"
                "document.querySelector('input[name=password]').value = %s;"
                "document.querySelector('form.oe_login_form').submit();"
            ) % (json.dumps(login), json.dumps(login))
            page.call("Runtime.evaluate", expression=script)
            time.sleep(4)
            page.goto(base_url + path, settle=15)
            if path == "/odoo":  # show the apps, UnifyX first
                page.call(
                    "Runtime.evaluate",
                    expression="document.querySelector('.o_navbar_apps_menu button')?.click()",
                )
                time.sleep(3)
            if click:
                page.call(
                    "Runtime.evaluate",
                    expression="[...document.querySelectorAll('.o_search_panel_category_value')]"
                    ".find(e => e.textContent.includes(%s))?.click()" % json.dumps(click[0]),
                )
                time.sleep(8)
            data = page.call("Page.captureScreenshot", format="png")["data"]
            (HERE / filename).write_bytes(base64.b64decode(data))
            print("saved", filename)
    finally:
        browser.terminate()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://localhost:8069")
