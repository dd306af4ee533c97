# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .unifyx_bill_review import REASON_CODES


class UnifyxApprovalMatrix(models.Model):
    """The vendor bill as a document type of the matrix: its rows match the
    held bill's review (``unifyx.bill.review``) on the bill's untaxed amount,
    the vendor, the warehouses and categories of its lines, and its reasons
    (price gap, quantity gap, bill without purchase order)."""

    _inherit = "unifyx.approval.matrix"

    document_type = fields.Selection(
        selection_add=[("vendor_bill", "Vendor Bill")], ondelete={"vendor_bill": "cascade"}
    )

    @api.model
    def _unifyx_document_models(self):
        return dict(
            super()._unifyx_document_models(),
            vendor_bill=("unifyx.bill.review", "warehouse_ids", "partner_id", "line_ids"),
        )

    @api.model
    def _unifyx_team_paths(self):
        return dict(super()._unifyx_team_paths(), vendor_bill="user_id.sale_team_id")

    @api.constrains("document_type", "exception_type_ids")
    def _check_sale_conditions(self):
        bill_codes = set(REASON_CODES.values())
        for row in self:
            codes = set(row.exception_type_ids.mapped("code"))
            if row.document_type == "vendor_bill":
                if codes - bill_codes:
                    raise ValidationError(
                        self.env._("A vendor bill row matches the reasons a bill is held for only.")
                    )
            elif codes & bill_codes:
                raise ValidationError(
                    self.env._("The reasons a bill is held for apply to vendor bills only.")
                )
            elif row.document_type != "sale" and codes:
                raise ValidationError(self.env._("Sales exceptions apply to sale orders only."))
