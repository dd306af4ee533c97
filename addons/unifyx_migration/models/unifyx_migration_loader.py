# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cockpit's loader: the targets' registry, the row pipeline and the matching.

Each target is declared by its own file, an ``_inherit`` of this model that adds
its :class:`~..tools.targets.Target` to :meth:`_targets` (``super()`` then its own
entry). A target's ``resolve(run, plans)`` finds the existing record of each row by
the profile's match key (one search per batch), resolves references and adds error
notes, writing nothing; its ``apply(run, plans)`` writes the loadable rows and sets
each plan's ``action`` to create / update / unchanged. ``run`` is the migration run
(or any record with a ``company_id`` and the ``profile_id`` a target reads).
"""

from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import cleansing
from ..tools.cleansing import match_key, normalise_key
from ..tools.records import LEGACY_MODULE
from ..tools.records import partner_of as _partner_of
from ..tools.records import xmlid_name as _xmlid_name
from ..tools.row_plan import RowPlan
from ..tools.targets import clean_row

# Rows written per apply() batch (memory stays bounded on large files).
APPLY_ROWS = 5000


class UnifyxMigrationLoader(models.AbstractModel):
    _name = "unifyx.migration.loader"
    _description = "Migration loader"

    # ---------------------------------------------------------------- registry
    @api.model
    def _targets(self):
        """{code: Target} of every target installed; each target's file adds its own."""
        return {}

    @api.model
    def _target(self, code):
        target = self._targets().get(code)
        if target is None:
            raise UserError(self.env._("Unknown kind of import %(target)s.", target=code))
        return target

    # ---------------------------------------------------------------- pipeline
    @api.model
    def _cleaner(self, target):
        """clean_row for ``target``: units by code and synonyms (whatever the
        consultant's language), VAT numbers through Odoo's base_vat; unit notes
        show the unit's name, never its id."""
        columns = self._target(target).columns
        units = cleansing.keyed_units(self.env["unifyx.migration.uom.synonym"]._mapping())
        unit_names = {u.id: u.name for u in self.env["uom.uom"].search([])}
        validate = self.env["res.partner"]._unifyx_vat_validator()

        def clean(raw):
            values, notes = clean_row(columns, raw, units, validate)
            for index, (_field, note) in enumerate(notes):
                if note.rule == "unit" and note.level == cleansing.CHANGE:
                    name = unit_names.get(note.value, note.value)
                    if cleansing.unit_key(note.original) == cleansing.unit_key(name):
                        notes[index] = None  # the unit's own name: nothing changed
                        continue
                    note.params["target"] = name
                    note.params["value"] = note.original
                    note.value = name
            notes[:] = [n for n in notes if n]
            return values, notes

        clean.unit_names = unit_names
        clean.columns = columns
        return clean

    @api.model
    def _plan_rows(self, run, rows, target=None):
        """Clean and resolve ``rows`` of ``target`` (the run's by default): (row
        number, file values, {field: value}); nothing is written. Returns the
        RowPlans."""
        target = target or run.target
        clean = self._cleaner(target)
        plans = []
        for number, raw_values, raw in rows:
            if cleansing.is_total_row(raw.values()):
                # A spreadsheet's total line: skipped, said, never refused.
                first = next(iter(raw), "")
                note = cleansing.Note("total", cleansing.WARNING, "total_row", None)
                plans.append(RowPlan(number, raw_values, notes=[(first, note)], skip=True))
            else:
                values, notes = clean(raw)
                plans.append(RowPlan(number, raw_values, values, notes))
        self._target(target).resolve(run, plans)
        return plans

    @api.model
    def _apply(self, run, plans, target=None):
        """Write the loadable ``plans`` in batches; {action: count}."""
        apply = self._target(target or run.target).apply
        for start in range(0, len(plans), APPLY_ROWS):
            apply(run, plans[start : start + APPLY_ROWS])
            if len(plans) > APPLY_ROWS:
                # Written, then out of the cache: memory stays flat on a large file.
                self.env.flush_all()
                self.env.invalidate_all()
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for plan in plans:
            counts[plan.action] += 1
        return counts

    @api.model
    def _background_prepare(self, run, plans):
        """Before the batches of a background run load: create what the rows
        share (look-ups a row would create on the fly), so that the batches do
        not depend on each other. True when they then load in any order at
        once; a target that cannot promise it keeps the default, False: its
        batches load one after the other."""
        return False

    @api.model
    def _resolve_priced_rows(self, plans, resolve_row):
        """The row loop of the targets whose rows price a product or a category
        (price lists, contracts): each row names exactly one of them, the product
        by the one product rule (:meth:`_products_by_code`), and may name a
        customer. Sets ``product_id``, ``categ_id`` and ``customer_id`` (False
        when not found), then calls the target's hook ``resolve_row(plan)`` for
        the rest of the row; total rows are skipped."""
        products = self._products_by_code({p.values.get("product") for p in plans})
        categories = self._categories_by_path()
        customers = self._vendors({p.values["customer"] for p in plans if p.values.get("customer")})
        for plan in plans:
            if plan.skip:
                continue
            values = plan.values
            product, category = values.get("product"), values.get("category")
            found = categ = None
            if plan.field_error("product") or plan.field_error("category"):
                pass  # already said
            elif bool(product) == bool(category):
                plan.error("product", "product_or_category")
            elif product:
                found = self._product_of(plan, "product", product, products)
            elif len(categories.get(normalise_key(category), ())) == 1:
                categ = categories[normalise_key(category)]
            else:
                plan.error("category", "unknown_category", category)
            values["product_id"] = found.id if found else False
            values["categ_id"] = categ.id if categ else False
            customer = values.get("customer")
            partner = customer and _partner_of(plan, "customer", customer, customers)
            values["customer_id"] = partner.id if partner else False
            resolve_row(plan)

    # ---------------------------------------------------------------- matching
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
            if plan.skip or plan.field_error(key_field):
                continue
            key = plan.values.get(key_field)
            if key is None:
                plan.error(key_field, "missing_key")
                continue
            keyed[key if external else match_key(key)].append(plan)
        for same in keyed.values():
            for plan in same[1:]:
                plan.error(
                    key_field,
                    "duplicate_in_file",
                    plan.values[key_field],
                    row=same[0].row,
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
                same[0].error(
                    key_field,
                    "ambiguous",
                    same[0].values[key_field],
                    count=len(records),
                )
            else:
                same[0].record = records or None
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
