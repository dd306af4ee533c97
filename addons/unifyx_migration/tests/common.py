# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase


def csv_bytes(rows, delimiter=";", encoding="cp1252"):
    text = "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"
    return text.encode(encoding)


def xlsx_file(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class MigrationCase(UnifyxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consultant = cls.users["consultant"]
        cls.cenv = cls.env(user=cls.consultant)

    @classmethod
    def profile(cls, target, match_key=None, env=None):
        env = env or cls.cenv
        vals = {"name": "Test %s" % target, "target": target}
        if match_key:
            vals["match_key"] = match_key
        return env["unifyx.migration.profile"].create(vals)

    @staticmethod
    def run_file(profile, name, content, commit=True, partial=False):
        run = profile.env["unifyx.migration.run"].create(
            {
                "profile_id": profile.id,
                "company_id": profile.company_id.id,
                "file_name": name,
                "file": base64.b64encode(content),
                "commit_valid_rows": partial,
            }
        )
        run.action_dry_run()
        if commit:
            run.action_commit()
        return run

    def counts(self, *models):
        return {m: self.env[m].with_context(active_test=False).search_count([]) for m in models}

    def errors(self, run):
        return run.line_ids.filtered(lambda line: line.level == "error")
