# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.cleansing import unit_key


class UnifyxMigrationUomSynonym(models.Model):
    _name = "unifyx.migration.uom.synonym"
    _description = "Unit of measure synonym (legacy spelling)"
    _order = "uom_id, name"

    name = fields.Char(
        string="Spelling", required=True, help="How the legacy files write the unit, e.g. 'PCE'."
    )
    key = fields.Char(compute="_compute_key", store=True, index=True)
    uom_id = fields.Many2one("uom.uom", string="Unit of Measure", required=True, ondelete="cascade")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("key_unique", "unique(key)", "This spelling is already mapped to a unit."),
    ]

    @api.depends("name")
    def _compute_key(self):
        for synonym in self:
            synonym.key = unit_key(synonym.name or "")

    @api.model
    def _mapping(self):
        """{spelling: uom id} for the cleansing rule: the synonyms, and each unit's
        name as Odoo spells it in English (its code) and in every installed
        language, so the mapping does not depend on the consultant's language
        ("Units" and "Unités" both map, in French as in English)."""
        mapping = {}
        Uom = self.env["uom.uom"]
        languages = ["en_US"] + [
            code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"
        ]
        for lang in languages:
            for uom in Uom.with_context(lang=lang).search([]):
                mapping.setdefault(uom.name, uom.id)
        mapping.update({s.name: s.uom_id.id for s in self.search([])})
        return mapping
