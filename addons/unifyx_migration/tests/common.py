# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.tests import TransactionCase

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, UnifyxCase


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
    def _setup_priced(cls, tag, barcode):
        """What price list and contract rows name, in the company: the product
        [<tag>-VIS] "Vis <tag>", the product "Écrou <tag>" known by its
        ``barcode`` only, the category "Outillage <tag>" and the customer
        "Client <tag>" (reference C<tag>01)."""
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        Product = env["product.product"]
        cls.product = Product.create(
            {"name": "Vis %s" % tag, "default_code": "%s-VIS" % tag, "list_price": 1.0}
        )
        cls.scanned = Product.create({"name": "Écrou %s" % tag, "barcode": barcode})
        cls.category = env["product.category"].create({"name": "Outillage %s" % tag})
        cls.customer = env["res.partner"].create(
            {"name": "Client %s" % tag, "ref": "C%s01" % tag, "company_id": cls.company.id}
        )

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
    company, the Lyon (LYO), Marseille (MRS) and Paris (PAR) warehouses, stock
    accounts and a stock journal (``stock_valuation``: the values a category
    valued in real time needs), and the categories "Opening Electricity /
    Cables" (average cost) and "Opening Plumbing / Fittings" (FIFO) valued in
    real time."""

    @classmethod
    def _setup_distributor(cls):
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        Warehouse = cls.env["stock.warehouse"]
        cls.lyon = Warehouse.create({"name": "Lyon", "code": "LYO", "company_id": cls.company.id})
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
        cls.stock_valuation = {"property_stock_journal": journal.id, **accounts}
        Category = cls.env["product.category"]
        cls.categories = {}
        for parent, name, method in (
            ("Opening Electricity", "Cables", "average"),
            ("Opening Plumbing", "Fittings", "fifo"),
        ):
            category = Category.create(
                {"name": name, "parent_id": Category.create({"name": parent}).id}
            )
            cls.categories[method] = cls._value_category(category, method)
        cls.avco, cls.fifo = cls.categories["average"], cls.categories["fifo"]

    @classmethod
    def _value_category(cls, category, method, valuation="real_time"):
        """``category`` valued by ``method`` in the distributor's company, on its
        stock accounts and journal when in real time."""
        vals = {"property_cost_method": method, "property_valuation": valuation}
        if valuation == "real_time":
            vals.update(cls.stock_valuation)
        category.with_company(cls.company).write(vals)
        return category


class MigrationDistributorCase(DistributorMixin, TransactionCase):
    """Files loaded by the distributor's consultant (``cenv``) into its company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_distributor()
        cls.consultant = cls.users["consultant"]
        cls.cenv = cls.env(user=cls.consultant)
        Profile = cls.cenv["unifyx.migration.profile"]
        cls.product_profile = Profile.create({"name": "P", "target": "product"})
        cls.stock_profile = Profile.create({"name": "S", "target": "stock"})

    @classmethod
    def load(cls, profile, rows, commit=True, name="file.xlsx", content=None):
        """The run of ``rows`` (an .xlsx unless ``content`` is given) through
        ``profile``: dry run, then commit."""
        return MigrationCase.run_file(profile, name, content or xlsx_file(rows), commit=commit)

    def product(self, code):
        return self.env["product.product"].search([("default_code", "=", code)])

    def messages(self, run, row=None, level=None):
        return [
            line.message
            for line in run.line_ids
            if (row is None or line.row_number == row) and (level is None or line.level == level)
        ]

    def errors(self, run):
        return run.line_ids.filtered(lambda line: line.level == "error")
