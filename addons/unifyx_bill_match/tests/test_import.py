# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command, fields
from odoo.tests import tagged

from .common import BillMatchCase

VENDOR_CO_VAT = "FR96552100554"


@tagged("post_install", "-at_install")
class TestImport(BillMatchCase):
    """Supplier e-invoices become vendor bills through Odoo's own import; the
    match then reads the vendor's codes and order reference kept on the lines."""

    def _assert_bill(self, bill, vendor, lines, untaxed, tax):
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.partner_id, vendor)
        got = [
            (line.product_id, line.quantity, line.price_unit, line.tax_ids)
            for line in bill.invoice_line_ids.sorted("sequence")
        ]
        self.assertEqual(got, lines)
        self.assertAlmostEqual(bill.amount_untaxed, untaxed)
        self.assertAlmostEqual(bill.amount_tax, tax)
        self.assertAlmostEqual(bill.amount_total, untaxed + tax)

    def test_ubl_file_becomes_a_draft_bill(self):
        """The shipped UBL BIS 3 file, no purchase order yet: a correct draft
        bill, held, the products found from the vendor's own codes."""
        bill = self.upload(self.ubl_file(), "FER-2026-11873.xml")
        self.assertEqual(len(bill), 1)
        self.assertEqual(bill.state, "draft")
        self.assertEqual(bill.ref, "FER-2026-11873")
        self.assertEqual(bill.invoice_origin, "PO-2026-0042")
        self.assertEqual(bill.invoice_date, fields.Date.to_date("2026-11-20"))
        self.assertEqual(
            bill.invoice_line_ids.mapped("unifyx_vendor_product_code"), ["FER-DJ16C", "FER-CC22"]
        )
        self.assertEqual(bill.invoice_line_ids.mapped("unifyx_order_line_reference"), ["1", "2"])
        # Odoo looks products up by our internal reference; the vendor's codes are
        # its own: the match found them through the vendor prices.
        self._assert_bill(
            bill,
            self.ubl_vendor,
            [
                (self.product_avco, 10.0, 12.0, self.purchase_tax),
                (self.product_fifo, 5.0, 10.0, self.purchase_tax),
            ],
            170.0,
            34.0,
        )
        # No purchase order: held for it, line by line.
        self.assertEqual(bill.unifyx_match_state, "held")
        self.assertTrue(all(bill.unifyx_match_line_ids.mapped("reason_no_po")))

    def test_ubl_exact_match_is_posted_without_a_click(self):
        order = self.purchase(
            [(self.product_avco, 10, 12.0), (self.product_fifo, 5, 10.0)],
            vendor=self.ubl_vendor,
            name="PO-2026-0042",
        )
        self.receive_po(order)
        bill = self.upload(self.ubl_file(), "FER-2026-11873.xml", user=self.purchaser)
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.unifyx_match_state, "matched")
        self.assertTrue(bill.unifyx_auto_posted)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertEqual(order.order_line.mapped("qty_invoiced"), [10.0, 5.0])
        self.assertTrue(all(bill.unifyx_match_line_ids.mapped("within_tolerance")))
        self.assertAlmostEqual(bill.amount_total, 204.0)

    def test_ubl_on_the_journal_alias(self):
        """The same e-invoice e-mailed to the purchase journal's alias: Odoo's
        gateway creates the bill (message_new), the match posts it."""
        order = self.purchase(
            [(self.product_avco, 10, 12.0), (self.product_fifo, 5, 10.0)],
            vendor=self.ubl_vendor,
            name="PO-2026-0042",
        )
        self.receive_po(order)
        boundary = "unifyx-bill-boundary"
        email = "\n".join(
            [
                "MIME-Version: 1.0",
                "Message-ID: <fer-2026-11873@fer-lyon.example>",
                "Subject: Facture FER-2026-11873",
                "From: Facturation FER <facturation@fer-lyon.example>",
                "To: factures-fournisseurs@unifyx.example",
                'Content-Type: multipart/mixed; boundary="%s"' % boundary,
                "",
                "--%s" % boundary,
                'Content-Type: text/plain; charset="UTF-8"',
                "",
                "Veuillez trouver ci-joint notre facture.",
                "--%s" % boundary,
                "Content-Type: application/xml",
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="FER-2026-11873.xml"',
                "",
                base64.b64encode(self.ubl_file()).decode(),
                "--%s--" % boundary,
            ]
        )
        self.env["mail.thread"].message_process(
            "account.move",
            email,
            custom_values={
                "move_type": "in_invoice",
                "journal_id": self.journal.id,
                "company_id": self.company.id,
            },
        )
        bill = self.env["account.move"].search(
            [("company_id", "=", self.company.id), ("ref", "=", "FER-2026-11873")]
        )
        self.assertEqual(len(bill), 1)
        self.assertEqual(bill.partner_id, self.ubl_vendor)
        self.assertEqual((bill.state, bill.unifyx_match_state), ("posted", "matched"))
        self.assertTrue(bill.unifyx_auto_posted)
        self.assertAlmostEqual(bill.amount_total, 204.0)

    def test_facturx_of_a_second_company(self):
        """A vendor running the suite: its posted invoice's Factur-X (CII) XML,
        written by Odoo's account.edi.xml.cii, imports into our draft bill."""
        vendor_co = self.env["res.company"].create(
            {
                "name": "Cuivres et Raccords de Savoie",
                "country_id": self.env.ref("base.fr").id,
                "currency_id": self.env.ref("base.EUR").id,
                "vat": VENDOR_CO_VAT,
                "phone": "+33 4 50 00 00 00",
                "email": "compta@crs-annecy.example",
                "street": "4 route des Usines",
                "city": "Annecy",
                "zip": "74000",
            }
        )
        self.env["account.chart.template"].try_loading(
            "generic_coa", company=vendor_co, install_demo=False
        )
        vendor_co.currency_id = self.env.ref("base.EUR")
        venv = self.env(context=dict(self.env.context, allowed_company_ids=vendor_co.ids))
        sale_tax = venv["account.tax"].create(
            {
                "name": "TVA 20 %",
                "amount": 20.0,
                "type_tax_use": "sale",
                "company_id": vendor_co.id,
            }
        )
        their_product = venv["product.product"].create(
            {"name": "Raccord laiton 3/4", "default_code": "CRS-RL34", "company_id": vendor_co.id}
        )
        venv["res.partner.bank"].create(
            {
                "acc_number": "FR7630006000011234567890189",
                "partner_id": vendor_co.partner_id.id,
                "allow_out_payment": True,
            }
        )
        customer = venv["res.partner"].create(
            {
                "name": self.company.name,
                "is_company": True,
                "country_id": self.env.ref("base.fr").id,
                "company_id": vendor_co.id,
                "street": "1 avenue des Distributeurs",
                "city": "Villeurbanne",
                "zip": "69100",
            }
        )
        # Our side: the vendor and its code for our product.
        vendor = self.env["res.partner"].create(
            {
                "name": vendor_co.name,
                "is_company": True,
                "vat": VENDOR_CO_VAT,
                "company_id": self.company.id,
            }
        )
        self.env["product.supplierinfo"].create(
            {
                "partner_id": vendor.id,
                "product_tmpl_id": self.product_fifo.product_tmpl_id.id,
                "product_code": "CRS-RL34",
                "company_id": self.company.id,
            }
        )
        order = self.purchase([(self.product_fifo, 8, 7.5)], vendor=vendor)
        invoice = venv["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "company_id": vendor_co.id,
                "invoice_date": fields.Date.today(),
                "ref": order.name,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": their_product.id,
                            "quantity": 8,
                            "price_unit": 7.5,
                            "tax_ids": [Command.set(sale_tax.ids)],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        xml, errors = venv["account.edi.xml.cii"]._export_invoice(invoice)
        self.assertFalse(errors)
        bill = self.upload(xml, "factur-x.xml")
        self.assertEqual((bill.state, bill.unifyx_match_state), ("draft", "held"))
        self.assertEqual(bill.ref, invoice.name)
        self.assertEqual(bill.invoice_origin, order.name)
        self.assertEqual(bill.invoice_line_ids.unifyx_vendor_product_code, "CRS-RL34")
        self._assert_bill(
            bill, vendor, [(self.product_fifo, 8.0, 7.5, self.purchase_tax)], 60.0, 12.0
        )
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        # Nothing received yet: 8 billed above what was received.
        self.assertEqual(bill.unifyx_match_line_ids.qty_gap, 8.0)
        self.assertTrue(bill.unifyx_match_line_ids.reason_quantity)
