# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

import facturx

from odoo.tests import tagged
from odoo.tools import config, file_open

from .common import BUYER_SIREN, SELLER_SIREN, FacturxCase


@tagged("post_install", "-at_install")
class TestFacturxPdf(FacturxCase):
    """The send wizard's PDF carries the Factur-X XML, and the XML goes with
    the e-mail. Under tests Odoo renders no PDF and attaches no XML to it; this
    test lets it, with a fixed one-page PDF in place of wkhtmltopdf (as Odoo's
    own tests do), so the embedding itself is Odoo's code."""

    def _send(self, move):
        with file_open("base/tests/minimal.pdf", "rb") as handle:
            page = handle.read()
        Report = self.env.registry["ir.actions.report"]
        with (
            patch.object(Report, "_run_wkhtmltopdf", lambda *args, **kwargs: page),
            patch.object(Report, "get_wkhtmltopdf_state", lambda self: "ok"),
            patch.dict(config.options, {"test_enable": False}),
        ):
            wizard = (
                self.env["account.move.send.wizard"]
                .with_context(
                    active_model="account.move",
                    active_ids=move.ids,
                    force_report_rendering=True,
                )
                .create({})
            )
            self.assertEqual(wizard.invoice_edi_format, "facturx")
            wizard.action_send_and_print()

    def test_sent_pdf_embeds_the_xml(self):
        invoice = self._invoice([(self.cable, 3, 125.0), (self.guide, 2, 40.0)])
        refund = self._invoice([(self.cable, 1, 125.0)], move_type="out_refund")
        for move, totals in ((invoice, (455.0, 79.4, 534.4)), (refund, (125.0, 25.0, 150.0))):
            self._send(move)
            pdf = move.invoice_pdf_report_id
            self.assertTrue(pdf, "the PDF is kept on the invoice")
            filename, xml = facturx.get_facturx_xml_from_pdf(pdf.raw)
            self.assertEqual(filename, "factur-x.xml")
            self.assertTrue(facturx.xml_check_xsd(xml, flavor="factur-x", level="extended"))
            values = self.facturx_values(xml)
            self.assertEqual((values["tax_basis"], values["tax"], values["total"]), totals)
            self.assertEqual(values["seller"]["siren"], SELLER_SIREN)
            self.assertEqual(values["buyer"]["siren"], BUYER_SIREN)
            # The same XML is kept on the invoice and sent beside the PDF.
            self.assertEqual(move.ubl_cii_xml_id.raw, xml)
            message = move.message_ids.filtered("attachment_ids")[:1]
            self.assertEqual(
                set(message.attachment_ids.mapped("name")),
                {pdf.name, move.ubl_cii_xml_id.name},
            )
