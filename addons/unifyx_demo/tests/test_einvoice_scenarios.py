# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import facturx
from lxml import etree

from odoo.tests import tagged

from odoo.addons.unifyx_einvoice.tools.identifiers import parse

from .common import DemoCompanyCase

NS = {
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}


@tagged("post_install", "-at_install")
class TestEinvoiceScenarios(DemoCompanyCase):
    """Every customer invoice and credit note the demo distributor posted has a
    Factur-X XML that the factur-x package validates (XSD of its profile), whose
    totals are the invoice's and which names both parties by SIREN and SIRET."""

    def test_demo_identifiers(self):
        self.assertEqual(parse(self.company.siret), ("334175221", self.company.nic))
        self.assertTrue(self.company.partner_id.bank_ids)
        partners = self.env["res.partner"].search(
            [
                ("company_id", "=", self.company.id),
                ("is_company", "=", True),
                ("country_id.code", "=", "FR"),
            ]
        )
        self.assertGreaterEqual(len(partners), 75)  # 15 vendors, 60 customers
        for partner in partners:
            self.assertEqual(parse(partner.siret), (partner.siren, partner.nic), partner.name)
            self.assertTrue(partner.vat.endswith(partner.siren), partner.name)
            self.assertEqual(partner.with_company(self.company).invoice_edi_format, "facturx")

    def test_every_posted_invoice_has_a_valid_facturx(self):
        moves = self.env["account.move"].search(
            [
                ("company_id", "=", self.company.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
            ]
        )
        self.assertIn("out_refund", moves.mapped("move_type"))
        self.assertGreaterEqual(len(moves.filtered(lambda m: m.move_type == "out_invoice")), 10)
        builder = self.env["account.edi.xml.cii"]
        for move in moves:
            xml, errors = builder._export_invoice(move)
            self.assertFalse(errors, move.name)
            self.assertTrue(facturx.xml_check_xsd(xml, flavor="factur-x", level="extended"))
            tree = etree.fromstring(xml)
            summary = tree.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation", NS)

            def amount(tag, node=summary):
                return float(node.findtext("ram:%s" % tag, None, NS))

            currency = move.currency_id
            for tag, expected in (
                ("TaxBasisTotalAmount", move.amount_untaxed),
                ("TaxTotalAmount", move.amount_tax),
                ("GrandTotalAmount", move.amount_total),
                ("DuePayableAmount", move.amount_residual),
            ):
                self.assertTrue(
                    currency.is_zero(amount(tag) - expected),
                    "%s %s: %s in the XML, %s on the invoice"
                    % (move.name, tag, amount(tag), expected),
                )
            for role, partner in (
                ("SellerTradeParty", self.company.partner_id),
                ("BuyerTradeParty", move.commercial_partner_id),
            ):
                node = tree.find(".//ram:%s" % role, NS)
                self.assertEqual(
                    node.findtext(
                        "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']", None, NS
                    ),
                    partner.siren,
                )
                self.assertEqual(
                    node.findtext("ram:GlobalID[@schemeID='0009']", None, NS), partner.siret
                )
