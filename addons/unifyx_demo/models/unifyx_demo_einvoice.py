# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""E-invoicing of the demo distributor (data/demo_einvoice.json): the company's
SIREN/SIRET, e-mail and bank account, which its Factur-X invoices carry, set
before the history posts them; the SIREN of every French partner (the one in its
VAT number) and the SIRET of its head office, Luhn keys worked out."""

from odoo import api, models

from odoo.addons.unifyx_einvoice.tools.identifiers import make_siret


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_einvoice_company(self, company_id):
        company = self.env["res.company"].browse(company_id)
        data = self._demo_data("einvoice")["company"]
        if company.siren:
            return False
        siret = make_siret(data["siren"], data["head_office_rank"])
        # Factur-X names the seller's e-mail; its bank account is the invoices'.
        company.write({"siren": siret[:9], "nic": siret[9:], "email": data["email"]})
        if not company.partner_id.bank_ids:
            # Trusted (Odoo trusts a superuser's account only while loading
            # data): an untrusted one is taken off the invoices at posting.
            self.env["res.partner.bank"].with_context(install_mode=True).create(
                {
                    "acc_number": data["iban"],
                    "partner_id": company.partner_id.id,
                    "company_id": company.id,
                    "allow_out_payment": True,
                }
            )
        return True

    @api.model
    def _demo_einvoice_partners(self, company_id):
        rank = self._demo_data("einvoice")["partner_rank"]
        partners = self.env["res.partner"].search(
            [
                ("company_id", "=", company_id),
                ("is_company", "=", True),
                ("siren", "=", False),
                ("vat", "=like", "FR%"),
            ]
        )
        for partner in partners:
            partner.siret = make_siret(partner.vat[4:], rank)
        return len(partners)
