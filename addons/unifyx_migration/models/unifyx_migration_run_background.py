# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Large files load in the background: the cron loads one committed batch of file
rows at a time and reports its progress; a crash replays the current batch only."""

import datetime
import gzip
import json

from odoo import api, fields, models

from ..tools import cleansing

# Defaults of the system parameters that send a file to the background job.
BACKGROUND_SIZE_KB = 1024
BACKGROUND_BATCH_ROWS = 2000
# Name prefix of the attachments holding the rows a background run has left to load.
BATCH_PREFIX = "unifyx_migration_batch_"


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationRun(models.Model):
    _inherit = "unifyx.migration.run"

    def _param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param("unifyx_migration.%s" % key)
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    def _is_large(self):
        self.ensure_one()
        size = len(self.with_context(bin_size=False).file or b"") * 3 // 4  # base64
        return size > self._param("background_size_kb", BACKGROUND_SIZE_KB) * 1024

    @api.model
    def _cron_process_background(self):
        """One batch of the oldest queued run per call. Odoo's cron calls again
        while progress is reported and commits after each call: a crash loses
        the current batch only, and the run resumes after the rows done."""
        batch_rows = max(self._param("background_batch_rows", BACKGROUND_BATCH_ROWS), 1)
        runs = self.search([("state", "in", ("queued", "running"))], order="id")
        if not runs:
            return
        # As the consultant who queued it, in its company: the same rights and
        # company-dependent values (costs) as an interactive load.
        run = (
            runs[0]
            .with_user(runs[0].user_id)
            .with_company(runs[0].company_id)
            .with_context(lang=runs[0].user_id.lang)
        )
        done, remaining = run._process_background_batch(batch_rows)
        others = sum(run.progress_total - run.progress_done for run in runs[1:]) + len(runs[1:])
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining + others)

    def _process_background_batch(self, batch_rows):
        """Validate the whole file on the first call, then load the next batch
        of ``batch_rows`` file rows; return (rows handled, rows left).

        The file is read once: the first call stores the rows to load as
        compressed batches attached to the run; each later call loads the first
        batch left and deletes it in the same transaction, so a crash replays
        that batch only and nothing is written twice."""
        self.ensure_one()
        if self.state == "queued":
            headers, columns, plans = self._plan()
            rejected = [p for p in plans if p.has_error]
            if rejected and not self.commit_valid_rows:
                self._write_report(headers, columns, plans, {}, "failed")
                return 1, 0
            # The report of the whole file is written now; batches add counts.
            self._write_report(headers, columns, plans, {}, "running")
            self._store_batches(headers, columns, plans, batch_rows)
            self.write({"progress_done": 0, "progress_total": len(plans)})
            if not plans:
                self.write({"state": "done", "date_done": fields.Datetime.now()})
            if rejected:
                self._write_rejected_file(headers, rejected)
            return 1, len(plans)
        batch = self._next_batch()
        if not batch and self.progress_done < self.progress_total:
            # Queued before batches were stored: store the rows left, once.
            headers, columns, plans = self._plan()
            self._store_batches(headers, columns, plans[self.progress_done :], batch_rows)
            batch = self._next_batch()
        payload = _batch_load(batch.raw) if batch else {"rows": 0, "data": [], "labels": {}}
        plans = self._plan_rows((number, None, raw) for number, raw in payload["data"])
        with self.env.cr.savepoint():
            counts = self._apply(self._loadable(plans))
        # Rows valid at validation but refused now (e.g. a barcode taken since).
        refused = [p for p in plans if p.has_error]
        if refused:
            self.env["unifyx.migration.run.line"].create(
                self._report_lines(refused, payload["labels"], {cleansing.ERROR})
            )
        batch.unlink()
        vals = {
            "progress_done": self.progress_done + payload["rows"],
            "count_create": self.count_create + counts["create"],
            "count_update": self.count_update + counts["update"],
            "count_unchanged": self.count_unchanged + counts["unchanged"],
            "count_rejected": self.count_rejected + len(refused),
        }
        if not batch or vals["progress_done"] >= self.progress_total:
            vals.update({"state": "done", "date_done": fields.Datetime.now()})
        self.write(vals)
        return max(payload["rows"], 1), self.progress_total - self.progress_done

    def _store_batches(self, headers, columns, plans, batch_rows):
        """Attach the valid rows of ``plans`` as batches of ``batch_rows`` file rows."""
        labels = {name: headers[index] for name, index in columns.items()}
        vals_list = []
        for start in range(0, len(plans), batch_rows):
            chunk = plans[start : start + batch_rows]
            payload = {
                "rows": len(chunk),
                "labels": labels,
                "data": [
                    [p.row, {name: p.raw[index] for name, index in columns.items()}]
                    for p in self._loadable(chunk)
                ],
            }
            vals_list.append(
                {
                    "name": "%s%09d.json.gz" % (BATCH_PREFIX, self.progress_done + start),
                    "raw": _batch_dump(payload),
                    "mimetype": "application/gzip",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        self.env["ir.attachment"].create(vals_list)

    def _next_batch(self):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("name", "=like", BATCH_PREFIX + "%"),
            ],
            order="name",
            limit=1,
        )


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


def _batch_dump(payload):
    return gzip.compress(json.dumps(payload, default=_batch_default).encode(), compresslevel=1)


def _batch_load(data):
    return json.loads(gzip.decompress(data), object_hook=_batch_hook)
