# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sales exceptions of an approval document: the exception-type hook.

Extension point: an addon that raises an exception (pricing's discount over
the limit, margin's floor) declares an ``unifyx.approval.exception.type`` with a
code, returns that code from an override of ``_unifyx_get_exception_codes`` and
adds the fields it reads with ``@api.depends`` on an override of
``_compute_unifyx_exception_type_ids``. Matrix rows can require approval for
any exception type; a new exception after approval restarts it (see
``approval_mixin_snapshot``).
"""

from odoo import fields, models


# One _inherit per concern, on purpose (issue 16).
# pylint: disable=consider-merging-classes-inherited
class UnifyxApprovalMixin(models.AbstractModel):
    _inherit = "unifyx.approval.mixin"

    unifyx_exception_type_ids = fields.Many2many(
        "unifyx.approval.exception.type",
        string="Sales Exceptions",
        compute="_compute_unifyx_exception_type_ids",
        store=True,
        readonly=True,
        help="Why this document needs approval beyond its amount. Matrix rows can "
        "require approval for any of them.",
    )

    def _compute_unifyx_exception_type_ids(self):
        """Set the exception types whose codes ``_unifyx_get_exception_codes``
        returns. Overrides only add ``@api.depends`` and call super()."""
        codes_by_record = self._unifyx_get_exception_codes()
        all_codes = set().union(*codes_by_record.values()) if codes_by_record else set()
        types = self.env["unifyx.approval.exception.type"].search([("code", "in", list(all_codes))])
        for record in self:
            codes = codes_by_record.get(record.id, set())
            record.unifyx_exception_type_ids = types.filtered(lambda t, c=codes: t.code in c)

    def _unifyx_get_exception_codes(self):
        """Extension point: return ``{record id: set of exception codes}`` for
        these records. An override calls super() and adds its codes to the sets."""
        return {record.id: set() for record in self}
