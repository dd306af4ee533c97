# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
