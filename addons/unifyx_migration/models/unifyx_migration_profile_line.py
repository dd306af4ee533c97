# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxMigrationProfileLine(models.Model):
    _name = "unifyx.migration.profile.line"
    _description = "Migration profile column mapping"
    _order = "sequence, id"

    profile_id = fields.Many2one(
        "unifyx.migration.profile", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="profile_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    field_name = fields.Char(string="Field", required=True)
    headers = fields.Char(
        string="Accepted headers",
        help="Comma-separated column titles; compared without case, accents or spacing.",
    )
    required = fields.Boolean()

    _sql_constraints = [
        ("field_unique", "unique(profile_id, field_name)", "A field is mapped once per profile."),
    ]

    @api.constrains("field_name", "profile_id")
    def _check_field_name(self):
        for line in self:
            columns = line.profile_id._target().columns
            if line.field_name not in columns:
                raise ValidationError(
                    self.env._(
                        "Unknown field %(field)s for this kind of import "
                        "(expected one of %(fields)s).",
                        field=line.field_name,
                        fields=", ".join(columns),
                    )
                )
