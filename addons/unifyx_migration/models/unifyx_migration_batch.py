# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One stored batch of a background run: the file rows it loads, loaded by one
job (channel ``root.migration``), and what that job did."""

import base64
import datetime
import gzip
import json
import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import cleansing

_logger = logging.getLogger(__name__)

# Written by the batch's job only (as superuser): a client writing them would
# hide a failure or mark rows loaded that were not.
JOB_FIELDS = (
    "state",
    "error",
    "data",
    "rows",
    "count_create",
    "count_update",
    "count_unchanged",
    "count_rejected",
)


class UnifyxMigrationBatch(models.Model):
    _name = "unifyx.migration.batch"
    _description = "Migration run batch"
    _order = "run_id, sequence"

    run_id = fields.Many2one(
        "unifyx.migration.run", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    sequence = fields.Integer(readonly=True, help="The first file row of the batch (0-based).")
    rows = fields.Integer(string="File rows", readonly=True)
    # The valid rows to load, compressed (JSON, gzip); kept after loading so the
    # batch can be checked, its job run again without effect.
    data = fields.Binary(attachment=True, readonly=True)
    state = fields.Selection(
        [("pending", "To load"), ("done", "Loaded"), ("failed", "Failed")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    error = fields.Text(readonly=True)
    count_create = fields.Integer(string="Created", readonly=True)
    count_update = fields.Integer(string="Updated", readonly=True)
    count_unchanged = fields.Integer(string="Unchanged", readonly=True)
    count_rejected = fields.Integer(string="Rejected", readonly=True)

    def _compute_display_name(self):
        for batch in self:
            batch.display_name = self.env._(
                "Rows %(first)s to %(last)s",
                first=batch.sequence + 1,
                last=batch.sequence + batch.rows,
            )

    def _check_job_fields(self, vals):
        if not self.env.su and set(JOB_FIELDS) & set(vals):
            raise AccessError(
                self.env._("The batches of an import are written by its background jobs only.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("The batches of an import are written by its background jobs only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_job_fields(vals)
        return super().write(vals)

    # ------------------------------------------------------------------ the job
    def _unifyx_delayable(self):
        self.ensure_one()
        return self.delayable(
            channel="root.migration",
            identity_key="unifyx_migration_batch_%s" % self.id,
            description=self.env._(
                "Import %(run)s: %(batch)s", run=self.run_id.name, batch=self.display_name
            ),
        )._unifyx_load_job()

    def _unifyx_load_job(self):
        """The job: load this batch's rows as the consultant who started the
        import, in the run's company. Idempotent: a loaded batch returns at once.
        A business error fails the batch, with its message, and nothing of it
        is written; a lock or serialization error is raised again so that the
        job queue retries the job."""
        self.ensure_one()
        batch = self.sudo()
        if batch.state != "pending":
            return "Nothing to do (%s)" % batch.state
        payload = batch_load(base64.b64decode(batch.data)) if batch.data else {"data": []}
        run = batch.run_id.with_env(self.env)
        try:
            with self.env.cr.savepoint():
                # Read as the consultant: one who lost the right fails the batch.
                run = run.with_company(batch.company_id).with_context(lang=self.env.user.lang)
                plans = run._plan_rows((number, None, raw) for number, raw in payload["data"])
                counts = run._apply(run._loadable(plans))
                # Rows valid at validation but refused now (e.g. a barcode taken since).
                refused = [p for p in plans if p.has_error]
                if refused:
                    self.env["unifyx.migration.run.line"].create(
                        run._report_lines(refused, payload.get("labels", {}), {cleansing.ERROR})
                    )
        except psycopg2.OperationalError:
            raise
        except Exception as error:
            _logger.info("Batch %s of import %s failed: %s", batch.id, batch.run_id.id, error)
            batch.write({"state": "failed", "error": str(error.args[0] if error.args else error)})
            return "Failed: %s" % error
        batch.write(
            {
                "state": "done",
                "error": False,
                "count_create": counts["create"],
                "count_update": counts["update"],
                "count_unchanged": counts["unchanged"],
                "count_rejected": len(refused),
            }
        )
        return "Loaded %s rows: %s" % (batch.rows, counts)


def _batch_default(value):
    # Spreadsheet cells: dates and times keep their type through JSON.
    for tag, kind in _BATCH_TYPES:
        if type(value) is kind:
            return {tag: value.isoformat()}
    return "%s" % value


def _batch_hook(obj):
    if len(obj) == 1:
        for tag, kind in _BATCH_TYPES:
            if tag in obj:
                return kind.fromisoformat(obj[tag])
    return obj


_BATCH_TYPES = (
    ("$datetime", datetime.datetime),
    ("$date", datetime.date),
    ("$time", datetime.time),
)


def batch_dump(payload):
    return gzip.compress(json.dumps(payload, default=_batch_default).encode(), compresslevel=1)


def batch_load(data):
    return json.loads(gzip.decompress(data), object_hook=_batch_hook)
