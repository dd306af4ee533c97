# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Factur-X (CII) identifiers of French parties where EN 16931 and the French
rules put them: the legal registration identifier (BT-30 seller, BT-47 buyer,
SpecifiedLegalOrganization) is the SIREN under scheme 0002, and the SIRET of the
establishment is the party identifier (BT-29 / BT-46, GlobalID) under scheme 0009.
Odoo writes the 14-digit SIRET (or, with OCA l10n_fr_siret and no NIC, the SIREN
followed by "*****") under scheme 0002; the XML is otherwise Odoo's."""

from odoo import models


class AccountEdiXmlCii(models.AbstractModel):
    _inherit = "account.edi.xml.cii"

    def _export_invoice_vals(self, invoice):
        vals = super()._export_invoice_vals(invoice)
        seller = invoice.company_id.partner_id
        buyer = invoice.partner_id
        for role, partner in (("seller", seller), ("buyer", buyer)):
            siren, siret = self._unifyx_french_identifiers(partner)
            if siren or partner.commercial_partner_id.is_france_country:
                # No SIREN known for a French party: no legal identifier rather
                # than a value under the wrong scheme.
                vals["%s_specified_legal_organization" % role] = siren
            vals["unifyx_%s_siret" % role] = siret
        return vals

    def _unifyx_french_identifiers(self, partner):
        """(SIREN, SIRET) of ``partner`` with valid checksums, else None each:
        the SIRET of the address itself (its own NIC), else its company's."""
        commercial = partner.commercial_partner_id
        siren = commercial._get_siren()
        siret = partner._get_siret() or commercial._get_siret()
        if siret and siren and not siret.startswith(siren):
            siret = None
        return siren, siret
