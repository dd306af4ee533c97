# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxApprovalExceptionType(models.Model):
    """A reason a sale needs approval beyond its amount: below-margin lines
    (unifyx_margin), excess discounts and price exceptions (unifyx_pricing),
    payment terms longer than the customer's (here). Matrix rows select them."""

    _name = "unifyx.approval.exception.type"
    _description = "Approval Exception Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An exception type code must be unique."),
    ]
