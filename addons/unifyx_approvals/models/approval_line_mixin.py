# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


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
