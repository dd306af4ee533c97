# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.cleansing import neutralise_formula

# Stored neutralised, so any export of the report (the cockpit's download, or
# Odoo's own list export to .xlsx / .csv) shows text, never runs a formula.
_TEXT_FIELDS = ("column", "rule", "original_value", "new_value", "message")


def _neutralised(vals):
    return {
        k: neutralise_formula(v).value if k in _TEXT_FIELDS and isinstance(v, str) else v
        for k, v in vals.items()
    }


class UnifyxMigrationRunLine(models.Model):
    _name = "unifyx.migration.run.line"
    _description = "Migration run report line"
    _order = "run_id, row_number, id"

    run_id = fields.Many2one("unifyx.migration.run", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    row_number = fields.Integer(string="Row")
    column = fields.Char()
    level = fields.Selection(
        [("error", "Error"), ("warning", "Warning"), ("change", "Change made")], required=True
    )
    rule = fields.Char()
    original_value = fields.Char(string="Original value")
    new_value = fields.Char(string="New value")
    message = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([_neutralised(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(_neutralised(vals))
