# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Units of measure: a unit per row, its category, type and ratio, its synonyms."""

from odoo import api, models

from ..tools import cleansing
from ..tools.cleansing import normalise_key
from ..tools.targets import MATCH_KEYS, TARGETS, Target

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


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderUom(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "uom": Target(TARGETS["uom"], MATCH_KEYS["uom"], self._resolve_uom, self._apply_uom),
        }

    @api.model
    def _resolve_uom(self, run, plans):
        self._match(run, plans, "uom.uom", "name")
        categories = {normalise_key(c.name): c for c in self.env["uom.category"].search([])}
        for plan in plans:
            values = plan.values
            if plan.skip or plan.field_error("category"):
                continue
            category = categories.get(normalise_key(values.get("category")))
            if not category:
                plan.error("category", "unknown_uom_category", values.get("category"))
            else:
                values["category_id"] = category.id
            uom_type = UOM_TYPES.get(normalise_key(values.get("uom_type") or "reference"))
            if not uom_type:
                plan.error("uom_type", "invalid_choice", values.get("uom_type"))
            else:
                values["uom_type_code"] = uom_type

    @api.model
    def _apply_uom(self, run, plans):
        def vals_of(plan):
            values = plan.values
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
            for spelling in (plan.values.get("synonyms") or "").split(","):
                key = cleansing.unit_key(spelling)
                if key and key not in known:
                    known.add(key)
                    new.append({"name": spelling.strip(), "uom_id": plan.record.id})
        Synonym.create(new)
