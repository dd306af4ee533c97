# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class UnifyxApprovalLineMixin(models.AbstractModel):
    """A line is the document too: written, created or deleted on its own, it
    gets its document's "got worse" check (see approval_mixin.py). Listed first
    in a line model's ``_inherit``, so the check runs once the whole create /
    write / unlink of the line model has."""

    _name = "unifyx.approval.line.mixin"
    _description = "UnifyX approval matrix document line"

    # The many2one from the line to its governed document.
    _unifyx_document_field = "order_id"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines[self._unifyx_document_field]._unifyx_check_worse()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self[self._unifyx_document_field]._unifyx_check_worse()
        return res

    def unlink(self):
        documents = self[self._unifyx_document_field]
        res = super().unlink()
        documents.exists()._unifyx_check_worse()
        return res

    def _unifyx_check_input(self, quantity_field):
        """Refuse bad input on sale and purchase lines: a negative
        ``quantity_field`` unless ``_unifyx_negative_quantity_refusal()``
        allows it, a quantity or unit price beyond the company's bounds. Not
        for the superuser (data loading, automated flows)."""
        if self.env.su:
            return
        for line in self.filtered(lambda line: not line.display_type):
            quantity = line[quantity_field]
            refusal = quantity < 0 and line._unifyx_negative_quantity_refusal()
            if refusal:
                raise ValidationError(refusal)
            line[self._unifyx_document_field].company_id._unifyx_check_line_bounds(
                line.product_id, quantity, line.price_unit
            )

    def _unifyx_negative_quantity_refusal(self):
        """Why this line's quantity may not be negative; nothing when it may."""
        raise NotImplementedError(self._name)
