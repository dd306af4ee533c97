# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A company with Odoo's test chart, the folder platform in a temporary
folder, and users of the roles that meet e-invoices."""

import json
import os
import shutil
import tempfile

from odoo.addons.account.tests.common import (
    AccountTestInvoicingCommon,
    AccountTestInvoicingHttpCommon,
)
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.unifyx_base.tools.jobs import run_pending_jobs


class EinvoiceMixin:
    @classmethod
    def _setup_einvoice(cls):
        cls.company = cls.company_data["company"]
        cls.customer = cls.partner_a
        cls.customer.email = "partner.a@example.com"
        cls.users = {}
        for role in ("finance", "salesperson", "warehouse_operator"):
            cls.users[role] = mail_new_test_user(
                cls.env,
                login="unifyx_einv_%s" % role,
                groups="base.group_user,unifyx_base.group_%s" % role,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
        cls.billing = mail_new_test_user(
            cls.env,
            login="unifyx_einv_billing",
            groups="base.group_user,account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )

    def setUp(self):
        super().setUp()
        # A folder of its own per test: files left by one never reach another.
        self.folder = tempfile.mkdtemp(prefix="unifyx-einvoice-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.company.sudo().write(
            {"unifyx_einvoice_platform": "folder", "unifyx_einvoice_folder": self.folder}
        )

    def _send(self, invoice):
        """Send as Odoo's Send button does, then run the deposit job."""
        self.env["account.move.send"]._generate_and_send_invoices(invoice, allow_raising=False)
        return run_pending_jobs(self.env, [("channel", "=", "root.einvoice")])

    def _drop(self, name, content):
        inbox = os.path.join(self.folder, "inbox")
        os.makedirs(inbox, exist_ok=True)
        if not isinstance(content, bytes):
            content = json.dumps(content).encode()
        with open(os.path.join(inbox, name), "wb") as handle:
            handle.write(content)

    def _fetch(self):
        return self.company._unifyx_einvoice_fetch()


class EinvoiceCase(EinvoiceMixin, AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_einvoice()


class EinvoiceHttpCase(EinvoiceMixin, AccountTestInvoicingHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_einvoice()
