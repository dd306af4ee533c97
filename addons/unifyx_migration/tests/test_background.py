# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models import unifyx_migration_run as run_module
from ..models import unifyx_migration_run_background as background
from ..tools.readers import Table, read_table
from .common import MigrationCase, csv_bytes

HEADER = ["Réf. article", "Désignation", "Unité", "Famille", "Prix de vente", "Coût"]


def products_csv(count, prefix="BG"):
    rows = [HEADER] + [
        ["%s-%06d" % (prefix, n), "Article %d" % n, "pcs", "Fond > Vrac", "2,50", "1,10"]
        for n in range(count)
    ]
    return csv_bytes(rows)


@tagged("post_install", "-at_install")
class TestBackgroundRuns(MigrationCase):
    def _large_run(self, content, name="big.csv"):
        # Any file over 1 KB is "large" here; batches of 12 rows.
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("unifyx_migration.background_size_kb", "1")
        params.set_param("unifyx_migration.background_batch_rows", "12")
        profile = self.profile("product", "default_code")
        return self.cenv["unifyx.migration.run"].create(
            {
                "profile_id": profile.id,
                "file_name": name,
                "file": base64.b64encode(content),
            }
        )

    def _cron_call(self, until_done=False):
        """Call the job as ir.cron does, with a progress record to report to."""
        cron = self.env.ref("unifyx_migration.ir_cron_process_background_runs")
        for _call in range(100):
            cron, progress = cron._add_progress()
            cron.ir_actions_server_id.with_context(**cron.env.context).run()
            if not until_done or not progress.remaining:
                return progress
        self.fail("the job never reported that it was done")

    def test_large_file_queued_then_resumed_after_interruption(self):
        run = self._large_run(products_csv(30))
        before = self.counts("product.template")
        run.action_commit()
        self.assertEqual(run.state, "queued", "not loaded in the request")
        self.assertEqual(self.counts("product.template"), before)
        with self.assertRaises(UserError):
            run.action_commit()

        # Odoo's cron calls the job once per batch and commits in between: the
        # first call validates the whole file, the second loads one batch,
        # then the server dies.
        self._cron_call()
        self.assertEqual(run.state, "running")
        self.assertEqual(run.progress_done, 0)
        self._cron_call()
        self.assertEqual(run.state, "running")
        self.assertEqual((run.progress_done, run.progress_total), (12, 30))
        self.assertEqual(run.progress, 40.0)
        created = self.env["product.template"].search([("default_code", "=like", "BG-%")])
        self.assertEqual(len(created), 12)

        # It resumes after the last batch done: nothing is written twice.
        self._cron_call(until_done=True)
        self.assertEqual(run.state, "done")
        self.assertEqual(run.count_create, 30)
        self.assertEqual(run.progress_done, 30)
        products = self.env["product.template"].search([("default_code", "=like", "BG-%")])
        self.assertEqual(len(products), 30)
        self.assertEqual(sorted(products.mapped("default_code"))[0], "BG-000000")
        self.assertEqual(products.create_uid, self.consultant, "loaded as who queued it")
        self.assertEqual(set(products.with_company(run.company_id).mapped("standard_price")), {1.1})

        # The same file again: every row unchanged.
        again = self._large_run(products_csv(30), "big-again.csv")
        again.action_commit()
        self._cron_call(until_done=True)
        self.assertEqual((again.count_create, again.count_unchanged), (0, 30))

    def _batches(self, run):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", run._name),
                ("res_id", "=", run.id),
                ("name", "=like", background.BATCH_PREFIX + "%"),
            ]
        )

    def test_file_read_once_for_the_whole_job_and_a_crash_replays_one_batch(self):
        run = self._large_run(products_csv(30, prefix="RO"))
        run.action_commit()
        rows_read = []

        def counting_read_table(filename, content):
            table = read_table(filename, content)

            def rows():
                for number, values in table:
                    rows_read.append(number)
                    yield number, values

            return Table(table.headers, rows())

        with patch.object(run_module, "read_table", counting_read_table):
            self._cron_call()  # validation: the whole file, stored as 3 batches
            self.assertEqual(len(self._batches(run)), 3)
            # The server dies in the middle of the first batch: it is undone and
            # stays to be loaded.
            with self.assertRaises(RuntimeError), self.env.cr.savepoint():
                run.with_user(self.consultant)._process_background_batch(12)
                raise RuntimeError("killed before the commit")
            self.env.invalidate_all()
            self.assertEqual(run.progress_done, 0)
            self.assertEqual(len(self._batches(run)), 3)
            self.assertFalse(
                self.env["product.template"].search([("default_code", "=like", "RO-%")])
            )
            self._cron_call(until_done=True)
        self.assertEqual(rows_read, list(range(2, 32)), "each file row read once, in order")
        self.assertEqual((run.state, run.count_create, run.progress_done), ("done", 30, 30))
        products = self.env["product.template"].search([("default_code", "=like", "RO-%")])
        self.assertEqual(len(products), 30, "nothing written twice")
        self.assertFalse(self._batches(run), "no batch left behind")

    def test_large_file_without_rows_is_done_at_validation(self):
        run = self._large_run(csv_bytes([HEADER]), "empty.csv")
        self.env["ir.config_parameter"].sudo().set_param("unifyx_migration.background_size_kb", "0")
        run.action_commit()
        self.assertEqual(run.state, "queued")
        self._cron_call()
        self.assertEqual((run.state, run.progress_total, run.count_create), ("done", 0, 0))
        self.assertTrue(run.date_done)
        self.assertFalse(self._batches(run))

    def test_batches_keep_dates(self):
        cells = {
            "date": datetime.date(2026, 3, 1),
            "datetime": datetime.datetime(2026, 3, 1, 8, 30),
            "time": datetime.time(8, 30),
            "text": "$date",
            "number": 1.5,
            "none": None,
        }
        payload = {"rows": 1, "labels": {"date": "Du"}, "data": [[2, cells]]}
        self.assertEqual(background._batch_load(background._batch_dump(payload)), payload)

    def test_large_file_with_an_error_loads_nothing(self):
        rows = products_csv(29).decode("cp1252") + "BG-BAD;;pcs;X;abc;1\r\n"
        run = self._large_run(rows.encode("cp1252"))
        before = self.counts("product.template")
        run.action_commit()
        self._cron_call(until_done=True)
        self.assertEqual(run.state, "failed")
        self.assertTrue(self.errors(run))
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
        self.assertEqual(self.counts("product.template", "product.product"), before)
