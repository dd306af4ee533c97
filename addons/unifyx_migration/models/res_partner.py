# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _unifyx_vat_validator(self):
        """A VAT check for the migration's cleansing: Odoo's base_vat (every
        country it knows: EU, Swiss, UK, Norwegian... numbers), returning the
        number as base_vat stores it, or None when invalid."""
        cache = {}

        def validate(compact):
            if compact not in cache:
                country, number = self._split_vat(compact)
                valid = bool(number) and self.simple_vat_check(country, number)
                cache[compact] = self._fix_vat_number(compact, False) if valid else None
            return cache[compact]

        return validate
