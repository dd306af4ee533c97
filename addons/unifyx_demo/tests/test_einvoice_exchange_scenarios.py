# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestEinvoiceExchangeScenarios(DemoCompanyCase):
    """The demo went through the production path: the delivered orders left to
    invoice were invoiced by the invoicing jobs (sent and deposited where the
    server can render PDFs: wkhtmltopdf)."""

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
            lambda move: move.move_type == "out_invoice"
        )
        self.assertTrue(invoices)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        jobs = (
            self.env["queue.job"]
            .sudo()
            .search([("channel", "in", ("root.invoicing", "root.einvoice"))])
        )
        self.assertTrue(jobs)
        self.assertEqual(set(jobs.mapped("state")), {"done"})
