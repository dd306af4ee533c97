"""The backup and restore drill: scripts/unifyx-backup saves a database with an
attachment in its filestore, scripts/unifyx-restore brings it back under a new,
neutralized name, and the record and the attachment's bytes are there."""

import json
import subprocess
import uuid
import zipfile

import pytest
from conftest import ROOT, db_exists, odoo_args, psql


def shell(db, script):
    """Run ``script`` in an Odoo shell on ``db``; return what it prints last (JSON)."""
    done = subprocess.run(
        ["odoo", "shell", *odoo_args(), "-d", db, "--no-http", "--log-level=warn"],
        input=script,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(*command):
    return subprocess.run(
        [str(ROOT / "scripts" / command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def restored_name(small_db):
    name = small_db + "_restored"
    yield name
    if db_exists(name):
        # Odoo's own drop: the database and its filestore.
        subprocess.run(["odoo", "db", *odoo_args(), "drop", name], cwd=ROOT, check=True)


def test_backup_and_restore_keep_records_and_files(small_db, restored_name, tmp_path):
    content = "drill %s" % uuid.uuid4().hex
    original = shell(
        small_db,
        "import json\n"
        "partner = env['res.partner'].create({'name': 'Backup Drill'})\n"
        "attachment = env['ir.attachment'].create({'name': 'drill.txt', 'raw': %r,"
        " 'res_model': 'res.partner', 'res_id': partner.id})\n"
        "env.cr.commit()\n"
        "print(json.dumps({'partner': partner.id, 'attachment': attachment.id,"
        " 'store_fname': attachment.store_fname,"
        " 'uuid': env['ir.config_parameter'].get_param('database.uuid')}))\n" % content.encode(),
    )
    # The attachment is a file of the filestore, not a column of the database.
    assert original["store_fname"]

    backup = tmp_path / "drill.zip"
    done = run("unifyx-backup", small_db, str(backup))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(backup) as archive:
        names = set(archive.namelist())
        assert {"dump.sql", "manifest.json"} <= names
        assert "filestore/" + original["store_fname"] in names
        assert json.loads(archive.read("manifest.json"))["db_name"] == small_db

    done = run("unifyx-restore", "--neutralize", str(backup), restored_name)
    assert done.returncode == 0, done.stdout + done.stderr
    copy = shell(
        restored_name,
        "import json\n"
        "attachment = env['ir.attachment'].browse(%d)\n"
        "print(json.dumps({'partner': attachment.res_id,"
        " 'partner_name': env['res.partner'].browse(attachment.res_id).name,"
        " 'raw': attachment.raw.decode(),"
        " 'uuid': env['ir.config_parameter'].get_param('database.uuid'),"
        " 'neutralized': env['ir.config_parameter'].get_param('database.is_neutralized')}))\n"
        % original["attachment"],
    )
    assert copy["partner"] == original["partner"]
    assert copy["partner_name"] == "Backup Drill"
    assert copy["raw"] == content
    # A copy, not a twin: its own uuid, and neutralized as asked.
    assert copy["uuid"] != original["uuid"]
    assert copy["neutralized"] == "true"
    # Neutralized: every scheduled job off but Odoo's autovacuum, mail servers off.
    active_crons = (
        "SELECT count(*) FROM ir_cron WHERE active AND id NOT IN (SELECT res_id FROM ir_model_data"
        " WHERE model = 'ir.cron' AND module = 'base' AND name = 'autovacuum_job')"
    )
    assert psql(restored_name, active_crons) == [["0"]]
    assert psql(restored_name, "SELECT smtp_host FROM ir_mail_server WHERE active") == [["invalid"]]

    # Restoring over an existing database is refused, and changes nothing.
    again = run("unifyx-restore", str(backup), restored_name)
    assert again.returncode != 0
    assert "exists" in again.stderr
    name = psql(restored_name, "SELECT name FROM res_partner WHERE id = :id", id=copy["partner"])
    assert name == [["Backup Drill"]]
