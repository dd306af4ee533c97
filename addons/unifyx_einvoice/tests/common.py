# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A French company (Odoo's French chart, no demo data) that can issue
Factur-X: SIREN/NIC, VAT, phone, e-mail, a bank account; a French customer with
its SIREN and the SIRET of its head office; products at 20 % and 5.5 % VAT."""

from lxml import etree

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
# Valid identifiers, worked out with the Luhn key (see tools/identifiers.py).
SELLER_SIREN, SELLER_NIC = "334175221", "00012"
BUYER_SIREN, BUYER_NIC = "732829320", "00074"


class FacturxCase(AccountTestInvoicingCommon):
    @classmethod
    @AccountTestInvoicingCommon.setup_country("fr")
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env = cls.env(
            context=dict(
                cls.env.context, tracking_disable=True, allowed_company_ids=cls.company.ids
            )
        )
        cls.company.write(
            {
                "street": "12 rue de la République",
                "zip": "69002",
                "city": "Lyon",
                "phone": "+33 4 78 00 00 00",
                "email": "compta@vendeur.example",
                "vat": "FR23" + SELLER_SIREN,
                "siren": SELLER_SIREN,
                "nic": SELLER_NIC,
            }
        )
        cls.env["res.partner.bank"].create(
            {
                "acc_number": "FR7630006000011234567890189",
                "partner_id": cls.company.partner_id.id,
                "allow_out_payment": True,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Négoce Rhône",
                "is_company": True,
                "street": "3 quai Perrache",
                "zip": "69002",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
                "vat": "FR44" + BUYER_SIREN,
                "siret": BUYER_SIREN + BUYER_NIC,
                "email": "achats@negoce-rhone.example",
            }
        )
        Tax = cls.env["account.tax"]
        cls.tax_20, cls.tax_55 = (
            Tax.create(
                {"name": name, "amount": rate, "type_tax_use": "sale", "company_id": cls.company.id}
            )
            for name, rate in (("TVA 20 %", 20.0), ("TVA 5,5 %", 5.5))
        )
        cls.cable = cls._product("Câble 3G2.5", "CAB-325", cls.tax_20)
        cls.guide = cls._product("Guide de pose", "DOC-01", cls.tax_55)

    @classmethod
    def _product(cls, name, code, tax):
        return cls.env["product.product"].create(
            {"name": name, "default_code": code, "taxes_id": [Command.set(tax.ids)]}
        )

    def _invoice(self, lines, move_type="out_invoice", partner=None):
        """Posted; ``lines``: (product, quantity, unit price)."""
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (partner or self.customer).id,
                "invoice_date": "2026-11-20",
                "invoice_line_ids": [
                    Command.create({"product_id": p.id, "quantity": q, "price_unit": u})
                    for p, q, u in lines
                ],
            }
        )
        move.action_post()
        return move

    @staticmethod
    def facturx_values(xml):
        """What a receiver reads of the XML: totals and the parties' identifiers."""
        tree = etree.fromstring(xml)
        summary = tree.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation", NS)

        def amount(tag):
            return float(summary.find("ram:%s" % tag, NS).text)

        def party(role):
            node = tree.find(".//ram:%s" % role, NS)
            return {
                "siren": node.findtext(
                    "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']", None, NS
                ),
                "siret": node.findtext("ram:GlobalID[@schemeID='0009']", None, NS),
                "vat": node.findtext("ram:SpecifiedTaxRegistration/ram:ID", None, NS),
            }

        return {
            "type": tree.findtext(".//rsm:ExchangedDocument/ram:TypeCode", None, NS),
            "number": tree.findtext(".//rsm:ExchangedDocument/ram:ID", None, NS),
            "tax_basis": amount("TaxBasisTotalAmount"),
            "tax": amount("TaxTotalAmount"),
            "total": amount("GrandTotalAmount"),
            "due": amount("DuePayableAmount"),
            "seller": party("SellerTradeParty"),
            "buyer": party("BuyerTradeParty"),
            "ship_to": party("ShipToTradeParty"),
        }
