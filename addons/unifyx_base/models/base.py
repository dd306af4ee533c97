# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        # Odoo checks a field's groups when it reads the database, not when it
        # computes a non-stored field: an export would compute a guarded one
        # (a product's average cost, a line's "why this price").
        if not self.env.su:
            for path in fields_to_export:
                self._unifyx_check_export_path(path)
        return super().export_data(fields_to_export)

    def _unifyx_check_export_path(self, path):
        model = self
        for name in path.split("/"):
            field = model._fields.get(name)
            if not field or name in ("id", ".id"):
                return
            model.check_field_access_rights("read", [name])
            if not field.relational:
                return
            model = self.env[field.comodel_name]
