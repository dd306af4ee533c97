# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, RpcClientMixin
from odoo.addons.unifyx_base.tools.jobs import run_pending_jobs

from ..models import unifyx_migration_batch as batch_module
from .common import MigrationCase, csv_bytes

HEADER = ["Réf. article", "Désignation", "Unité", "Famille", "Prix de vente", "Coût"]
JOBS = ("_unifyx_validate_job", "_unifyx_load_job", "_unifyx_finish_job")


def products_csv(count, prefix="BG", family="Fond > Vrac"):
    rows = [HEADER] + [
        ["%s-%06d" % (prefix, n), "Article %d" % n, "pcs", family, "2,50", "1,10"]
        for n in range(count)
    ]
    return csv_bytes(rows)


class BackgroundMixin:
    def _large_run(self, env, content, name="big.csv", target="product", key="default_code"):
        """A run of ``content`` by the user of ``env``, a large file (over 1 KB)."""
        # Any file over 1 KB is "large" here; batches of 12 rows.
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("unifyx_migration.background_size_kb", "1")
        params.set_param("unifyx_migration.background_batch_rows", "12")
        vals = {"name": "Test %s" % target, "target": target}
        if key:
            vals["match_key"] = key
        profile = env["unifyx.migration.profile"].create(vals)
        return env["unifyx.migration.run"].create(
            {"profile_id": profile.id, "file_name": name, "file": base64.b64encode(content)}
        )

    def _jobs(self, run, method=None, state=None):
        """The migration jobs of ``run`` (its own and its batches')."""
        Jobs = self.env["queue.job"].sudo()
        jobs = Jobs.search([("method_name", "in", JOBS)], order="id")
        jobs = jobs.filtered(
            lambda j: (
                (j.model_name, j.records.ids) == (run._name, run.ids)
                or (
                    j.model_name == "unifyx.migration.batch"
                    and set(j.records.ids) <= set(run.batch_ids.ids)
                )
            )
        )
        if method:
            jobs = jobs.filtered(lambda j: j.method_name == method)
        if state:
            jobs = jobs.filtered(lambda j: j.state == state)
        return jobs


@tagged("post_install", "-at_install")
class TestBackgroundRuns(BackgroundMixin, MigrationCase):
    def _run_jobs(self, method=None):
        domain = [("method_name", "=", method)] if method else [("method_name", "in", JOBS)]
        return run_pending_jobs(self.env, domain)

    def _products(self, prefix):
        return self.env["product.template"].search([("default_code", "=like", prefix + "-%")])

    def test_large_file_loads_through_parallel_batch_jobs(self):
        run = self._large_run(self.cenv, products_csv(30))
        before = self.counts("product.template")
        run.action_commit()
        self.assertEqual(run.state, "queued", "not loaded in the request")
        self.assertEqual(self.counts("product.template"), before)
        validate = self._jobs(run)
        self.assertEqual(validate.mapped("method_name"), ["_unifyx_validate_job"])
        self.assertEqual(validate.channel, "root.migration")
        self.assertEqual(validate.user_id, self.consultant, "queued as the consultant")
        with self.assertRaises(UserError):
            run.action_commit()

        # The validation job checks the whole file and stores 3 batches, one
        # job each, all runnable at once; the closing job waits for them.
        self._run_jobs("_unifyx_validate_job")
        self.assertEqual(run.state, "running")
        self.assertEqual((run.progress_done, run.progress_total, run.batch_count), (0, 30, 3))
        loads = self._jobs(run, "_unifyx_load_job")
        self.assertEqual(len(loads), 3)
        self.assertEqual(set(loads.mapped("state")), {"pending"}, "independent batches")
        self.assertEqual(set(loads.mapped("channel")), {"root.migration"})
        finish = self._jobs(run, "_unifyx_finish_job")
        self.assertEqual(finish.state, "wait_dependencies")
        self.assertEqual(len(self.env["product.category"].search([("name", "=", "Vrac")])), 1)

        # One batch loaded: its rows only, the run shows it.
        first = loads[0]
        Job.load(self.env(su=True), first.uuid).perform()
        self.env.invalidate_all()
        self.assertEqual((run.progress_done, run.batch_done_count), (12, 1))
        self.assertEqual(run.progress, 40.0)
        self.assertEqual(len(self._products("BG")), 12)

        self._run_jobs()
        self.assertEqual(run.state, "done")
        self.assertEqual((run.count_create, run.progress_done, run.batch_done_count), (30, 30, 3))
        self.assertTrue(run.date_done)
        products = self._products("BG")
        self.assertEqual(len(products), 30)
        self.assertEqual(products.create_uid, self.consultant, "loaded as who queued it")
        self.assertEqual(set(products.with_company(run.company_id).mapped("standard_price")), {1.1})
        self.assertEqual(len(products.categ_id), 1, "the category created once")

        # Every job run again: nothing more is created, no value changes.
        values = products.read(["name", "list_price", "categ_id", "write_date"])
        counts = run.read(["count_create", "count_update", "count_unchanged", "state"])
        for job in self._jobs(run):
            Job.load(self.env(su=True), job.uuid).perform()
        self.env.invalidate_all()
        self.assertEqual(self._products("BG"), products)
        self.assertEqual(products.read(["name", "list_price", "categ_id", "write_date"]), values)
        self.assertEqual(
            run.read(["count_create", "count_update", "count_unchanged", "state"]), counts
        )

        # The same file again: every row unchanged.
        again = self._large_run(self.cenv, products_csv(30), "big-again.csv")
        again.action_commit()
        self._run_jobs()
        self.assertEqual((again.state, again.count_create, again.count_unchanged), ("done", 0, 30))

    def test_dependent_batches_load_one_after_the_other(self):
        # Categories create their parents: batches of another target are chained.
        rows = [["Famille"]] + [["Chaîne CH / Niveau %03d" % n] for n in range(30)]
        run = self._large_run(self.cenv, csv_bytes(rows), "familles.csv", "category", None)
        self.env["ir.config_parameter"].sudo().set_param("unifyx_migration.background_size_kb", "0")
        run.action_commit()
        self._run_jobs("_unifyx_validate_job")
        loads = self._jobs(run, "_unifyx_load_job")
        self.assertEqual(
            sorted(loads.mapped("state")), ["pending", "wait_dependencies", "wait_dependencies"]
        )
        self._run_jobs()
        self.assertEqual((run.state, run.count_create), ("done", 30))
        self.assertEqual(len(self.env["product.category"].search([("name", "=", "Chaîne CH")])), 1)

    def test_failing_batch_shows_on_the_run_and_retry_loads_it(self):
        run = self._large_run(self.cenv, products_csv(30, prefix="KO"))
        run.action_commit()
        self._run_jobs("_unifyx_validate_job")
        # The consultant loses the role before the batches load: each batch
        # fails with Odoo's message, nothing of it is written.
        group = self.env.ref("unifyx_base.group_consultant")
        self.consultant.groups_id = [(3, group.id)]
        run = run.sudo()  # read by the test, not by the consultant
        self._run_jobs()
        self.assertEqual(run.state, "load_failed")
        self.assertEqual((run.batch_failed_count, run.batch_done_count), (3, 0))
        self.assertIn("unifyx.migration", run.background_error)
        self.assertTrue(all(run.batch_ids.mapped("error")))
        self.assertFalse(self._products("KO"))
        with self.assertRaises(UserError):
            run.with_user(self.consultant).sudo().action_commit()
        # Only a consultant retries.
        with self.assertRaises(AccessError):
            run.with_user(self.users["salesperson"]).action_retry_batches()
        self.assertEqual(run.state, "load_failed")

        self.consultant.groups_id = [(4, group.id)]
        run.with_user(self.consultant).action_retry_batches()
        self.assertEqual(run.state, "running")
        self._run_jobs()
        self.assertEqual((run.state, run.count_create, run.batch_failed_count), ("done", 30, 0))
        self.assertFalse(run.background_error)
        self.assertEqual(len(self._products("KO")), 30)

    def test_batches_are_written_by_their_jobs_only(self):
        run = self._large_run(self.cenv, products_csv(30, prefix="WR"))
        run.action_commit()
        self._run_jobs("_unifyx_validate_job")
        batch = run.batch_ids[0].with_user(self.consultant)
        with self.assertRaises(AccessError):
            batch.write({"state": "done"})
        with self.assertRaises(AccessError):
            self.cenv["unifyx.migration.batch"].create({"run_id": run.id, "rows": 1})
        self.assertEqual(batch.state, "pending")

    def test_cron_only_requeues_a_run_left_without_its_job(self):
        run = self._large_run(self.cenv, products_csv(30, prefix="CR"))
        run.action_commit()
        self._jobs(run).unlink()
        self.env["unifyx.migration.run"]._cron_process_background()
        self.env["unifyx.migration.run"]._cron_process_background()
        self.assertEqual(len(self._jobs(run)), 1, "one validation job, queued once")
        self.assertEqual(run.state, "queued", "the cron loads nothing itself")
        self._run_jobs()
        self.assertEqual((run.state, run.count_create), ("done", 30))

    def test_large_file_without_rows_is_done_at_validation(self):
        run = self._large_run(self.cenv, csv_bytes([HEADER]), "empty.csv")
        self.env["ir.config_parameter"].sudo().set_param("unifyx_migration.background_size_kb", "0")
        run.action_commit()
        self.assertEqual(run.state, "queued")
        self._run_jobs()
        self.assertEqual((run.state, run.progress_total, run.count_create), ("done", 0, 0))
        self.assertTrue(run.date_done)
        self.assertFalse(run.batch_ids)

    def test_batches_keep_dates(self):
        cells = {
            "date": datetime.date(2026, 3, 1),
            "datetime": datetime.datetime(2026, 3, 1, 8, 30),
            "time": datetime.time(8, 30),
            "text": "$date",
            "number": 1.5,
            "none": None,
        }
        payload = {"labels": {"date": "Du"}, "data": [[2, cells]]}
        self.assertEqual(batch_module.batch_load(batch_module.batch_dump(payload)), payload)

    def test_large_file_with_an_error_loads_nothing(self):
        rows = products_csv(29).decode("cp1252") + "BG-BAD;;pcs;X;abc;1\r\n"
        run = self._large_run(self.cenv, rows.encode("cp1252"))
        before = self.counts("product.template")
        run.action_commit()
        self._run_jobs()
        self.assertEqual(run.state, "failed")
        self.assertTrue(self.errors(run))
        self.assertFalse(run.batch_ids)
        self.assertEqual(self.counts("product.template"), before)

    def test_200000_row_file_goes_to_background_and_changes_nothing_at_upload(self):
        content = products_csv(200_000, prefix="HUGE")
        self.assertGreater(len(content), 1024 * 1024, "over the default 1 MB")
        profile = self.profile("product", "default_code")
        before = self.counts("product.template", "product.product")
        run = self.cenv["unifyx.migration.run"].create(
            {"profile_id": profile.id, "file_name": "huge.csv", "file": base64.b64encode(content)}
        )
        # The preview streams the first rows only.
        run.action_preview()
        self.assertIn("HUGE-000009", run.preview_html)
        self.assertNotIn("HUGE-000010", run.preview_html)
        run.action_commit()
        self.assertEqual(run.state, "queued")
        self.assertTrue(run.background)
        self.assertEqual(len(self._jobs(run)), 1)
        self.assertEqual(self.counts("product.template", "product.product"), before)


@tagged("post_install", "-at_install")
class TestBackgroundRpc(BackgroundMixin, RoleUsersMixin, RpcClientMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()

    def test_only_a_consultant_enqueues_an_import_over_rpc(self):
        consultant = self.users["consultant"]
        run = self._large_run(self.env(user=consultant), products_csv(30, prefix="RPC"))
        jobs_before = self.env["queue.job"].sudo().search_count([])
        for role in ("salesperson", "warehouse_manager", "finance", "director"):
            user = self.users[role]
            with self.subTest(role=role):
                self.assertRpcRefused(
                    "unifyx.migration.run", user, "unifyx.migration.run", "action_commit", [run.id]
                )
                self.assertRpcRefused(
                    "Only a consultant",
                    user,
                    "unifyx.migration.run",
                    "action_retry_batches",
                    [run.id],
                )
        self.assertEqual(run.state, "draft")
        self.assertEqual(self.env["queue.job"].sudo().search_count([]), jobs_before)
        # The consultant may: one validation job queued.
        self.xmlrpc_call(consultant, "unifyx.migration.run", "action_commit", [run.id])
        self.assertEqual(run.state, "queued")
        self.assertEqual(len(self._jobs(run)), 1)
