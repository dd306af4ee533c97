# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Large files load in the background, on OCA's job queue (channel
``root.migration``): one job validates the whole file and stores its rows as
batches, one job per batch loads it (in parallel up to the channel's capacity
when the batches are independent, else one after the other), and a last job,
run when every batch job is done, closes the run."""

import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.queue_job.delay import chain, group

from .unifyx_migration_batch import batch_dump

# Defaults of the system parameters that send a file to the background job.
BACKGROUND_SIZE_KB = 1024
BACKGROUND_BATCH_ROWS = 2000
CHANNEL = "root.migration"
START_GROUP = "unifyx_base.group_consultant"


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationRun(models.Model):
    _inherit = "unifyx.migration.run"

    batch_ids = fields.One2many("unifyx.migration.batch", "run_id", string="Batches", readonly=True)
    batch_count = fields.Integer(compute="_compute_batches", string="Number of batches")
    batch_done_count = fields.Integer(compute="_compute_batches", string="Batches loaded")
    batch_failed_count = fields.Integer(compute="_compute_batches", string="Batches failed")
    background_error = fields.Text(
        compute="_compute_batches", string="Background error", help="What the failed jobs said."
    )
    progress_done = fields.Integer(
        compute="_compute_progress_done",
        string="Rows loaded",
        help="The rows of the batches loaded.",
    )
    validation_error = fields.Text(string="Validation error", readonly=True, copy=False)
    # Rows refused by the whole-file validation (commit valid rows): the batch
    # counts are added to them when the run closes.
    count_rejected_at_check = fields.Integer(string="Rejected at check", readonly=True, copy=False)

    @api.depends("batch_ids.state", "batch_ids.error", "batch_ids.rows", "validation_error")
    def _compute_batches(self):
        for run in self:
            batches = run.batch_ids
            failed = batches.filtered(lambda b: b.state == "failed")
            run.batch_count = len(batches)
            run.batch_done_count = len(batches.filtered(lambda b: b.state == "done"))
            run.batch_failed_count = len(failed)
            errors = [run.validation_error] if run.validation_error else []
            errors += ["%s: %s" % (b.display_name, b.error) for b in failed]
            run.background_error = "\n".join(errors) or False

    @api.depends("batch_ids.state", "batch_ids.rows")
    def _compute_progress_done(self):
        for run in self:
            run.progress_done = sum(
                run.batch_ids.filtered(lambda b: b.state == "done").mapped("rows")
            )

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

    # ------------------------------------------------------------------ enqueue
    def _unifyx_check_may_start(self):
        if not self.env.su and not self.env.user.has_group(START_GROUP):
            raise AccessError(self.env._("Only a consultant may start or retry an import."))

    def _unifyx_queue_background(self):
        """Queue the validation job of this large file (the commit of the form)."""
        self.ensure_one()
        self._unifyx_check_may_start()
        self.write(
            {
                "state": "queued",
                "background": True,
                "progress_total": 0,
                "validation_error": False,
                "count_rejected_at_check": 0,
            }
        )
        self._unifyx_delay_validation()

    def _unifyx_delay_validation(self):
        self.with_delay(
            channel=CHANNEL,
            identity_key="unifyx_migration_validate_%s" % self.id,
            description=self.env._("Import %s: check the file", self.name),
        )._unifyx_validate_job()

    def _unifyx_finish_delayable(self):
        return self.delayable(
            channel=CHANNEL,
            identity_key="unifyx_migration_finish_%s" % self.id,
            description=self.env._("Import %s: close the run", self.name),
        )._unifyx_finish_job()

    def _unifyx_delay_batches(self, batches, independent):
        """One job per batch, then the closing job once every one is done:
        concurrent when the batches are independent, else chained."""
        jobs = [batch._unifyx_delayable() for batch in batches]
        graph = group(*jobs) if independent else chain(*jobs)
        graph.on_done(self._unifyx_finish_delayable())
        graph.delay()

    @api.model
    def _cron_process_background(self):
        """Safety net only, the cron enqueues: a queued run whose validation
        job is gone (deleted, or queued before the job queue) gets one again."""
        Job = self.env["queue.job"].sudo()
        for run in self.search([("state", "=", "queued")], order="id"):
            key = "unifyx_migration_validate_%s" % run.id
            if not Job.search_count(
                [("identity_key", "=", key), ("state", "not in", ("done", "cancelled", "failed"))]
            ):
                run.with_user(run.user_id)._unifyx_delay_validation()

    # ------------------------------------------------------------------ jobs
    def _unifyx_job_env(self):
        # As the consultant who queued it, in its company: the same rights and
        # company-dependent values (costs) as an interactive load.
        return self.with_company(self.company_id).with_context(lang=self.env.user.lang)

    def _unifyx_validate_job(self):
        """Validate the whole file once and store the rows to load as batches.
        Idempotent: only a queued run is validated."""
        self.ensure_one()
        run = self._unifyx_job_env()
        if run.state != "queued":
            return "Nothing to do (%s)" % run.state
        batch_rows = max(self._param("background_batch_rows", BACKGROUND_BATCH_ROWS), 1)
        try:
            with self.env.cr.savepoint():
                headers, columns, plans = run._plan()
        except (UserError, AccessError) as error:
            run.write({"state": "load_failed", "validation_error": str(error.args[0])})
            return "Failed: %s" % error
        rejected = [p for p in plans if p.has_error]
        if rejected and not run.commit_valid_rows:
            run._write_report(headers, columns, plans, {}, "failed")
            return "Refused: %s rows in error" % len(rejected)
        # The report of the whole file is written now; batches add their counts.
        run._write_report(headers, columns, plans, {}, "running")
        run.write({"progress_total": len(plans), "count_rejected_at_check": len(rejected)})
        if rejected:
            run._write_rejected_file(headers, rejected)
        loader = self.env["unifyx.migration.loader"]
        # Look-ups the rows share (a product's category) are created now, so
        # that batches loading at once do not create them twice.
        independent = loader._background_prepare(run, run._loadable(plans))
        batches = run._store_batches(headers, columns, plans, batch_rows)
        if not batches:
            run.write({"state": "done", "date_done": fields.Datetime.now()})
            return "No row to load"
        run._unifyx_delay_batches(batches, independent)
        return "%s batches queued" % len(batches)

    def _unifyx_finish_job(self):
        """Close the run once every batch job is done: done with the counts of
        its batches, or *Load failed* when a batch failed (retry from the form)."""
        self.ensure_one()
        run = self.sudo()
        if run.state != "running":
            return "Nothing to do (%s)" % run.state
        batches = run.batch_ids
        if batches.filtered(lambda b: b.state == "pending"):
            return "Batches still to load"
        vals = {
            "count_create": sum(batches.mapped("count_create")),
            "count_update": sum(batches.mapped("count_update")),
            "count_unchanged": sum(batches.mapped("count_unchanged")),
            "count_rejected": run.count_rejected_at_check + sum(batches.mapped("count_rejected")),
        }
        if batches.filtered(lambda b: b.state == "failed"):
            vals["state"] = "load_failed"
        else:
            vals.update({"state": "done", "date_done": fields.Datetime.now()})
        run.write(vals)
        return vals["state"]

    def _store_batches(self, headers, columns, plans, batch_rows):
        """Store the valid rows of ``plans`` as batches of ``batch_rows`` file rows."""
        labels = {name: headers[index] for name, index in columns.items()}
        vals_list = []
        for start in range(0, len(plans), batch_rows):
            chunk = plans[start : start + batch_rows]
            payload = {
                "labels": labels,
                "data": [
                    [p.row, {name: p.raw[index] for name, index in columns.items()}]
                    for p in self._loadable(chunk)
                ],
            }
            vals_list.append(
                {
                    "run_id": self.id,
                    "sequence": start,
                    "rows": len(chunk),
                    "data": base64.b64encode(batch_dump(payload)),
                }
            )
        return self.env["unifyx.migration.batch"].sudo().create(vals_list).sudo(False)

    # ------------------------------------------------------------------ actions
    def action_retry_batches(self):
        """Load the failed batches again (once their cause is fixed), or check
        the file again when its validation failed."""
        self._unifyx_check_may_start()
        for run in self:
            if run.state != "load_failed":
                raise UserError(self.env._("Only an import whose loading failed can be retried."))
            if run.validation_error or not run.batch_ids:
                run._unifyx_queue_background()
                continue
            failed = run.batch_ids.filtered(lambda b: b.state == "failed")
            failed.sudo().write({"state": "pending", "error": False})
            run.write({"state": "running"})
            run._unifyx_delay_batches(failed, False)
        return True
