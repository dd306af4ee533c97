# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestEinvoiceExchangeScenarios(DemoCompanyCase):
    """The demo went through the production path: the delivered orders left to
    invoice were invoiced by the invoicing jobs, sent, deposited on the folder
    platform, and the platform's statuses read."""

    def test_delivered_orders_invoiced_by_the_jobs(self):
        deliveries = self.env["stock.picking"].search(
            [("company_id", "=", self.company.id), ("unifyx_invoicing_state", "=", "done")]
        )
        self.assertTrue(deliveries)
        self.assertFalse(
            self.env["stock.picking"].search_count(
                [("company_id", "=", self.company.id), ("unifyx_invoicing_state", "=", "failed")]
            )
        )
        invoices = deliveries.sale_id.invoice_ids.filtered(
            lambda move: move.unifyx_einvoice_platform_ref
        )
        self.assertTrue(invoices)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertTrue(all(invoices.mapped("is_move_sent")))
        jobs = (
            self.env["queue.job"]
            .sudo()
            .search([("channel", "in", ("root.invoicing", "root.einvoice"))])
        )
        self.assertTrue(jobs)
        self.assertEqual(set(jobs.mapped("state")), {"done"})

    def test_deposited_invoices_carry_their_statuses(self):
        invoices = self.env["account.move"].search(
            [("company_id", "=", self.company.id), ("unifyx_einvoice_platform_ref", "!=", False)]
        )
        outbox = os.path.join(self.company.sudo().unifyx_einvoice_folder, "outbox")
        for invoice in invoices:
            self.assertTrue(
                os.path.isfile(os.path.join(outbox, invoice.unifyx_einvoice_platform_ref + ".pdf"))
            )
            self.assertEqual(invoice.unifyx_einvoice_status_ids[-1:].status, "deposited")
        statuses = set(invoices.mapped("unifyx_einvoice_status"))
        self.assertTrue({"made_available", "approved", "refused", "paid"} <= statuses, statuses)
        refused = invoices.filtered(lambda move: move.unifyx_einvoice_status == "refused")
        self.assertEqual(
            refused.unifyx_einvoice_status_ids.filtered(lambda s: s.status == "refused")[:1].reason,
            "Quantité facturée différente de la quantité reçue",
        )
        # Finance's list: not yet accepted.
        not_accepted = (
            self.env["account.move"]
            .with_user(self.user["finance"])
            .search(
                [
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("unifyx_einvoice_status", "!=", False),
                    ("unifyx_einvoice_accepted", "=", False),
                ]
            )
        )
        self.assertEqual(
            not_accepted,
            invoices.filtered(lambda move: move.unifyx_einvoice_status not in ("approved", "paid")),
        )
