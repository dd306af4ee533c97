"""The backup and restore drill: scripts/unifyx-backup saves a database, served
live by the production topology, with an attachment in its filestore;
scripts/unifyx-restore brings it back under a new, neutralized name, and the
record and the attachment's bytes are there."""

import base64
import json
import os
import shutil
import subprocess
import uuid
import zipfile

import pytest
from conftest import PROXY, ROOT, JsonRpc, db_exists, dropdb, filestore, psql


def run(*command):
    return subprocess.run(
        [str(ROOT / "scripts" / command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def setting(db, key):
    rows = psql(db, "SELECT value FROM ir_config_parameter WHERE key = :'key'", key=key)
    return rows[0][0] if rows else None


@pytest.fixture
def restored_name(small_db):
    name = small_db + "_restored"
    yield name
    if db_exists(name):
        dropdb(name)
    shutil.rmtree(filestore(name), ignore_errors=True)


def test_backup_and_restore_keep_records_and_files(topology, restored_name, tmp_path):
    db = topology["db"]
    content = "drill %s" % uuid.uuid4().hex
    client = JsonRpc(PROXY)
    client.authenticate(db, "admin", "admin")
    partner = client.call("res.partner", "create", {"name": "Backup Drill"})
    attachment = client.call(
        "ir.attachment",
        "create",
        {
            "name": "drill.txt",
            "datas": base64.b64encode(content.encode()).decode(),
            "res_model": "res.partner",
            "res_id": partner,
        },
    )
    [row] = client.call("ir.attachment", "read", [attachment], ["store_fname"])
    # The attachment is a file of the filestore, not a column of the database.
    assert row["store_fname"]
    original_uuid = setting(db, "database.uuid")

    backup = tmp_path / "drill.zip"
    done = run("unifyx-backup", db, str(backup))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(backup) as archive:
        names = set(archive.namelist())
        assert {"dump.sql", "manifest.json"} <= names
        assert "filestore/" + row["store_fname"] in names
        assert json.loads(archive.read("manifest.json"))["db_name"] == db

    done = run("unifyx-restore", "--neutralize", str(backup), restored_name)
    assert done.returncode == 0, done.stdout + done.stderr
    found = psql(
        restored_name,
        "SELECT p.name, a.store_fname FROM ir_attachment a JOIN res_partner p ON p.id = a.res_id"
        " WHERE a.id = :id AND a.res_model = 'res.partner'",
        id=attachment,
    )
    assert found == [["Backup Drill", row["store_fname"]]]
    with open(os.path.join(filestore(restored_name), row["store_fname"]), "rb") as file:
        assert file.read().decode() == content
    # A copy, not a twin: its own uuid, and neutralized as asked (scheduled jobs off
    # but Odoo's autovacuum, mail servers off).
    assert setting(restored_name, "database.uuid") not in (None, original_uuid)
    assert setting(restored_name, "database.is_neutralized") == "true"
    active_crons = (
        "SELECT count(*) FROM ir_cron WHERE active AND id NOT IN (SELECT res_id FROM ir_model_data"
        " WHERE model = 'ir.cron' AND module = 'base' AND name = 'autovacuum_job')"
    )
    assert psql(restored_name, active_crons) == [["0"]]
    assert psql(restored_name, "SELECT smtp_host FROM ir_mail_server WHERE active") == [["invalid"]]
    # The original is untouched.
    assert setting(db, "database.is_neutralized") is None

    # Restoring over an existing database is refused, and changes nothing.
    again = run("unifyx-restore", str(backup), restored_name)
    assert again.returncode != 0
    assert "exists" in again.stderr
    name = psql(restored_name, "SELECT name FROM res_partner WHERE id = :id", id=partner)
    assert name == [["Backup Drill"]]
