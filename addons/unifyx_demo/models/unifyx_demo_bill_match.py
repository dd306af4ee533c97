# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Supplier e-invoices of the demo (data/demo_bill_match.json): the company
matches its bills; a vendor e-mails two UBL (Peppol BIS 3) invoices for two
received orders, uploaded by the purchaser: the first matches and is posted
without a click, the second bills a product 12 % above the order and waits for
finance's approval."""

from lxml import etree
from lxml.builder import ElementMaker

from odoo import api, fields, models

UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
BIS3 = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_bill_match(self, company_id):
        company = self.env["res.company"].browse(company_id)
        data = self._demo_data("bill_match")
        company.write(dict(data["tolerances"], unifyx_bill_match=True))
        vendor = self.env["res.partner"].search(
            [("name", "=", data["vendor"]), ("company_id", "in", [False, company.id])], limit=1
        )
        mto = self.env.ref("stock.route_warehouse0_mto")
        infos = self.env["product.supplierinfo"].search(
            [("partner_id", "=", vendor.id), ("product_tmpl_id.tracking", "=", "none")],
            order="id",
        )
        infos = infos.filtered(lambda i: mto not in i.product_tmpl_id.route_ids)[:2]
        for info in infos.filtered(lambda i: not i.product_code):
            info.product_code = "REF-%s" % info.product_tmpl_id.default_code
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        purchaser = self.env.ref("unifyx_demo.user_purchaser_demo")
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "purchase")], limit=1
        )
        bills = self.env["account.move"]
        for invoice in data["invoices"]:
            order = self.env["purchase.order"].create(
                {
                    "partner_id": vendor.id,
                    "company_id": company.id,
                    "user_id": purchaser.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "order_line": [
                        {
                            "product_id": info.product_tmpl_id.product_variant_id.id,
                            "product_qty": data["qty"],
                            "price_unit": info.price,
                        }
                        for info in infos
                    ],
                }
            )
            order.button_confirm()
            self._demo_receive(order.picking_ids)
            content = self._demo_ubl_invoice(company, vendor, invoice, order, infos)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": "%s.xml" % invoice["number"],
                    "raw": content,
                    "mimetype": "application/xml",
                }
            )
            bills |= (
                journal.with_user(purchaser)
                .with_context(default_move_type="in_invoice", allowed_company_ids=company.ids)
                ._create_document_from_attachment(attachment.ids)
            )
        for bill, invoice in zip(bills, data["invoices"], strict=True):
            self._demo_xmlid("bill_match_%s_demo" % invoice["number"].replace("-", "_"), bill)
        return True

    def _demo_ubl_invoice(self, company, vendor, invoice, order, infos):
        """A vendor's invoice in UBL BIS 3, as its invoicing software writes it:
        our order number, its own product codes, VAT at 20 %."""
        E = ElementMaker(namespace=UBL, nsmap={None: UBL, "cac": CAC, "cbc": CBC})
        A = ElementMaker(namespace=CAC)
        B = ElementMaker(namespace=CBC)
        today = fields.Date.to_string(fields.Date.context_today(self))
        lines, untaxed = [], 0.0
        for index, (info, factor) in enumerate(zip(infos, invoice["price_factors"], strict=True)):
            price = round(info.price * factor, 2)
            qty = order.order_line[index].product_qty
            amount = round(price * qty, 2)
            untaxed += amount
            lines.append(
                A.InvoiceLine(
                    B.ID(str(index + 1)),
                    B.InvoicedQuantity("%g" % qty, unitCode="C62"),
                    B.LineExtensionAmount("%.2f" % amount, currencyID="EUR"),
                    A.OrderLineReference(B.LineID(str(index + 1))),
                    A.Item(
                        B.Name(info.product_tmpl_id.name),
                        A.SellersItemIdentification(B.ID(info.product_code)),
                        A.ClassifiedTaxCategory(
                            B.ID("S"), B.Percent("20"), A.TaxScheme(B.ID("VAT"))
                        ),
                    ),
                    A.Price(B.PriceAmount("%.2f" % price, currencyID="EUR")),
                )
            )
        tax = round(untaxed * 0.2, 2)

        def party(partner):
            return A.Party(
                A.PartyName(B.Name(partner.name)),
                A.PostalAddress(
                    B.StreetName(partner.street or ""),
                    B.CityName(partner.city or ""),
                    B.PostalZone(partner.zip or ""),
                    A.Country(B.IdentificationCode("FR")),
                ),
                A.PartyTaxScheme(B.CompanyID(partner.vat or ""), A.TaxScheme(B.ID("VAT"))),
                A.PartyLegalEntity(B.RegistrationName(partner.name)),
            )

        root = E.Invoice(
            B.CustomizationID(BIS3),
            B.ProfileID("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"),
            B.ID(invoice["number"]),
            B.IssueDate(today),
            B.InvoiceTypeCode("380"),
            B.DocumentCurrencyCode("EUR"),
            B.BuyerReference(order.name),
            A.OrderReference(B.ID(order.name)),
            A.AccountingSupplierParty(party(vendor)),
            A.AccountingCustomerParty(party(company.partner_id)),
            A.TaxTotal(
                B.TaxAmount("%.2f" % tax, currencyID="EUR"),
                A.TaxSubtotal(
                    B.TaxableAmount("%.2f" % untaxed, currencyID="EUR"),
                    B.TaxAmount("%.2f" % tax, currencyID="EUR"),
                    A.TaxCategory(B.ID("S"), B.Percent("20"), A.TaxScheme(B.ID("VAT"))),
                ),
            ),
            A.LegalMonetaryTotal(
                B.LineExtensionAmount("%.2f" % untaxed, currencyID="EUR"),
                B.TaxExclusiveAmount("%.2f" % untaxed, currencyID="EUR"),
                B.TaxInclusiveAmount("%.2f" % (untaxed + tax), currencyID="EUR"),
                B.PayableAmount("%.2f" % (untaxed + tax), currencyID="EUR"),
            ),
            *lines,
        )
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
