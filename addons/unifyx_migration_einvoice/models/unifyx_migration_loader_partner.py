# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Partners' SIREN / SIRET (OCA l10n_fr_siret's fields): the cockpit's SIREN
column takes a SIREN or a SIRET, both checksums checked (a wrong one refuses
the row, so the file loads nothing unless the consultant commits the valid
rows), and the SIREN is a match key after reference, VAT, external id and name.
The base addon still writes the SIREN to the company registry, which the name
key's "a SIREN given decides first" reads."""

from dataclasses import replace

from odoo import api, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.unifyx_einvoice.tools.identifiers import parse
from odoo.addons.unifyx_migration.tools import messages

_lt = LazyTranslate(__name__, default_lang="en_US")

messages.register(
    {
        "invalid_siren_checksum": _lt(
            "Invalid SIREN or SIRET number (9 or 14 digits, check digit): %(value)s"
        ),
        "siren_vat_mismatch": _lt(
            "The SIREN %(value)s is not the one of the French VAT number %(vat)s"
        ),
    }
)


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderPartner(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        targets = super()._targets()
        partner = targets["partner"]
        if "siren" not in partner.match_keys:
            targets["partner"] = replace(partner, match_keys=[*partner.match_keys, "siren"])
        return targets

    @api.model
    def _resolve_partner(self, run, plans):
        for plan in plans:
            raw = plan.values.get("siren")
            if plan.skip or not raw:
                continue
            parsed = parse(raw)
            if not parsed:
                plan.error("siren", "invalid_siren_checksum", raw)
                del plan.values["siren"]
                continue
            siren, nic = parsed
            vat = (plan.values.get("vat") or "").replace(" ", "").upper()
            if vat.startswith("FR") and not vat.endswith(siren):
                plan.error("siren", "siren_vat_mismatch", raw, vat=vat)
                del plan.values["siren"]
                continue
            # The key (and the column the base addon reads) is the SIREN.
            plan.values["siren"] = siren
            plan.values["unifyx_nic"] = nic
        return super()._resolve_partner(run, plans)

    @api.model
    def _partner_vals(self, plan):
        # l10n_fr_siret's fields; a SIREN alone leaves the partner's NIC as is.
        vals = super()._partner_vals(plan)
        if plan.values.get("siren"):
            vals["siren"] = plan.values["siren"]
            if plan.values.get("unifyx_nic"):
                vals["nic"] = plan.values["unifyx_nic"]
        return vals

    @api.model
    def _partner_columns(self):
        return {**super()._partner_columns(), "siren": "siren", "nic": "siren"}
