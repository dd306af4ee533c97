# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run queued jobs now, in order, as OCA's job runner runs them: for the
demo (generated in one transaction) and the tests. Only addons that depend on
``queue_job`` import this module."""

from odoo.addons.queue_job.job import Job


def run_pending_jobs(env, domain=None):
    """Run the pending jobs matching ``domain``, and the jobs they queue or
    that waited for them (queue_job graphs), each
    performed as the user who queued it, then marked done. Returns the
    ``queue.job`` records run."""
    Jobs = env["queue.job"].sudo()
    done = Jobs.browse()
    search = [("state", "=", "pending")] + list(domain or [])
    while jobs := Jobs.search(search + [("id", "not in", done.ids)], order="id"):
        for record in jobs:
            job = Job.load(env(su=True), record.uuid)
            job.set_started()
            job.set_done(result=job.perform())
            job.store()
            # As the runner does: jobs waiting for this one become pending.
            env["queue.job"].flush_model()
            job.enqueue_waiting()
            done |= record
    env.invalidate_all()
    return done
