# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SIREN / SIRET come from OCA l10n_fr_siret (fields, checksums, VAT consistency,
the duplicate banner); this adds what it lacks: identifiers typed with spaces or
dots are compacted before its checks, the duplicate banner names only partners
of the company the user may open, and Factur-X is the e-invoice format French
companies suggest for their customers."""

from odoo import api, models

from ..tools.identifiers import compact

_IDENTIFIERS = ("siren", "nic", "siret")


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.depends("siren", "company_id")
    @api.depends_context("uid", "company")
    def _compute_same_siren_partner_ids(self):  # pylint: disable=missing-return
        # OCA computes as superuser, across companies: keep the partners of the
        # partner's company (or the current one) that the user may read.
        super()._compute_same_siren_partner_ids()
        user_env = self.env(su=False)
        for partner in self:
            others = partner.same_siren_partner_ids
            if not others:
                continue
            company = partner.company_id or user_env.company
            visible = (
                user_env["res.partner"]
                .with_context(active_test=False)
                .search([("id", "in", others.ids), ("company_id", "in", [False, company.id])])
            )
            partner.same_siren_partner_ids = visible.ids or False

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._unifyx_compact_identifiers(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._unifyx_compact_identifiers(vals))

    @api.model
    def _unifyx_compact_identifiers(self, vals):
        """SIREN, NIC and SIRET without the separators people type, so that
        OCA's checks judge the digits (and refuse a wrong check digit)."""
        if not any(isinstance(vals.get(name), str) for name in _IDENTIFIERS):
            return vals
        vals = dict(vals)
        for name in _IDENTIFIERS:
            if isinstance(vals.get(name), str):
                vals[name] = compact(vals[name]) or False
        return vals

    def _get_suggested_invoice_edi_format(self):
        # A French company sends Factur-X (CII, embedded in the PDF) to every
        # customer that has not been given another format.
        suggested = super()._get_suggested_invoice_edi_format()
        if suggested:
            return suggested
        company = self.env.company
        if company.country_code in company._get_france_country_codes():
            return "facturx"
        return suggested
