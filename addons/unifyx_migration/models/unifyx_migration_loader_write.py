# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing the loadable rows: batch create, write only what differs, external ids,
the report of each update."""

from odoo import api, models

from ..tools.cleansing import CHANGE, Note, match_key
from ..tools.records import LEGACY_MODULE, QUIET
from ..tools.records import same as _same
from ..tools.records import shown as _shown
from ..tools.records import xmlid_name as _xmlid_name


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderWrite(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _set_external_ids(self, model, plans):
        rows = [
            {
                "module": LEGACY_MODULE,
                "name": _xmlid_name(p.values["external_id"]),
                "model": model,
                "res_id": p.record.id,
                "noupdate": True,
            }
            for p in plans
            if p.action == "create" and p.values.get("external_id")
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
            plan.notes.append(
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
            record = plan.record
            if record:
                for key in keys:
                    if key in vals and match_key(record[key]) == match_key(vals[key]):
                        del vals[key]
                changed = {k: v for k, v in vals.items() if not _same(record, {k: v})}
                if not changed:
                    plan.action = "unchanged"
                    continue
                self._report_updates(plan, record, changed, columns)
                record.write(changed)
                plan.action = "update"
            else:
                plan.action = "create"
                to_create.append((plan, vals))
        if to_create:
            records = self._create_batch(create_model or model, [vals for _p, vals in to_create])
            if create_model == "product.product":
                records = [variant.product_tmpl_id for variant in records]
            for (plan, _vals), record in zip(to_create, records, strict=True):
                plan.record = record
        self._set_external_ids(model, plans)
