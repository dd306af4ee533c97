# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Per-target resolution (match, references) and writing of cleaned rows.

``_resolve_<target>(run, plans)`` finds the existing record of each row by the profile's
match key (one search per batch), resolves references and adds error notes; nothing is
written. ``_apply_<target>(run, plans)`` writes the valid rows and sets each plan's
``action`` to create / update / unchanged.
"""

import re
from collections import defaultdict
from datetime import datetime, time

from stdnum.fr import siren as siren_check

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, float_compare, float_is_zero

from odoo.addons.unifyx_approvals.models.stock_quant import inventory_approved

from ..tools import cleansing
from ..tools.cleansing import CHANGE, ERROR, WARNING, Note, match_key, normalise_key
from .stock_quant import opening_stock_costs

LEGACY_MODULE = "unifyx_legacy"
# A load writes no chatter: no "created" message or tracking per record.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

UOM_TYPES = {
    "reference": "reference",
    "unite de reference": "reference",
    "reference unit": "reference",
    "bigger": "bigger",
    "plus grand": "bigger",
    "plus grande": "bigger",
    "smaller": "smaller",
    "plus petit": "smaller",
    "plus petite": "smaller",
}


def _error(plan, field, code, original=None, **params):
    plan["notes"].append((field, Note("match", ERROR, code, original, None, params)))


def _warning(plan, field, code, original=None, **params):
    plan["notes"].append((field, Note("match", WARNING, code, original, None, params)))


def _change(plan, field, code, original=None, value=None, **params):
    params.setdefault("value", value)
    plan["notes"].append((field, Note("match", CHANGE, code, original, value, params)))


def _has_error(plan):
    return any(note.level == ERROR for _f, note in plan["notes"])


def _field_error(plan, field):
    """True when ``field``'s cell is refused: the checks that need it are skipped,
    every other check of the row still runs and reports."""
    return any(f == field and note.level == ERROR for f, note in plan["notes"])


def _shown(record, name, value):
    """A field's value as the report shows it (names, not ids)."""
    field = record._fields[name]
    if field.type == "many2one":
        return record.env[field.comodel_name].browse(value).display_name if value else ""
    if field.type == "selection" and value:
        return dict(field._description_selection(record.env)).get(value, value)
    return value


def _partner_of(plan, field, value, partners_by_key):
    """The one partner a cell names, or None with an error on the row: an
    unknown or ambiguous partner is never guessed."""
    partners = partners_by_key.get(value)
    if not partners:
        _error(plan, field, "unknown_" + field, value)
    elif len(partners) > 1:
        _error(plan, field, "ambiguous", value, count=len(partners))
    else:
        return partners
    return None


def _siren(value):
    """The SIREN (9 digits, checked) of a SIREN or SIRET, else None."""
    digits = re.sub(r"\D", "", str(value or ""))
    if len(digits) in (9, 14) and siren_check.is_valid(digits[:9]):
        return digits[:9]
    return None


def _xmlid_name(value):
    return re.sub(r"[^\w\-]", "_", str(value))


def _same(record, vals):
    """True when writing ``vals`` would change nothing on ``record``."""
    for name, value in vals.items():
        field = record._fields[name]
        current = record[name]
        if field.type == "many2one":
            if current.id != (value or False):
                return False
        elif field.type in ("float", "monetary"):
            if float_compare(current or 0.0, value or 0.0, precision_digits=6):
                return False
        elif (current or False) != (value or False):
            return False
    return True


class UnifyxMigrationLoader(models.AbstractModel):
    _name = "unifyx.migration.loader"
    _description = "Migration loader"

    # ----------------------------------------------------------------- helpers
    @api.model
    def _match(self, run, plans, model, key_field, search_field=None):
        """Attach the existing record of each plan by its match key, one search in all.

        Keys compare without case, accents or spacing (:func:`match_key`); two rows
        with the same key, or a key matching several records, are errors.
        """
        Model = self.env[model].with_context(active_test=False)
        search_field = search_field or key_field
        external = key_field == "external_id"
        keyed = defaultdict(list)
        for plan in plans:
            if plan.get("skip") or _field_error(plan, key_field):
                continue
            key = plan["values"].get(key_field)
            if key is None:
                _error(plan, key_field, "missing_key")
                continue
            keyed[key if external else match_key(key)].append(plan)
        for same in keyed.values():
            for plan in same[1:]:
                _error(
                    plan,
                    key_field,
                    "duplicate_in_file",
                    plan["values"][key_field],
                    row=same[0]["row"],
                )
        if external:
            data = self.env["ir.model.data"].search(
                [
                    ("module", "=", LEGACY_MODULE),
                    ("model", "=", model),
                    ("name", "in", [_xmlid_name(k) for k in keyed]),
                ]
            )
            found = defaultdict(lambda: Model)
            for row in data:
                found[row.name] |= Model.browse(row.res_id).exists()
            by_key = {k: found[_xmlid_name(k)] for k in keyed}
        else:
            by_key = self._records_by_key(model, search_field, set(keyed))
        for key, same in keyed.items():
            records = by_key.get(key) or Model
            if len(records) > 1:
                _error(
                    same[0],
                    key_field,
                    "ambiguous",
                    same[0]["values"][key_field],
                    count=len(records),
                )
            else:
                same[0]["record"] = records or None
        return by_key

    @api.model
    def _records_by_key(self, model, fname, keys=None, domain=None, active_test=False):
        """{match_key(value): records} of ``model`` by ``fname``, for ``keys`` (all
        when None): one query for the values, one search for the user's rights.

        A database search cannot compare without accents and case everywhere
        (unaccent is optional), so the values are read and keyed here."""
        Model = self.env[model].with_context(active_test=active_test)
        field = Model._fields[fname]
        values = []
        if field.store and not field.translate and not field.company_dependent:
            Model.flush_model([fname])
            self.env.cr.execute(
                SQL(
                    "SELECT id, %s FROM %s WHERE %s IS NOT NULL",
                    SQL.identifier(fname),
                    SQL.identifier(Model._table),
                    SQL.identifier(fname),
                )
            )
            values = self.env.cr.fetchall()
        else:
            values = [(r.id, r[fname]) for r in Model.search_fetch([], [fname])]
        ids_by_key = defaultdict(list)
        for record_id, value in values:
            key = match_key(value)
            if key and (keys is None or key in keys):
                ids_by_key[key].append(record_id)
        wanted = [i for ids in ids_by_key.values() for i in ids]
        visible = set(Model.search([("id", "in", wanted), *(domain or [])]).ids) if wanted else ()
        result = defaultdict(lambda: Model)
        for key, ids in ids_by_key.items():
            records = Model.browse([i for i in ids if i in visible])
            if records:
                result[key] = records
        return result

    @api.model
    def _set_external_ids(self, model, plans):
        rows = [
            {
                "module": LEGACY_MODULE,
                "name": _xmlid_name(p["values"]["external_id"]),
                "model": model,
                "res_id": p["record"].id,
                "noupdate": True,
            }
            for p in plans
            if p["action"] == "create" and p["values"].get("external_id")
        ]
        if rows:
            self.env["ir.model.data"].create(rows)

    @api.model
    def _create_batch(self, model, vals_list):
        """``create(vals_list)`` with defaults and precomputed fields worked out
        once per batch instead of once per record.

        Odoo computes every record's defaults and precomputed fields on its own;
        product defaults run searches (buy and MTO routes) and precomputes build a
        new record per row, most of a product load's time. The values are Odoo's:
        defaults from ``_add_missing_default_values``, precomputed fields from a new
        record for each distinct set of the values they depend on."""
        Model = self.env[model].with_context(**QUIET)
        if not vals_list:
            return Model
        # Shared, not copied: create() reads its values, it never changes them.
        defaults = Model._add_missing_default_values({})
        vals_list = [{**defaults, **vals} for vals in vals_list]
        for owner in [model, *Model._inherits]:
            self._precompute_batch(Model, Model.env[owner], vals_list)
        return Model.create(vals_list)

    @api.model
    def _precompute_batch(self, Model, Owner, vals_list):
        """Fill ``Owner``'s missing precomputed fields, one new record per shape."""
        fields = [
            field
            for field in Owner._fields.values()
            if field.precompute
            and field.store
            and not field.inherited
            and not field.readonly  # Odoo recomputes those anyway
            and not field.inverse  # a given value would be inversed
            and (Owner is Model or Model._fields.get(field.name, field).inherited)
        ]
        if not fields:
            return
        depends = sorted(
            {path.split(".")[0] for f in fields for path in Owner.pool.field_depends[f]}
        )
        shapes = {}
        for vals in vals_list:
            missing = [f for f in fields if f.name not in vals]
            if not missing:
                continue
            shape = tuple(repr(vals.get(name)) for name in depends)
            if shape not in shapes:
                record = Owner.new({k: v for k, v in vals.items() if k in Owner._fields})
                shapes[shape] = {f.name: f.convert_to_write(record[f.name], Owner) for f in fields}
            for field in missing:
                vals[field.name] = shapes[shape][field.name]

    @api.model
    def _report_updates(self, plan, record, vals, columns):
        """One change note per field ``vals`` changes on ``record``, before -> after
        as the report shows them (names, not ids), in the column of ``columns``
        ({Odoo field: profile field})."""
        for name, value in vals.items():
            if _same(record, {name: value}):
                continue
            field = record._fields[name]
            before = _shown(record, name, field.convert_to_write(record[name], record))
            after = _shown(record, name, value)
            params = {
                "field": field._description_string(self.env),
                "before": before,
                "after": after,
            }
            plan["notes"].append(
                (
                    columns.get(name, name),
                    Note("update", CHANGE, "field_update", before, after, params),
                )
            )

    @api.model
    def _write_plans(self, model, plans, vals_of, create_model=None, columns=None, keys=()):
        """Create in one batch, write only what differs; set each plan's action.

        Each field an update writes is reported on its row, before and after (the
        dry run shows what the commit will write). ``columns``: {Odoo field: profile
        field} naming the report's column. ``keys``: match key fields, kept as the
        record spells them when they match without case, accents or spacing.

        ``create_model``: create through this model instead, e.g. products as
        variants: a template created from its variant skips the per-record
        writes of the template's variant fields (barcode, cost, reference)."""
        columns = columns or {}
        to_create = []
        for plan in plans:
            vals = vals_of(plan)
            record = plan["record"]
            if record:
                for key in keys:
                    if key in vals and match_key(record[key]) == match_key(vals[key]):
                        del vals[key]
                changed = {k: v for k, v in vals.items() if not _same(record, {k: v})}
                if not changed:
                    plan["action"] = "unchanged"
                    continue
                self._report_updates(plan, record, changed, columns)
                record.write(changed)
                plan["action"] = "update"
            else:
                plan["action"] = "create"
                to_create.append((plan, vals))
        if to_create:
            records = self._create_batch(create_model or model, [vals for _p, vals in to_create])
            if create_model == "product.product":
                records = [variant.product_tmpl_id for variant in records]
            for (plan, _vals), record in zip(to_create, records, strict=True):
                plan["record"] = record
        self._set_external_ids(model, plans)

    # -------------------------------------------------------------------- uom
    @api.model
    def _resolve_uom(self, run, plans):
        self._match(run, plans, "uom.uom", "name")
        categories = {normalise_key(c.name): c for c in self.env["uom.category"].search([])}
        for plan in plans:
            values = plan["values"]
            if plan.get("skip") or _field_error(plan, "category"):
                continue
            category = categories.get(normalise_key(values.get("category")))
            if not category:
                _error(plan, "category", "unknown_uom_category", values.get("category"))
            else:
                values["category_id"] = category.id
            uom_type = UOM_TYPES.get(normalise_key(values.get("uom_type") or "reference"))
            if not uom_type:
                _error(plan, "uom_type", "invalid_choice", values.get("uom_type"))
            else:
                values["uom_type_code"] = uom_type

    @api.model
    def _apply_uom(self, run, plans):
        def vals_of(plan):
            values = plan["values"]
            vals = {
                "name": values["name"],
                "category_id": values["category_id"],
                "uom_type": values["uom_type_code"],
            }
            ratio = values.get("ratio")
            if ratio and vals["uom_type"] == "bigger":
                vals["factor_inv"] = ratio
            elif ratio and vals["uom_type"] == "smaller":
                vals["factor"] = ratio
            return vals

        self._write_plans("uom.uom", plans, vals_of)
        Synonym = self.env["unifyx.migration.uom.synonym"]
        known = {s.key for s in Synonym.with_context(active_test=False).search([])}
        new = []
        for plan in plans:
            for spelling in (plan["values"].get("synonyms") or "").split(","):
                key = cleansing.unit_key(spelling)
                if key and key not in known:
                    known.add(key)
                    new.append({"name": spelling.strip(), "uom_id": plan["record"].id})
        Synonym.create(new)

    # --------------------------------------------------------------- category
    @api.model
    def _resolve_category(self, run, plans):
        index = self._category_index()
        for plan in plans:
            path = plan["values"].get("path")
            if path and not plan.get("skip"):
                self._check_category_path(plan, "path", path, index, whole=False)
        self._match(run, plans, "product.category", "path", "complete_name")

    @api.model
    def _category_index(self):
        """{match_key(full path): categories}, all the user may read."""
        return self._records_by_key("product.category", "complete_name")

    @api.model
    def _check_category_path(self, plan, field, path, index, whole=True):
        """An error when a level of ``path`` names several categories once case,
        accents and spacing are ignored ("Électroportatif" and "Electroportatif")."""
        segments = cleansing.category_segments(path)
        for depth in range(1, len(segments) + (1 if whole else 0)):
            found = index.get(match_key(" / ".join(segments[:depth])))
            if found and len(found) > 1:
                _error(plan, field, "ambiguous", path, count=len(found))
                return False
        return True

    @api.model
    def _category(self, path, cache):
        """The category of ``path`` ("A / B / C"), creating the missing levels.

        ``cache``: {match_key(path): category}, filled from the database at first
        use: a level spelt with other case or accents is the same category."""
        if not cache:
            cache.update((k, v[:1]) for k, v in self._category_index().items())
            cache[None] = True  # filled
        key = match_key(path)
        if key in cache:
            return cache[key]
        Category = self.env["product.category"]
        parent = Category
        segments = cleansing.category_segments(path)
        for depth in range(1, len(segments) + 1):
            partial = match_key(" / ".join(segments[:depth]))
            if partial not in cache:
                cache[partial] = Category.create(
                    {"name": segments[depth - 1], "parent_id": parent.id}
                )
            parent = cache[partial]
        return parent

    @api.model
    def _apply_category(self, run, plans):
        cache = {}
        for plan in plans:
            if plan["record"]:
                plan["action"] = "unchanged"
            else:
                plan["record"] = self._category(plan["values"]["path"], cache)
                plan["action"] = "create"

    # ---------------------------------------------------------------- partner
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
            values = plan["values"]
            if plan.get("skip"):
                continue
            country = values.get("country")
            found = None
            if country:
                found = by_code.get(country.upper()) or by_name.get(normalise_key(country))
                if not found:
                    _error(plan, "country", "unknown_country", country)
            elif not _field_error(plan, "country") and not (
                plan["record"] and plan["record"].country_id
            ):
                # No country given: the VAT number's, else the company's.
                vat = values.get("vat") or ""
                found = by_code.get({"EL": "GR", "XI": "GB"}.get(vat[:2], vat[:2]))
                code = "country_from_vat" if found else "country_default"
                found = found or default_country
                if found:
                    _change(plan, "country", code, None, found.name)
            if found:
                values["country_id"] = found.id
            if values.get("zip"):
                country = found or (plan["record"] and plan["record"].country_id)
                step = cleansing.normalise_zip(values["zip"], country.code if country else None)
                if step.note:
                    plan["notes"].append(("zip", step.note))
                values["zip"] = step.value
            if values.get("siren"):
                siren = _siren(values["siren"])
                if not siren:
                    _error(plan, "siren", "invalid_siren", values["siren"])
                else:
                    values["company_registry"] = re.sub(r"\D", "", values["siren"])
        self._report_partner_duplicates(plans)

    @api.model
    def _match_partner_by_name(self, run, plans):
        """Match on the normalised name; a VAT number or SIREN given decides first
        and a candidate with another one is not the same company."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        domain = [("parent_id", "=", False)]
        names = {match_key(p["values"].get("name")) for p in plans}
        by_name = self._records_by_key("res.partner", "name", names, domain)
        vats = {match_key(p["values"].get("vat")) for p in plans if p["values"].get("vat")}
        by_vat = self._records_by_key("res.partner", "vat", vats, domain) if vats else {}
        by_siren = defaultdict(lambda: Partner)
        if any(p["values"].get("siren") for p in plans):
            for records in self._records_by_key(
                "res.partner", "company_registry", None, domain
            ).values():
                for partner in records:
                    by_siren[_siren(partner.company_registry)] |= partner
        seen, taken = {}, {}
        for plan in plans:
            values = plan["values"]
            name = values.get("name")
            if plan.get("skip") or not name or _field_error(plan, "name"):
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
                _error(plan, "name", "duplicate_in_file", name, row=seen[key])
                continue
            seen[key] = plan["row"]
            if len(found) > 1:
                _error(plan, "name", "ambiguous", name, count=len(found))
            elif found and found.id in taken:
                _error(plan, "name", "duplicate_in_file", name, row=taken[found.id])
            elif found:
                taken[found.id] = plan["row"]
                plan["record"] = found

    @api.model
    def _report_partner_duplicates(self, plans):
        """Near duplicates, in the file and against the partners already in Odoo:
        small groups of candidates with the reason; never merged."""
        rows = [(i, p) for i, p in enumerate(plans) if not p.get("skip")]
        for reason, value, group in cleansing.duplicate_groups(
            (i, p["values"].get("name"), p["values"].get("vat")) for i, p in rows
        ):
            field = "vat" if reason == "vat" else "name"
            if len(group) > cleansing.DUPLICATE_GROUP_MAX:
                _warning(
                    plans[group[0]], field, "shared_value", value, count=len(group), reason=reason
                )
                continue
            numbers = [plans[i]["row"] for i in group]
            for i in group:
                others = ", ".join(str(r) for r in numbers if r != plans[i]["row"])
                _warning(
                    plans[i],
                    field,
                    "possible_duplicate_rows",
                    plans[i]["values"].get(field),
                    other=others,
                    reason=reason,
                )
        # Against existing partners: same VAT number or same name key.
        Partner = self.env["res.partner"]
        vats = {cleansing.vat_key(p["values"].get("vat")) for _i, p in rows} - {""}
        names = {cleansing.partner_name_key(p["values"].get("name")) for _i, p in rows} - {""}
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
        matched = Partner.union(*[p["record"] for _i, p in rows if p["record"]])
        for _i, plan in rows:
            values = plan["values"]
            for reason, token, field in (
                ("vat", cleansing.vat_key(values.get("vat")), "vat"),
                ("name", cleansing.partner_name_key(values.get("name")), "name"),
            ):
                others = existing.get((reason, token), Partner) - matched
                if token and others and len(others) <= cleansing.DUPLICATE_GROUP_MAX:
                    _warning(
                        plan,
                        field,
                        "possible_duplicate",
                        values.get(field),
                        other=", ".join(others.mapped("display_name")),
                        reason=reason,
                    )

    @api.model
    def _apply_partner(self, run, plans):
        def vals_of(plan):
            values = plan["values"]
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
            record = plan["record"]
            if kind in ("customer", "both") and not (record and record.customer_rank):
                vals["customer_rank"] = 1
            if kind in ("vendor", "both") and not (record and record.supplier_rank):
                vals["supplier_rank"] = 1
            return vals

        key = run.profile_id.match_key
        self._write_plans(
            "res.partner",
            plans,
            vals_of,
            columns={
                "country_id": "country",
                "company_registry": "siren",
                "customer_rank": "kind",
                "supplier_rank": "kind",
            },
            keys=(key,) if key in ("name", "ref", "vat") else (),
        )

    # ---------------------------------------------------------------- product
    @api.model
    def _resolve_product(self, run, plans):
        key = run.profile_id.match_key
        if key == "external_id":
            self._match(run, plans, "product.template", key)
        else:
            by_key = self._match(run, plans, "product.product", key)
            del by_key
            for plan in plans:
                if plan["record"]:
                    plan["record"] = plan["record"].product_tmpl_id
        Product = self.env["product.product"].with_context(active_test=False)
        barcodes = {p["values"]["barcode"] for p in plans if p["values"].get("barcode")}
        owners = defaultdict(lambda: Product)
        for product in Product.search([("barcode", "in", list(barcodes))]) if barcodes else []:
            owners[product.barcode] |= product
        seen_barcodes = {}
        vendors = {p["values"]["vendor"] for p in plans if p["values"].get("vendor")}
        vendor_map = self._vendors(vendors)
        categories = None
        for plan in plans:
            values = plan["values"]
            if plan.get("skip"):
                continue
            if values.get("category"):
                if categories is None:
                    categories = self._category_index()
                self._check_category_path(plan, "category", values["category"], categories)
            barcode = values.get("barcode")
            if barcode and key == "barcode":
                pass  # the match key: its duplicates are reported by the match
            elif barcode:
                others = owners.get(barcode, Product).product_tmpl_id - (
                    plan["record"] or self.env["product.template"]
                )
                if others:
                    _error(
                        plan,
                        "barcode",
                        "barcode_taken",
                        barcode,
                        other=", ".join(others.mapped("display_name")),
                    )
                elif barcode in seen_barcodes:
                    _error(
                        plan, "barcode", "duplicate_in_file", barcode, row=seen_barcodes[barcode]
                    )
                seen_barcodes.setdefault(barcode, plan["row"])
            vendor = values.get("vendor")
            partner = vendor and _partner_of(plan, "vendor", vendor, vendor_map)
            if partner:
                values["vendor_id"] = partner.id

    @api.model
    def _vendors(self, names):
        """{name or ref as written: partners}: by reference, else by name, both
        compared without case, accents or spacing."""
        Partner = self.env["res.partner"]
        result = {}
        if not names:
            return result
        keys = {match_key(n) for n in names}
        by_ref = self._records_by_key("res.partner", "ref", keys, active_test=True)
        by_name = self._records_by_key(
            "res.partner", "name", keys, [("parent_id", "=", False)], active_test=True
        )
        for name in names:
            key = match_key(name)
            result[name] = by_ref.get(key) or by_name.get(key) or Partner
        return result

    @api.model
    def _valued_templates(self, templates, company):
        """Ids of the templates with valuation layers in ``company``: their cost
        is the valuation's (AVCO average, FIFO layers, a revalued standard), no
        longer the products file's."""
        if not templates:
            return set()
        groups = (
            self.env["stock.valuation.layer"]
            .sudo()
            ._read_group(
                [
                    ("product_id.product_tmpl_id", "in", templates.ids),
                    ("company_id", "=", company.id),
                ],
                ["product_id"],
            )
        )
        return {product.product_tmpl_id.id for (product,) in groups}

    @api.model
    def _apply_product(self, run, plans):
        cache = {}
        company = run.company_id
        valued = self._valued_templates(
            self.env["product.template"].union(*[p["record"] for p in plans if p["record"]]),
            company,
        )

        def vals_of(plan):
            values = plan["values"]
            record = plan["record"]
            vals = {"name": values["name"], "default_code": values["default_code"]}
            if not record:
                vals.update({"type": "consu", "is_storable": True})
            if "barcode" in values:
                vals["barcode"] = values["barcode"] or False
            if values.get("uom"):
                vals["uom_id"] = values["uom"]
                vals["uom_po_id"] = values["uom"]
            if values.get("category"):
                vals["categ_id"] = self._category(values["category"], cache).id
            if values.get("list_price") is not None and "list_price" in values:
                vals["list_price"] = values["list_price"]
            cost = values.get("cost")
            if cost is not None and record and record.id in valued:
                # A rerun never revalues stock: the cost is the valuation's now.
                if float_compare(record.standard_price, cost, precision_digits=6):
                    _warning(
                        plan,
                        "cost",
                        "cost_kept",
                        cost,
                        product=record.display_name,
                        current=record.standard_price,
                    )
            elif cost is not None:
                vals["standard_price"] = cost
            if values.get("tracking"):
                vals["tracking"] = values["tracking"]
            return vals

        for plan in plans:
            if plan["record"]:
                plan["record"] = plan["record"].with_company(company)
        key = run.profile_id.match_key
        self._write_plans(
            "product.template",
            plans,
            vals_of,
            create_model="product.product",
            columns={
                "uom_id": "uom",
                "uom_po_id": "uom",
                "categ_id": "category",
                "standard_price": "cost",
            },
            keys=(key,) if key in ("default_code", "barcode") else (),
        )
        # Vendors and their purchase prices.
        Info = self.env["product.supplierinfo"]
        tmpl_ids = [p["record"].id for p in plans if p["values"].get("vendor_id")]
        existing = {
            (i.product_tmpl_id.id, i.partner_id.id): i
            for i in Info.search([("product_tmpl_id", "in", tmpl_ids)])
        }
        new = []
        for plan in plans:
            values = plan["values"]
            if not values.get("vendor_id"):
                continue
            vals = {"partner_id": values["vendor_id"], "product_tmpl_id": plan["record"].id}
            if values.get("cost") is not None:
                vals["price"] = values["cost"]
            if values.get("vendor_code"):
                vals["product_code"] = values["vendor_code"]
            info = existing.get((plan["record"].id, values["vendor_id"]))
            if info:
                if not _same(info, vals):
                    changed = {k: v for k, v in vals.items() if not _same(info, {k: v})}
                    self._report_updates(
                        plan,
                        info,
                        changed,
                        {"price": "cost", "product_code": "vendor_code", "partner_id": "vendor"},
                    )
                    info.write(changed)
                    if plan["action"] == "unchanged":
                        plan["action"] = "update"
            else:
                new.append(vals)
                if plan["action"] == "unchanged":
                    plan["action"] = "update"
        self._create_batch("product.supplierinfo", new)

    # ------------------------------------------------------------------ stock
    @api.model
    def _resolve_stock(self, run, plans):
        """Every check of a row runs: product, warehouse and location, lot,
        quantity, cost; the standard cost a row would set is reported."""
        company = run.company_id
        key = run.profile_id.match_key
        Product = self.env["product.product"]
        codes = {match_key(p["values"]["product"]) for p in plans if p["values"].get("product")}
        products = self._records_by_key("product.product", key, codes, active_test=True)
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", company.id)])
        by_warehouse = defaultdict(lambda: self.env["stock.warehouse"])
        for warehouse in warehouses:
            by_warehouse[match_key(warehouse.code)] |= warehouse
            if match_key(warehouse.name) != match_key(warehouse.code):
                by_warehouse[match_key(warehouse.name)] |= warehouse
        locations = defaultdict(lambda: self.env["stock.location"])
        if any(p["values"].get("location") for p in plans):
            for location in self.env["stock.location"].search(
                [("company_id", "=", company.id), ("usage", "=", "internal")]
            ):
                locations[match_key(location.complete_name)] |= location
        unit_category = self.env.ref("uom.product_uom_categ_unit", raise_if_not_found=False)
        seen, standard_costs = {}, {}
        for plan in plans:
            values = plan["values"]
            if plan.get("skip"):
                continue
            product = Product
            if values.get("product"):
                found = products.get(match_key(values["product"])) or Product
                if not found:
                    _error(plan, "product", "unknown_product", values["product"])
                elif len(found) > 1:
                    _error(plan, "product", "ambiguous", values["product"], count=len(found))
                else:
                    product = found.with_company(company)
                    values["product_id"] = product
            warehouse = None
            if values.get("warehouse"):
                found = by_warehouse.get(match_key(values["warehouse"]))
                if not found:
                    _error(plan, "warehouse", "unknown_warehouse", values["warehouse"])
                elif len(found) > 1:
                    _error(plan, "warehouse", "ambiguous", values["warehouse"], count=len(found))
                else:
                    warehouse = found
            location = None
            if values.get("location"):
                if not (values.get("warehouse") and not warehouse):
                    location = self._stock_location(
                        plan, values["location"], warehouse, warehouses, locations
                    )
            elif warehouse:
                location = warehouse.lot_stock_id
            elif not values.get("warehouse") and not _field_error(plan, "warehouse"):
                location = warehouses[:1].lot_stock_id
            if location:
                values["location_id"] = location
            quantity = values.get("quantity")
            if quantity is not None and quantity < 0:
                _error(plan, "quantity", "negative_quantity", quantity)
            elif quantity is not None and product:
                if product.tracking == "serial" and quantity != 1:
                    _error(plan, "quantity", "serial_quantity", quantity)
                elif product.uom_id.category_id == unit_category:
                    units = product.uom_id._compute_quantity(
                        quantity,
                        product.uom_id.category_id.uom_ids.filtered(
                            lambda u: u.uom_type == "reference"
                        )[:1]
                        or product.uom_id,
                        round=False,
                    )
                    if not float_is_zero(units - round(units), precision_digits=6):
                        _error(
                            plan,
                            "quantity",
                            "whole_units",
                            quantity,
                            unit=product.uom_id.name,
                            product=product.display_name,
                        )
            if product and product.tracking != "none" and not values.get("lot"):
                if not _field_error(plan, "lot"):
                    _error(plan, "lot", "lot_required", None, product=product.display_name)
            elif product and product.tracking == "none" and values.get("lot"):
                _warning(plan, "lot", "lot_ignored", values["lot"], product=product.display_name)
                values["lot"] = None
            cost = values.get("cost")
            if cost is not None and cost < 0:
                _error(plan, "cost", "negative_cost", cost)
            elif product and cost is None and not _field_error(plan, "cost"):
                _warning(
                    plan,
                    "cost",
                    "no_cost",
                    None,
                    product=product.display_name,
                    current=product.standard_price,
                )
            elif product and product.cost_method == "standard":
                self._check_standard_cost(plan, product, cost, standard_costs)
            if _has_error(plan):
                continue
            place = (
                product.id,
                location.id,
                values.get("lot") if product.tracking != "none" else None,
            )
            if place in seen:
                _error(plan, "product", "duplicate_in_file", values["product"], row=seen[place])
                continue
            seen[place] = plan["row"]

    @api.model
    def _stock_location(self, plan, name, warehouse, warehouses, locations):
        """The internal location a row names, as distributors write it: its full
        name ("LYO/Stock/A-01") or a path from the row's warehouse ("Stock",
        "Stock/A-01", "A-01", or "WH/Stock/B-02" with another warehouse code)."""
        key = match_key(name)
        segments = [s for s in key.split("/") if s]
        codes = {match_key(w.code) for w in warehouses}
        Location = self.env["stock.location"]
        found = locations.get(key) or Location  # a full name
        if found and warehouse and found.warehouse_id != warehouse:
            _error(plan, "location", "location_elsewhere", name, warehouse=warehouse.name)
            return None
        # A path from the row's warehouse (from the only one when none is given).
        scopes = [warehouse] if warehouse else list(warehouses)[:1] if len(warehouses) == 1 else []
        for scope in scopes if not found else []:
            code = match_key(scope.code)
            candidates = [
                "%s/%s" % (code, key),
                "%s/%s" % (match_key(scope.lot_stock_id.complete_name), key),
            ]
            if len(segments) > 1 and segments[0] not in codes:
                # "WH/Stock/B-02": Odoo's placeholder code, or the old system's.
                candidates.append("/".join([code, *segments[1:]]))
            for candidate in candidates:
                found = locations.get(candidate, Location).filtered(
                    lambda loc, s=scope: loc.warehouse_id == s
                )
                if found:
                    break
        if not found:
            _error(plan, "location", "unknown_location", name)
        elif len(found) > 1:
            _error(plan, "location", "ambiguous", name, count=len(found))
        else:
            return found
        return None

    @api.model
    def _check_standard_cost(self, plan, product, cost, standard_costs):
        """A standard-cost product is valued at its standard price: the opening
        stock sets it to the file's cost while the product has no stock yet (a
        French accountant's opening balance is quantity x that cost). With stock
        already valued at another standard, or two costs in the file, the row is
        refused: nothing is booked at a cost the file does not give."""
        first = standard_costs.setdefault(product.id, (cost, plan["row"]))
        if float_compare(first[0], cost, precision_digits=6):
            _error(plan, "cost", "standard_two_costs", cost, other=first[0], row=first[1])
            return
        current = product.standard_price
        if not float_compare(current, cost, precision_digits=6):
            return
        if not float_is_zero(
            product.sudo().quantity_svl, precision_rounding=product.uom_id.rounding
        ):
            _error(
                plan,
                "cost",
                "standard_stock",
                cost,
                product=product.display_name,
                current=current,
            )
            return
        plan["values"]["standard_price"] = cost
        if first[1] == plan["row"]:
            _change(
                plan,
                "cost",
                "standard_cost",
                current,
                cost,
                product=product.display_name,
                before=current,
            )

    @api.model
    def _apply_stock(self, run, plans):
        # Who may book opening stock is decided here, not by the caller: the
        # run's own access (consultants) and stock administrators.
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("unifyx_base.group_consultant")
            or user.has_group("unifyx_base.group_warehouse_manager")
        ):
            raise AccessError(
                self.env._("Only a consultant or a warehouse manager loads opening stock.")
            )
        company = run.company_id
        Lot = self.env["stock.lot"]
        Quant = self.env["stock.quant"].with_company(company).with_context(inventory_mode=True)
        # Standard-cost products without stock take the file's cost first (no
        # layer: nothing is in stock yet), so the opening moves are valued at it.
        for plan in plans:
            values = plan["values"]
            if "standard_price" in values:
                product = values["product_id"]
                if float_compare(
                    product.standard_price, values["standard_price"], precision_digits=6
                ):
                    product.standard_price = values["standard_price"]
        product_ids = list({p["values"]["product_id"].id for p in plans})
        lots = {
            (lot.product_id.id, lot.name): lot
            for lot in Lot.search(
                [("product_id", "in", product_ids), ("company_id", "in", [company.id, False])]
            )
        }
        new_lots = []
        for plan in plans:
            values = plan["values"]
            product = values["product_id"]
            if product.tracking != "none" and (product.id, values["lot"]) not in lots:
                lots[(product.id, values["lot"])] = Lot
                new_lots.append(
                    {"name": values["lot"], "product_id": product.id, "company_id": company.id}
                )
        if new_lots:
            for lot in Lot.create(new_lots):
                lots[(lot.product_id.id, lot.name)] = lot
        location_ids = list({p["values"]["location_id"].id for p in plans})
        existing = {
            (q.product_id.id, q.location_id.id, q.lot_id.id): q
            for q in Quant.search(
                [
                    ("product_id", "in", product_ids),
                    ("location_id", "in", location_ids),
                    ("package_id", "=", False),
                    ("owner_id", "=", False),
                ]
            )
        }
        to_apply = Quant
        costs = {}
        for plan in plans:
            values = plan["values"]
            product = values["product_id"]
            lot = lots.get((product.id, values.get("lot"))) if product.tracking != "none" else Lot
            place = (product.id, values["location_id"].id, lot.id if lot else False)
            quant = existing.get(place)
            current = quant.quantity if quant else 0.0
            if quant and not float_compare(
                current, values["quantity"], precision_rounding=product.uom_id.rounding
            ):
                plan["action"] = "unchanged"
                plan["record"] = quant
                continue
            plan["action"] = "update" if current else "create"
            if quant:
                quant.inventory_quantity = values["quantity"]
            else:
                quant = Quant.create(
                    {
                        "product_id": product.id,
                        "location_id": values["location_id"].id,
                        "lot_id": lot.id if lot else False,
                        "inventory_quantity": values["quantity"],
                    }
                )
            plan["record"] = quant
            cost = values.get("cost")
            costs[quant.id] = cost if cost is not None else product.standard_price
            if values["quantity"] > current:
                _change(
                    plan,
                    "quantity",
                    "stock_update",
                    current,
                    values["quantity"],
                    location=values["location_id"].complete_name,
                    before=current,
                    cost=costs[quant.id],
                    amount=company.currency_id.round(
                        (values["quantity"] - current) * costs[quant.id]
                    ),
                )
            else:
                _change(
                    plan,
                    "quantity",
                    "stock_decrease",
                    current,
                    values["quantity"],
                    location=values["location_id"].complete_name,
                    before=current,
                )
            to_apply |= quant
        if to_apply:
            # An opening stock load is not a count of existing stock: the run's own
            # validation report and commit replace the inventory approval matrix.
            # The unit costs are server state, never a context key a client sends.
            with inventory_approved(), opening_stock_costs(costs):
                to_apply.with_context(
                    inventory_name=self.env._("Opening stock (migration %s)", run.file_name),
                )._apply_inventory()

    @api.model
    def _categories_by_path(self):
        """{normalised full path: categories}. Paths compare without case or
        accents: "outillage" is "Outillage"."""
        categories = defaultdict(lambda: self.env["product.category"])
        for category in self.env["product.category"].search([]):
            categories[normalise_key(category.complete_name)] |= category
        return categories

    # -------------------------------------------------------------- pricelist
    @api.model
    def _resolve_pricelist(self, run, plans):
        """Rows are price list rules: (price list, product or category, minimum
        quantity, start date) identifies a rule; a customer column assigns the
        price list to that customer."""
        company = run.company_id
        products = self._by_code(
            "product.product", "default_code", {p["values"].get("product") for p in plans}
        )
        categories = self._categories_by_path()
        currencies = self._by_code(
            "res.currency", "name", {(p["values"].get("currency") or "").upper() for p in plans}
        )
        customers = self._vendors(
            {p["values"]["customer"] for p in plans if p["values"].get("customer")}
        )
        seen, pricelist_of = {}, {}
        for plan in plans:
            values = plan["values"]
            if plan.get("skip"):
                continue
            product, category = values.get("product"), values.get("category")
            if _field_error(plan, "product") or _field_error(plan, "category"):
                pass  # already said
            elif bool(product) == bool(category):
                _error(plan, "product", "product_or_category")
            elif product and len(products.get(product, ())) != 1:
                code = "ambiguous" if products.get(product) else "unknown_product"
                _error(plan, "product", code, product, count=len(products.get(product, ())))
            elif category and len(categories.get(normalise_key(category), ())) != 1:
                _error(plan, "category", "unknown_category", category)
            if _field_error(plan, "price") or _field_error(plan, "discount"):
                pass
            elif (values.get("price") is None) == (values.get("discount") is None):
                _error(plan, "price", "price_or_discount")
            currency = (values.get("currency") or "").upper()
            if currency and not currencies.get(currency):
                _error(plan, "currency", "unknown_currency", values["currency"])
            start, end = values.get("date_start"), values.get("date_end")
            if start and end and end < start:
                _error(plan, "date_end", "dates_reversed", end)
            customer = values.get("customer")
            partners = customer and _partner_of(plan, "customer", customer, customers)
            if partners and values.get("pricelist"):
                values["customer_id"] = partners.id
                other = pricelist_of.setdefault(partners.id, values["pricelist"])
                if other != values["pricelist"]:
                    _error(plan, "customer", "two_pricelists", customer, other=other)
            if _has_error(plan):
                continue
            values["product_id"] = product and products[product].id
            values["categ_id"] = category and categories[normalise_key(category)].id
            values["currency_id"] = currencies[currency].id if currency else company.currency_id.id
            key = self._pricelist_key(values)
            if key in seen:
                _error(plan, "pricelist", "duplicate_in_file", values["pricelist"], row=seen[key])
            seen.setdefault(key, plan["row"])
        # Existing rules, one search for all the price lists of the file.
        names = {p["values"]["pricelist"] for p in plans if not _has_error(p) and not p.get("skip")}
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        pricelists = Pricelist.search(
            [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
        )
        rules = defaultdict(lambda: self.env["product.pricelist.item"])
        for item in pricelists.item_ids:
            rules[self._pricelist_key(self._item_values(item))] |= item
        for plan in plans:
            if _has_error(plan) or plan.get("skip"):
                continue
            found = rules.get(self._pricelist_key(plan["values"]))
            if found and len(found) > 1:
                _error(
                    plan, "pricelist", "ambiguous", plan["values"]["pricelist"], count=len(found)
                )
            else:
                plan["record"] = found or None

    @api.model
    def _by_code(self, model, field, codes):
        """{code as written: records} for the codes given, compared without case,
        accents or spacing."""
        codes = {c for c in codes if c}
        found = defaultdict(lambda: self.env[model])
        if codes:
            by_key = self._records_by_key(model, field, {match_key(c) for c in codes})
            for code in codes:
                if by_key.get(match_key(code)):
                    found[code] = by_key[match_key(code)]
        return found

    @staticmethod
    def _pricelist_key(values):
        return (
            values["pricelist"],
            values.get("product_id") or False,
            values.get("categ_id") or False,
            float(values.get("min_quantity") or 0.0),
            values.get("date_start") or False,
        )

    @staticmethod
    def _item_values(item):
        return {
            "pricelist": item.pricelist_id.name,
            "product_id": item.product_id.id,
            "categ_id": item.categ_id.id,
            "min_quantity": item.min_quantity,
            "date_start": item.date_start and item.date_start.date(),
        }

    @api.model
    def _apply_pricelist(self, run, plans):
        company = run.company_id
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        names = {p["values"]["pricelist"] for p in plans}
        pricelists = {
            pricelist.name: pricelist
            for pricelist in Pricelist.search(
                [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
            )
        }
        missing = {}
        for plan in plans:
            name = plan["values"]["pricelist"]
            if name not in pricelists:
                missing.setdefault(name, plan["values"]["currency_id"])
        if missing:
            created = Pricelist.create(
                [
                    {"name": name, "currency_id": currency, "company_id": company.id}
                    for name, currency in missing.items()
                ]
            )
            pricelists.update({pricelist.name: pricelist for pricelist in created})

        def vals_of(plan):
            values = plan["values"]
            vals = {
                "pricelist_id": pricelists[values["pricelist"]].id,
                "applied_on": "0_product_variant" if values["product_id"] else "2_product_category",
                "product_id": values["product_id"] or False,
                "categ_id": values["categ_id"] or False,
                "min_quantity": values.get("min_quantity") or 0.0,
                # Odoo keeps datetimes: the whole first and last days.
                "date_start": values.get("date_start")
                and datetime.combine(values["date_start"], time.min),
                "date_end": values.get("date_end")
                and datetime.combine(values["date_end"], time(23, 59, 59)),
            }
            if values.get("price") is not None:
                vals.update({"compute_price": "fixed", "fixed_price": values["price"]})
            else:
                vals.update({"compute_price": "percentage", "percent_price": values["discount"]})
            return vals

        self._write_plans(
            "product.pricelist.item",
            plans,
            vals_of,
            columns={
                "product_id": "product",
                "categ_id": "category",
                "fixed_price": "price",
                "percent_price": "discount",
                "compute_price": "price",
                "applied_on": "product",
            },
        )
        # The customers' price list (company-dependent).
        for plan in plans:
            customer_id = plan["values"].get("customer_id")
            if not customer_id:
                continue
            partner = self.env["res.partner"].browse(customer_id).with_company(company)
            pricelist = pricelists[plan["values"]["pricelist"]]
            if partner.property_product_pricelist != pricelist:
                partner.property_product_pricelist = pricelist
                if plan["action"] == "unchanged":
                    plan["action"] = "update"

    # --------------------------------------------------------------- contract
    @api.model
    def _resolve_contract(self, run, plans):
        """Rows are lines of customer contracts (unifyx_pricing): the contract
        reference, then a product or a category, a minimum quantity and a unit
        identify a line. A new contract takes the customer and dates of its
        first row; later rows repeat them or leave them empty."""
        company = run.company_id
        products = self._by_code(
            "product.product", "default_code", {p["values"].get("product") for p in plans}
        )
        categories = self._categories_by_path()
        customers = self._vendors(
            {p["values"]["customer"] for p in plans if p["values"].get("customer")}
        )
        Contract = self.env["unifyx.price.contract"]
        names = {p["values"]["contract"] for p in plans if p["values"].get("contract")}
        contracts = defaultdict(lambda: Contract)
        for contract in Contract.search(
            [("name", "in", list(names)), ("company_id", "=", company.id)]
        ):
            contracts[contract.name] |= contract
        uoms = self.env["uom.uom"].browse(
            {p["values"]["uom"] for p in plans if p["values"].get("uom")}
        )
        headers, seen = {}, {}
        for plan in plans:
            values = plan["values"]
            if plan.get("skip"):
                continue
            name = values.get("contract")
            product, category = values.get("product"), values.get("category")
            if _field_error(plan, "product") or _field_error(plan, "category"):
                pass  # already said
            elif bool(product) == bool(category):
                _error(plan, "product", "product_or_category")
            elif product and len(products.get(product, ())) != 1:
                code = "ambiguous" if products.get(product) else "unknown_product"
                _error(plan, "product", code, product, count=len(products.get(product, ())))
            elif category and len(categories.get(normalise_key(category), ())) != 1:
                _error(plan, "category", "unknown_category", category)
            prices = [f for f in ("price", "discount", "markup") if values.get(f) is not None]
            if any(_field_error(plan, f) for f in ("price", "discount", "markup")):
                pass
            elif len(prices) != 1:
                _error(plan, "price", "one_price")
            customer = values.get("customer")
            partner = customer and _partner_of(plan, "customer", customer, customers)
            if partner:
                values["customer_id"] = partner.id
            if not name:
                continue  # the required contract reference is missing: said
            found = contracts.get(name) or Contract
            if len(found) > 1:
                _error(plan, "contract", "ambiguous", name, count=len(found))
            elif not found and name not in headers and not values.get("customer_id"):
                _error(plan, "customer", "contract_customer", name)
            if _has_error(plan):
                continue
            header = (values.get("customer_id"), values.get("date_start"), values.get("date_end"))
            first = headers.setdefault(name, (header, plan["row"]))
            if any(mine and mine != theirs for mine, theirs in zip(header, first[0], strict=True)):
                _error(plan, "contract", "contract_header", name, row=first[1])
                continue
            values["contract_id"] = found
            values["product_id"] = product and products[product].id
            values["categ_id"] = category and categories[normalise_key(category)].id
            unit = values.get("uom") and uoms.browse(values["uom"])
            if unit and product and unit.category_id != products[product].uom_id.category_id:
                _error(plan, "uom", "uom_category", unit.name, product=product)
                continue
            values["price_type"] = {"price": "fixed", "discount": "discount"}.get(
                prices[0], "cost_plus"
            )
            key = self._contract_key(name, values)
            if key in seen:
                _error(plan, "contract", "duplicate_in_file", name, row=seen[key])
                continue
            seen[key] = plan["row"]
            line = None
            for existing in found.line_ids:
                if self._contract_key(name, self._line_values(existing)) == key:
                    line = existing
            plan["record"] = line
            if (
                found
                and found.state != "draft"
                and (
                    self._contract_header_changes(found, values)
                    or not (line and _same(line, self._contract_line_vals(values)))
                )
            ):
                _error(plan, "contract", "contract_locked", name)

    @staticmethod
    def _contract_header_changes(contract, values):
        """What the row changes of the contract's customer and dates (an empty
        cell changes nothing)."""
        header = {
            "partner_id": values.get("customer_id"),
            "date_start": fields.Date.to_date(values.get("date_start")),
            "date_end": fields.Date.to_date(values.get("date_end")),
        }
        return {
            fname: value
            for fname, value in header.items()
            if value and value != (contract[fname].id if fname == "partner_id" else contract[fname])
        }

    @staticmethod
    def _contract_key(name, values):
        # As unifyx_pricing's own import keys the lines of a contract.
        return (
            name,
            values.get("product_id") or False,
            values.get("categ_id") or False,
            round(values.get("min_quantity") or 0.0, 6),
            values.get("uom") or False,
        )

    @staticmethod
    def _line_values(line):
        return {
            "product_id": line.product_id.id,
            "categ_id": line.categ_id.id,
            "min_quantity": line.min_qty,
            "uom": line.uom_id.id,
        }

    @staticmethod
    def _contract_line_vals(values):
        return {
            "product_id": values["product_id"] or False,
            "categ_id": values["categ_id"] or False,
            "price_type": values["price_type"],
            "fixed_price": values.get("price") or 0.0,
            "discount": values.get("discount") or 0.0,
            "markup": values.get("markup") or 0.0,
            "min_qty": values.get("min_quantity") or 0.0,
            "uom_id": values.get("uom") or False,
        }

    @api.model
    def _apply_contract(self, run, plans):
        company = run.company_id
        Contract = self.env["unifyx.price.contract"].with_context(**QUIET)
        contracts = {}
        moved = set()  # rows that change an existing draft contract's customer or dates
        for plan in plans:
            values = plan["values"]
            contract = values["contract_id"] or contracts.get(values["contract"])
            header = contract and self._contract_header_changes(contract, values)
            if header:
                contract.write(header)
                moved.add(plan["row"])
            if not contract:
                contract = Contract.create(
                    {
                        "name": values["contract"],
                        "partner_id": values["customer_id"],
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "date_start": values.get("date_start") or fields.Date.context_today(self),
                        "date_end": values.get("date_end") or False,
                    }
                )
            contracts[values["contract"]] = contract
        # unifyx_pricing's own upsert writes the lines, one call per contract.
        changes = defaultdict(list)
        for plan in plans:
            vals = self._contract_line_vals(plan["values"])
            if not plan["record"]:
                plan["action"] = "create"
            elif _same(plan["record"], vals):
                plan["action"] = "update" if plan["row"] in moved else "unchanged"
                continue
            else:
                plan["action"] = "update"
                self._report_updates(
                    plan,
                    plan["record"],
                    vals,
                    {"fixed_price": "price", "min_qty": "min_quantity", "uom_id": "uom"},
                )
            changes[contracts[plan["values"]["contract"]]].append(vals)
        for contract, vals_list in changes.items():
            contract._unifyx_upsert_lines(vals_list)
