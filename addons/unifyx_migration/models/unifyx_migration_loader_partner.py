# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Partners: customers and vendors, matched by reference, VAT number, external id or name."""

import re
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from ..tools import cleansing
from ..tools.cleansing import match_key, normalise_key
from ..tools.records import siren as _siren
from ..tools.targets import MATCH_KEYS, TARGETS, Target


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderPartner(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "partner": Target(
                TARGETS["partner"],
                MATCH_KEYS["partner"],
                self._resolve_partner,
                self._apply_partner,
            ),
        }

    @api.model
    def _resolve_partner(self, run, plans):
        key = run.profile_id.match_key
        if key == "name":
            self._match_partner_by_name(run, plans)
        else:
            self._match(run, plans, "res.partner", key)
        countries = self.env["res.country"].search([])
        by_code = {c.code.upper(): c for c in countries}
        by_name = {normalise_key(c.name): c for c in countries}
        by_name.update({normalise_key(c.name): c for c in countries.with_context(lang="en_US")})
        default_country = run.company_id.country_id
        for plan in plans:
            values = plan.values
            if plan.skip:
                continue
            country = values.get("country")
            found = None
            if country:
                found = by_code.get(country.upper()) or by_name.get(normalise_key(country))
                if not found:
                    plan.error("country", "unknown_country", country)
            elif not plan.field_error("country") and not (plan.record and plan.record.country_id):
                # No country given: the VAT number's, else the company's.
                vat = values.get("vat") or ""
                found = by_code.get({"EL": "GR", "XI": "GB"}.get(vat[:2], vat[:2]))
                code = "country_from_vat" if found else "country_default"
                found = found or default_country
                if found:
                    plan.change("country", code, None, found.name)
            if found:
                values["country_id"] = found.id
            if values.get("zip"):
                country = found or (plan.record and plan.record.country_id)
                step = cleansing.normalise_zip(values["zip"], country.code if country else None)
                if step.note:
                    plan.notes.append(("zip", step.note))
                values["zip"] = step.value
            if values.get("siren"):
                siren = _siren(values["siren"])
                if not siren:
                    plan.error("siren", "invalid_siren", values["siren"])
                else:
                    values["company_registry"] = re.sub(r"\D", "", values["siren"])
        self._report_partner_duplicates(plans)

    @api.model
    def _match_partner_by_name(self, run, plans):
        """Match on the normalised name; a VAT number or SIREN given decides first
        and a candidate with another one is not the same company."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        domain = [("parent_id", "=", False)]
        names = {match_key(p.values.get("name")) for p in plans}
        by_name = self._records_by_key("res.partner", "name", names, domain)
        vats = {match_key(p.values.get("vat")) for p in plans if p.values.get("vat")}
        by_vat = self._records_by_key("res.partner", "vat", vats, domain) if vats else {}
        by_siren = defaultdict(lambda: Partner)
        if any(p.values.get("siren") for p in plans):
            for records in self._records_by_key(
                "res.partner", "company_registry", None, domain
            ).values():
                for partner in records:
                    by_siren[_siren(partner.company_registry)] |= partner
        seen, taken = {}, {}
        for plan in plans:
            values = plan.values
            name = values.get("name")
            if plan.skip or not name or plan.field_error("name"):
                continue
            vat = values.get("vat") and match_key(values["vat"])
            siren = _siren(values.get("siren"))
            found = (vat and by_vat.get(vat)) or (siren and by_siren.get(siren)) or Partner
            if not found:
                found = (by_name.get(match_key(name)) or Partner).filtered(
                    lambda p, v=vat, s=siren: (
                        (not v or not p.vat or match_key(p.vat) == v)
                        and (not s or not p.company_registry or _siren(p.company_registry) == s)
                    )
                )
            key = (match_key(name), vat or siren or None)
            if key in seen:
                plan.error("name", "duplicate_in_file", name, row=seen[key])
                continue
            seen[key] = plan.row
            if len(found) > 1:
                plan.error("name", "ambiguous", name, count=len(found))
            elif found and found.id in taken:
                plan.error("name", "duplicate_in_file", name, row=taken[found.id])
            elif found:
                taken[found.id] = plan.row
                plan.record = found

    @api.model
    def _report_partner_duplicates(self, plans):
        """Near duplicates, in the file and against the partners already in Odoo:
        small groups of candidates with the reason; never merged."""
        rows = [(i, p) for i, p in enumerate(plans) if not p.skip]
        for reason, value, group in cleansing.duplicate_groups(
            (i, p.values.get("name"), p.values.get("vat")) for i, p in rows
        ):
            field = "vat" if reason == "vat" else "name"
            if len(group) > cleansing.DUPLICATE_GROUP_MAX:
                plans[group[0]].warning(
                    field, "shared_value", value, count=len(group), reason=reason
                )
                continue
            numbers = [plans[i].row for i in group]
            for i in group:
                others = ", ".join(str(r) for r in numbers if r != plans[i].row)
                plans[i].warning(
                    field,
                    "possible_duplicate_rows",
                    plans[i].values.get(field),
                    other=others,
                    reason=reason,
                )
        # Against existing partners: same VAT number or same name key.
        Partner = self.env["res.partner"]
        vats = {cleansing.vat_key(p.values.get("vat")) for _i, p in rows} - {""}
        names = {cleansing.partner_name_key(p.values.get("name")) for _i, p in rows} - {""}
        existing = defaultdict(lambda: Partner)
        if vats:
            for partner in Partner.search([("vat", "in", list(vats))]):
                existing[("vat", cleansing.vat_key(partner.vat))] |= partner
        if names:
            self.env.cr.execute(
                SQL("SELECT id, name FROM res_partner WHERE parent_id IS NULL AND active")
            )
            ids = [
                (pid, cleansing.partner_name_key(pname))
                for pid, pname in self.env.cr.fetchall()
                if cleansing.partner_name_key(pname) in names
            ]
            visible = set(Partner.search([("id", "in", [i for i, _k in ids])]).ids)
            for pid, name_key in ids:
                if pid in visible:
                    existing[("name", name_key)] |= Partner.browse(pid)
        # Partners this file matches are its own rows: said above.
        matched = Partner.union(*[p.record for _i, p in rows if p.record])
        for _i, plan in rows:
            values = plan.values
            for reason, token, field in (
                ("vat", cleansing.vat_key(values.get("vat")), "vat"),
                ("name", cleansing.partner_name_key(values.get("name")), "name"),
            ):
                others = existing.get((reason, token), Partner) - matched
                if token and others and len(others) <= cleansing.DUPLICATE_GROUP_MAX:
                    plan.warning(
                        field,
                        "possible_duplicate",
                        values.get(field),
                        other=", ".join(others.mapped("display_name")),
                        reason=reason,
                    )

    @api.model
    def _partner_vals(self, plan):
        """What a row writes on its partner (a hook: bridges add their fields)."""
        values = plan.values
        vals = {"is_company": True}
        for name in (
            "name",
            "ref",
            "vat",
            "company_registry",
            "phone",
            "email",
            "street",
            "zip",
            "city",
            "country_id",
        ):
            if name in values:
                vals[name] = values[name]
        kind = values.get("kind")
        record = plan.record
        if kind in ("customer", "both") and not (record and record.customer_rank):
            vals["customer_rank"] = 1
        if kind in ("vendor", "both") and not (record and record.supplier_rank):
            vals["supplier_rank"] = 1
        return vals

    @api.model
    def _partner_columns(self):
        """{partner field: profile field} naming the report's column of a change."""
        return {
            "country_id": "country",
            "company_registry": "siren",
            "customer_rank": "kind",
            "supplier_rank": "kind",
        }

    @api.model
    def _apply_partner(self, run, plans):
        key = run.profile_id.match_key
        self._write_plans(
            "res.partner",
            plans,
            self._partner_vals,
            columns=self._partner_columns(),
            keys=(key,) if key in ("name", "ref", "vat") else (),
        )
