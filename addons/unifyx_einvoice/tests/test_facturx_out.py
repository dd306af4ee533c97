# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import facturx
from lxml import etree

from odoo.tests import tagged

from .common import BUYER_NIC, BUYER_SIREN, SELLER_NIC, SELLER_SIREN, FacturxCase


@tagged("post_install", "-at_install")
class TestFacturxOut(FacturxCase):
    """Odoo's Factur-X of a French company's invoices and credit notes, checked
    by the factur-x package against the schema of its profile, read back."""

    def _export(self, move):
        xml, errors = self.env["account.edi.xml.cii"]._export_invoice(move)
        self.assertFalse(errors, "the XML is complete for Odoo's own checks")
        # Odoo declares the EXTENDED profile (a superset of EN 16931): its XSD.
        self.assertEqual(facturx.get_level(etree.fromstring(xml)), "extended")
        self.assertTrue(facturx.xml_check_xsd(xml, flavor="factur-x", level="extended"))
        return self.facturx_values(xml)

    def test_default_format_of_french_company(self):
        self.assertEqual(self.customer.with_company(self.company).invoice_edi_format, "facturx")
        foreign = self.env["res.partner"].create(
            {"name": "Kunde GmbH", "country_id": self.env.ref("base.de").id}
        )
        self.assertEqual(foreign.with_company(self.company).invoice_edi_format, "facturx")
        # A format chosen on the customer stays.
        foreign.with_company(self.company).invoice_edi_format = "ubl_bis3"
        self.assertEqual(foreign.with_company(self.company).invoice_edi_format, "ubl_bis3")
        # Not for a company outside France: Odoo's own default (none).
        belgian = self.env["res.company"].create(
            {"name": "Société belge", "country_id": self.env.ref("base.be").id}
        )
        self.assertFalse(self.customer.with_company(belgian).invoice_edi_format)
        send = self.env["account.move.send"]
        invoice = self._invoice([(self.cable, 1, 10.0)])
        self.assertEqual(send._get_default_invoice_edi_format(invoice), "facturx")

    def test_invoice_xml(self):
        # 3 x 125.00 at 20 % + 2 x 40.00 at 5.5 %: 375.00 + 80.00 = 455.00 untaxed,
        # 75.00 + 4.40 = 79.40 VAT, 534.40 in all.
        invoice = self._invoice([(self.cable, 3, 125.0), (self.guide, 2, 40.0)])
        self.assertEqual(
            (invoice.amount_untaxed, invoice.amount_tax, invoice.amount_total),
            (455.0, 79.4, 534.4),
        )
        values = self._export(invoice)
        self.assertEqual(values["type"], "380")
        self.assertEqual(values["number"], invoice.name)
        self.assertEqual(
            (values["tax_basis"], values["tax"], values["total"], values["due"]),
            (455.0, 79.4, 534.4, 534.4),
        )
        self.assertEqual(
            values["seller"],
            {"siren": SELLER_SIREN, "siret": SELLER_SIREN + SELLER_NIC, "vat": "FR23334175221"},
        )
        self.assertEqual(
            values["buyer"],
            {"siren": BUYER_SIREN, "siret": BUYER_SIREN + BUYER_NIC, "vat": "FR44732829320"},
        )
        # The delivery address is no legal party: no identifiers.
        self.assertEqual(values["ship_to"], {"siren": None, "siret": None, "vat": None})

        # 100.00 paid: 434.40 still due.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 100.0, "payment_date": "2026-11-25"})._create_payments()
        self.assertEqual(self._export(invoice)["due"], 434.4)

    def test_credit_note_xml(self):
        invoice = self._invoice([(self.cable, 3, 125.0), (self.guide, 2, 40.0)])
        # One cable back: 125.00 + 25.00 VAT.
        refund = self._invoice([(self.cable, 1, 125.0)], move_type="out_refund")
        refund.reversed_entry_id = invoice
        values = self._export(refund)
        self.assertEqual(values["type"], "381")
        self.assertEqual(
            (values["tax_basis"], values["tax"], values["total"], values["due"]),
            (125.0, 25.0, 150.0, 150.0),
        )
        self.assertEqual(values["buyer"]["siren"], BUYER_SIREN)
        self.assertEqual(values["seller"]["siret"], SELLER_SIREN + SELLER_NIC)

    def test_establishment_siret_and_siren_only(self):
        # An invoicing address of the customer's Grenoble site, its own NIC.
        site = self.env["res.partner"].create(
            {
                "name": "Site Grenoble",
                "type": "invoice",
                "parent_id": self.customer.id,
                "nic": "00082",
                "city": "Grenoble",
                "zip": "38000",
                "country_id": self.env.ref("base.fr").id,
            }
        )
        self.assertEqual(site.siret, BUYER_SIREN + "00082")
        values = self._export(self._invoice([(self.cable, 1, 125.0)], partner=site))
        self.assertEqual(values["buyer"]["siret"], BUYER_SIREN + "00082")
        self.assertEqual(values["buyer"]["siren"], BUYER_SIREN)
        # A customer known by its SIREN only: the SIREN, no SIRET (Odoo alone
        # would write "732829320*****" under the SIREN scheme).
        self.customer.write({"siren": BUYER_SIREN, "nic": False})
        self.assertEqual(self.customer.siret, BUYER_SIREN + "*****")
        values = self._export(self._invoice([(self.cable, 1, 125.0)]))
        self.assertEqual(
            values["buyer"], {"siren": BUYER_SIREN, "siret": None, "vat": "FR44732829320"}
        )
