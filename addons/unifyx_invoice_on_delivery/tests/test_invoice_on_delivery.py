# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import InvoiceOnDeliveryCase


@tagged("post_install", "-at_install")
class TestInvoiceOnDelivery(InvoiceOnDeliveryCase):
    def test_company_option_invoices_each_delivery_and_credits_returns(self):
        self.company.unifyx_invoice_on_delivery = True
        self.assertEqual(self.customer.unifyx_invoice_on_delivery, "company")
        order = self._sell(5, discount=7.5)
        line = order.order_line
        # Partial delivery: 3 invoiced and posted right after validation, by
        # the invoicing job; nobody re-types.
        backorder = self._validate(order.picking_ids, 3)
        self.assertFalse(order.invoice_ids, "invoiced in the job, not in the validation")
        self._run_invoicing_jobs()
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        inv_line = invoice.invoice_line_ids
        self.assertEqual(inv_line.quantity, 3)
        self.assertEqual(inv_line.price_unit, line.price_unit)
        self.assertEqual(inv_line.discount, 7.5)
        self.assertEqual(inv_line.tax_ids, line.tax_id)
        self.assertEqual(invoice.invoice_payment_term_id, order.payment_term_id)
        self.assertEqual(invoice.fiscal_position_id, order.fiscal_position_id)
        self.assertEqual(invoice.partner_id, order.partner_invoice_id)
        self.assertEqual(line.qty_invoiced, 3)
        # The rest: a second invoice.
        self._validate(backorder)
        self._run_invoicing_jobs()
        second = order.invoice_ids - invoice
        self.assertEqual(second.state, "posted")
        self.assertEqual(second.invoice_line_ids.quantity, 2)
        self.assertEqual(order.invoice_status, "invoiced")
        # A customer return: the credit note is posted at validation too.
        returned = self._return(backorder, 1)
        self._validate(returned)
        self._run_invoicing_jobs()
        refund = order.invoice_ids - invoice - second
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.invoice_line_ids.quantity, 1)
        self.assertEqual(refund.invoice_line_ids.discount, 7.5)
        self.assertEqual(line.qty_invoiced, 4)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_customer_setting_overrides_company(self):
        # Company off, customer always.
        self.company.unifyx_invoice_on_delivery = False
        self.customer.unifyx_invoice_on_delivery = "always"
        order = self._sell(1)
        self._validate(order.picking_ids)
        self._run_invoicing_jobs()
        self.assertEqual(order.invoice_ids.state, "posted")
        # Company on, customer never.
        self.company.unifyx_invoice_on_delivery = True
        self.customer.unifyx_invoice_on_delivery = "never"
        order = self._sell(1)
        self._validate(order.picking_ids)
        self._run_invoicing_jobs()
        self.assertFalse(order.invoice_ids)
        self.assertEqual(order.invoice_status, "to invoice")
        # Company off, customer default: nothing either.
        self.company.unifyx_invoice_on_delivery = False
        self.customer.unifyx_invoice_on_delivery = "company"
        order = self._sell(1)
        self._validate(order.picking_ids)
        self._run_invoicing_jobs()
        self.assertFalse(order.invoice_ids)

    def test_operator_cannot_read_the_invoice_of_their_delivery(self):
        self.company.unifyx_invoice_on_delivery = True
        order = self._sell(2)
        self._validate(order.picking_ids)
        self._run_invoicing_jobs()
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        with self.assertRaises(AccessError):
            invoice.with_user(self.operator).check_access("read")
        with self.assertRaises(AccessError):
            invoice.with_user(self.operator).read(["amount_total"])
