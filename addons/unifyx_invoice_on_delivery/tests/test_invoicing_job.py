# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import InvoiceOnDeliveryCase, InvoiceOnDeliveryHttpCase


@tagged("post_install", "-at_install")
class TestInvoicingJob(InvoiceOnDeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.unifyx_invoice_on_delivery = True

    def _break_invoicing(self):
        """The customer's receivable account is deprecated: Odoo refuses to post."""
        self.bad_receivable = self.company_data["default_account_receivable"].copy(
            {"code": "411099", "name": "Old receivable", "deprecated": True}
        )
        self.customer.property_account_receivable_id = self.bad_receivable

    def test_delivery_done_when_posting_fails_then_retry(self):
        self._break_invoicing()
        order = self._sell(4)
        picking = order.picking_ids
        self._validate(picking)
        # Queued in the invoicing channel, not run in the validation.
        job = self._invoicing_jobs()
        self.assertEqual(len(job), 1)
        self.assertEqual(job.channel, "root.invoicing")
        self.assertEqual(picking.unifyx_invoicing_state, "pending")
        self._run_invoicing_jobs()
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 4)
        self.assertFalse(order.invoice_ids, "the failed invoice is rolled back, not left in draft")
        self.assertEqual(picking.unifyx_invoicing_state, "failed")
        self.assertIn("(411099) is deprecated", picking.unifyx_invoicing_error)
        self.assertTrue(order.unifyx_invoicing_failed)
        self.assertIn(picking.name, order.unifyx_invoicing_error)
        self.assertEqual(
            self.env["sale.order"].search([("unifyx_invoicing_failed", "=", True)]), order
        )
        self.assertEqual(
            self.env["stock.picking"].search([("unifyx_invoicing_state", "=", "failed")]),
            picking,
        )
        # Accounting fixes the account and retries: posted (and sent).
        self.bad_receivable.deprecated = False
        picking.with_user(self.accountant).action_unifyx_retry_invoicing()
        self.assertEqual(picking.unifyx_invoicing_state, "pending")
        self._run_invoicing_jobs()
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_untaxed, 400.0)
        self.assertEqual(invoice.amount_total, 460.0)
        self.assertTrue(invoice.is_move_sent)
        self.assertEqual(picking.unifyx_invoicing_state, "done")
        self.assertFalse(picking.unifyx_invoicing_error)
        self.assertFalse(order.unifyx_invoicing_failed)

    def test_retry_from_the_order(self):
        self._break_invoicing()
        order = self._sell(1)
        self._validate(order.picking_ids)
        self._run_invoicing_jobs()
        self.bad_receivable.deprecated = False
        order.with_user(self.accountant).action_unifyx_retry_invoicing()
        self._run_invoicing_jobs()
        self.assertEqual(order.invoice_ids.state, "posted")
        # Nothing failed any more: a retry is refused.
        with self.assertRaises(UserError):
            order.picking_ids.with_user(self.accountant).action_unifyx_retry_invoicing()

    def test_retry_refused_roles(self):
        self._break_invoicing()
        order = self._sell(1)
        picking = order.picking_ids
        self._validate(picking)
        self._run_invoicing_jobs()
        for user in (self.operator, self.salesperson):
            with self.assertRaises(AccessError):
                picking.with_user(user).action_unifyx_retry_invoicing()
            with self.assertRaises(AccessError):
                picking.with_user(user).write({"unifyx_invoicing_state": "done"})
        # Nobody writes the state by hand, not even accounting.
        with self.assertRaises(AccessError):
            picking.with_user(self.accountant).write({"unifyx_invoicing_state": "pending"})
        self.assertEqual(picking.unifyx_invoicing_state, "failed")
        self.assertFalse(self._invoicing_jobs())

    def test_jobs_run_twice_invoice_and_send_once(self):
        order = self._sell(3)
        picking = order.picking_ids
        self._validate(picking)
        self._run_invoicing_jobs()
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertTrue(invoice.is_move_sent)
        mails = self.env["mail.message"].search_count(
            [
                ("model", "=", "account.move"),
                ("res_id", "=", invoice.id),
                ("message_type", "=", "comment"),
            ]
        )
        self.assertEqual(mails, 1, "sent by e-mail with its PDF")
        self.assertTrue(invoice.invoice_pdf_report_id)
        # The same jobs again (a job runner restarted after the commit).
        self.assertEqual(picking._unifyx_invoice_job(), "Nothing to do (done)")
        self.assertEqual(invoice._unifyx_send_job(), "Nothing to send")
        # And the delivery's validation path queued once per delivery.
        picking.sudo()._unifyx_invoice_on_delivery()
        self._run_invoicing_jobs()
        self.assertEqual(order.invoice_ids, invoice)
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "account.move"),
                    ("res_id", "=", invoice.id),
                    ("message_type", "=", "comment"),
                ]
            ),
            1,
        )

    def test_credit_note_before_backorder_is_not_billed_again(self):
        """10 sold at 100, 6 delivered and invoiced (600), 2 credited before
        the 4 left are delivered (price dispute: the goods stay). Odoo then
        counts 10 - (6 - 2) = 6 to invoice; the backorder's invoice bills its 4
        (400), never the 2 credited."""
        # The test chart's sale tax: 15 %.
        self.assertEqual(self.company_data["default_tax_sale"].amount, 15.0)
        order = self._sell(10)
        line = order.order_line
        backorder = self._validate(order.picking_ids, 6)
        self._run_invoicing_jobs()
        first = order.invoice_ids
        self.assertEqual(first.amount_untaxed, 600.0)
        self.assertEqual(first.amount_total, 690.0)
        # The credit note of 2 units, from the invoice (Odoo's reversal).
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=first.ids)
            .create({"journal_id": first.journal_id.id, "reason": "price dispute"})
        )
        credit = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit.invoice_line_ids.quantity = 2
        credit.action_post()
        self.assertEqual(credit.amount_untaxed, 200.0)
        self.assertEqual(line.qty_invoiced, 4)
        self.assertEqual(line.qty_to_invoice, 2)
        # The backorder.
        self._validate(backorder)
        self.assertEqual(line.qty_to_invoice, 6, "Odoo alone would bill 6 (600)")
        self._run_invoicing_jobs()
        second = order.invoice_ids.filtered(lambda m: m.move_type == "out_invoice") - first
        self.assertEqual(second.state, "posted")
        self.assertEqual(second.invoice_line_ids.quantity, 4)
        self.assertEqual(second.amount_untaxed, 400.0)
        self.assertEqual(second.amount_total, 460.0)
        self.assertEqual(line.qty_invoiced, 8)
        # Billed net: 600 - 200 + 400 = 800 for 10 delivered, 2 credited.
        net = sum(
            move.amount_untaxed_signed for move in order.invoice_ids if move.state == "posted"
        )
        self.assertEqual(net, 800.0)


@tagged("post_install", "-at_install")
class TestInvoicingRetryRpc(RpcClientMixin, InvoiceOnDeliveryHttpCase):
    def test_retry_and_state_refused_over_rpc(self):
        self.company.unifyx_invoice_on_delivery = True
        receivable = self.company_data["default_account_receivable"].copy(
            {"code": "411098", "name": "Old receivable", "deprecated": True}
        )
        self.customer.property_account_receivable_id = receivable
        order = self._sell(1)
        picking = order.picking_ids
        self._validate(picking)
        self._run_invoicing_jobs()
        self.assertEqual(picking.unifyx_invoicing_state, "failed")
        for user in (self.operator, self.salesperson):
            self.assertRpcRefused(
                "Only accounting",
                user,
                "stock.picking",
                "action_unifyx_retry_invoicing",
                [picking.id],
            )
        self.assertRpcRefused(
            "set by the invoicing job only",
            self.accountant,
            "stock.picking",
            "write",
            [picking.id],
            {"unifyx_invoicing_state": "done"},
        )
        self.assertEqual(picking.unifyx_invoicing_state, "failed")
        self.assertFalse(self._invoicing_jobs())
        # Accounting may, over RPC too.
        receivable.deprecated = False
        self.xmlrpc_call(
            self.accountant, "stock.picking", "action_unifyx_retry_invoicing", [picking.id]
        )
        self._run_invoicing_jobs()
        self.assertEqual(order.invoice_ids.state, "posted")
