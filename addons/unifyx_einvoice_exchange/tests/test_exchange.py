# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import EinvoiceCase, EinvoiceHttpCase


def _iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


@tagged("post_install", "-at_install")
class TestFolderPlatform(EinvoiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_data_2 = cls.setup_other_company()

    def _invoice(self, amount=1000.0):
        invoice = self.init_invoice(
            "out_invoice", partner=self.customer, amounts=[amount], post=True
        )
        return invoice

    def _not_accepted(self):
        return self.env["account.move"].search(
            [
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("unifyx_einvoice_status", "!=", False),
                ("unifyx_einvoice_accepted", "=", False),
            ]
        )

    def test_deposit_then_approved_by_status_file(self):
        invoice = self._invoice()
        jobs = self._send(invoice)
        self.assertEqual(len(jobs), 1, "one deposit job, in its channel")
        ref = invoice.unifyx_einvoice_platform_ref
        self.assertTrue(ref)
        self.assertTrue(os.path.isfile(os.path.join(self.folder, "outbox", ref + ".pdf")))
        self.assertEqual(invoice.unifyx_einvoice_status, "deposited")
        self.assertEqual(invoice.unifyx_einvoice_status_ids.status, "deposited")
        self.assertIn(invoice, self._not_accepted())
        # The deposit job again: nothing more.
        self.assertEqual(invoice._unifyx_einvoice_deposit_job(), "Nothing to deposit")
        self.assertEqual(len(invoice.unifyx_einvoice_status_ids), 1)
        # The platform: received (202) then approved (205).
        now = fields.Datetime.now().replace(microsecond=0)
        approved_at = now + timedelta(hours=26)
        self._drop("a.json", {"ref": ref, "status": "202", "date": _iso(now + timedelta(hours=1))})
        self._drop("b.json", {"ref": ref, "status": "approved", "date": _iso(approved_at)})
        applied, bills = self._fetch()
        self.assertEqual(applied, 2)
        self.assertFalse(bills)
        self.assertEqual(invoice.unifyx_einvoice_status, "approved")
        self.assertEqual(invoice.unifyx_einvoice_status_date, approved_at)
        self.assertEqual(
            invoice.unifyx_einvoice_status_ids.sorted().mapped("status"),
            ["approved", "received", "deposited"],
        )
        self.assertTrue(invoice.unifyx_einvoice_accepted)
        self.assertNotIn(invoice, self._not_accepted())
        # The same files read again (the transaction rolled back): nothing more.
        self._fetch()
        self.assertEqual(len(invoice.unifyx_einvoice_status_ids), 3)
        # Once committed, the files leave the inbox.
        self.env.cr.postcommit.run()
        self.assertEqual(
            sorted(os.listdir(os.path.join(self.folder, "inbox", "done"))), ["a.json", "b.json"]
        )
        self.assertEqual(self._fetch(), (0, self.env["account.move"]))

    def test_refused_by_the_customer(self):
        invoice = self._invoice(500.0)
        self._send(invoice)
        ref = invoice.unifyx_einvoice_platform_ref
        # An older message arriving late does not override the newer status.
        now = fields.Datetime.now()
        self._drop(
            "r.json",
            [
                {
                    "ref": ref,
                    "status": "210",
                    "date": _iso(now + timedelta(hours=2)),
                    "reason": "Prix erroné",
                },
                {"ref": ref, "status": "203", "date": _iso(now + timedelta(hours=1))},
            ],
        )
        self._fetch()
        self.assertEqual(invoice.unifyx_einvoice_status, "refused")
        self.assertTrue(invoice.unifyx_einvoice_closed)
        refusal = invoice.unifyx_einvoice_status_ids.filtered(lambda s: s.status == "refused")
        self.assertEqual(refusal.reason, "Prix erroné")
        self.assertEqual(refusal.source, "platform")
        self.assertIn(invoice, self._not_accepted())
        self.assertEqual(
            self.env["account.move"].search(
                [("unifyx_einvoice_status", "in", ("refused", "rejected", "disputed"))]
            ),
            invoice,
        )

    def test_incoming_invoice_becomes_a_draft_bill(self):
        """A vendor's invoice, written as UBL (BIS 3) by Odoo for the second
        company, received by the first one through the platform."""
        other = self.company_data_2["company"]
        vendor = self.env["res.partner"].create(
            {"name": other.name, "vat": "FR23334175221", "country_id": self.env.ref("base.fr").id}
        )
        other.partner_id.write({"vat": "FR23334175221", "country_id": self.env.ref("base.fr").id})
        self.env.company.partner_id.country_id = self.env.ref("base.fr")
        sale = (
            self.env["account.move"]
            .with_company(other)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.env.company.partner_id.id,
                    "invoice_date": "2026-11-30",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Pallet of widgets",
                                "quantity": 4,
                                "price_unit": 250.0,
                                "tax_ids": [
                                    Command.set(self.company_data_2["default_tax_sale"].ids)
                                ],
                            }
                        )
                    ],
                }
            )
        )
        sale.action_post()
        xml, _errors = self.env["account.edi.xml.ubl_bis3"]._export_invoice(sale)
        self._drop("VENDOR-INV-1.xml", xml)
        applied, bills = self._fetch()
        self.assertEqual(applied, 0)
        self.assertEqual(len(bills), 1)
        self.assertEqual(bills.move_type, "in_invoice")
        self.assertEqual(bills.state, "draft")
        self.assertEqual(bills.company_id, self.company)
        self.assertEqual(bills.partner_id, vendor)
        self.assertEqual(bills.amount_untaxed, 1000.0)
        self.assertEqual(bills.unifyx_einvoice_status, "received")
        self.assertEqual(bills.unifyx_einvoice_platform_ref, "VENDOR-INV-1")
        # Read twice: one bill.
        self.assertFalse(self._fetch()[1])

    def test_finance_records_a_status_others_may_not(self):
        invoice = self._invoice()
        self._send(invoice)
        finance = self.users["finance"]
        wizard = (
            self.env["unifyx.einvoice.status.wizard"]
            .with_user(finance)
            .create(
                {
                    "move_ids": [Command.set(invoice.ids)],
                    "status": "paid",
                    "reason": "Bank statement",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(invoice.unifyx_einvoice_status, "paid")
        step = invoice.unifyx_einvoice_status_ids.filtered(lambda s: s.source == "user")
        self.assertEqual(
            (step.source, step.user_id, step.reason), ("user", finance, "Bank statement")
        )
        # Refused: the roles without finance, a direct write, a forged history row.
        for user in (self.users["salesperson"], self.users["warehouse_operator"], self.billing):
            with self.assertRaises(AccessError):
                self.env["unifyx.einvoice.status.wizard"].with_user(user).create(
                    {"move_ids": [Command.set(invoice.ids)], "status": "refused", "reason": "x"}
                ).action_apply()
        for user in (finance, self.billing):
            with self.assertRaises(AccessError):
                invoice.with_user(user).write({"unifyx_einvoice_status": "approved"})
            with self.assertRaises(AccessError):
                self.env["unifyx.einvoice.status"].with_user(user).create(
                    {"move_id": invoice.id, "status": "approved"}
                )
            with self.assertRaises(AccessError):
                invoice.unifyx_einvoice_status_ids.with_user(user).unlink()
        self.assertEqual(invoice.unifyx_einvoice_status, "paid")
        self.assertEqual(len(invoice.unifyx_einvoice_status_ids), 2)


@tagged("post_install", "-at_install")
class TestStatusRpc(RpcClientMixin, EinvoiceHttpCase):
    def test_status_refused_over_rpc(self):
        invoice = self.init_invoice(
            "out_invoice", partner=self.customer, amounts=[100.0], post=True
        )
        self._send(invoice)
        finance = self.users["finance"]
        self.assertRpcRefused(
            "only through the platform",
            finance,
            "account.move",
            "write",
            [invoice.id],
            {"unifyx_einvoice_status": "approved"},
        )
        self.assertRpcRefused(
            "written by the server only",
            finance,
            "unifyx.einvoice.status",
            "create",
            {"move_id": invoice.id, "status": "approved"},
        )
        self.assertRpcRefused(
            "not allowed",
            self.users["salesperson"],
            "unifyx.einvoice.status.wizard",
            "create",
            {"move_ids": [[6, 0, invoice.ids]], "status": "approved", "reason": "x"},
        )
        self.assertEqual(invoice.unifyx_einvoice_status, "deposited")
        self.assertEqual(len(invoice.unifyx_einvoice_status_ids), 1)
