# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.addons.unifyx_approvals.tests.common import RoleUsersMixin, UnifyxCase


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


class DistributorMixin(RoleUsersMixin):
    """A distributor of its own, without the demo: users per role in a French
    company, the Marseille (MRS) and Paris (PAR) warehouses, and a cable category
    valued at average cost in real time (its stock accounts and journal)."""

    @classmethod
    def _setup_distributor(cls):
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        Warehouse = cls.env["stock.warehouse"]
        cls.marseille = Warehouse.create(
            {"name": "Marseille", "code": "MRS", "company_id": cls.company.id}
        )
        cls.paris = Warehouse.create({"name": "Paris", "code": "PAR", "company_id": cls.company.id})
        Account = cls.env["account.account"]
        accounts = {
            fname: Account.create(
                {
                    "name": name,
                    "code": code,
                    "account_type": "asset_current",
                    "company_ids": cls.company.ids,
                }
            ).id
            for fname, name, code in (
                ("property_stock_valuation_account_id", "Stock test", "310900"),
                ("property_stock_account_input_categ_id", "Stock in test", "310910"),
                ("property_stock_account_output_categ_id", "Stock out test", "310920"),
            )
        }
        journal = cls.env["account.journal"].create(
            {"name": "Stock test", "code": "STKT", "type": "general", "company_id": cls.company.id}
        )
        Category = cls.env["product.category"]
        cls.categories = {}
        for parent, name, method in (
            ("Electricity", "Cables", "average"),
            ("Plumbing", "Fittings", "fifo"),
        ):
            category = Category.create(
                {"name": name, "parent_id": Category.create({"name": parent}).id}
            )
            category.with_company(cls.company).write(
                {
                    "property_cost_method": method,
                    "property_valuation": "real_time",
                    "property_stock_journal": journal.id,
                    **accounts,
                }
            )
            cls.categories[method] = category
        cls.avco, cls.fifo = cls.categories["average"], cls.categories["fifo"]
