# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UnifyxApprovalMatrix(models.Model):
    """Purchase requests as a document type of the approval matrix: amount bands
    (the estimated cost), categories, warehouses (of the receipt), requester's
    teams and the over-budget condition, as for purchase orders."""

    _inherit = "unifyx.approval.matrix"

    document_type = fields.Selection(
        selection_add=[("purchase_request", "Purchase Request")],
        ondelete={"purchase_request": "cascade"},
    )

    @api.model
    def _unifyx_document_models(self):
        models_ = super()._unifyx_document_models()
        models_["purchase_request"] = (
            "purchase.request",
            "picking_type_id.warehouse_id",
            None,
            "line_ids",
        )
        return models_

    @api.model
    def _unifyx_team_paths(self):
        paths = super()._unifyx_team_paths()
        paths["purchase_request"] = "requested_by.sale_team_id"
        return paths

    def _get_document_domain(self):
        domain = super()._get_document_domain()
        if self.document_type == "purchase_request" and self.over_budget:
            domain.append(("unifyx_budget_exceeded", "=", True))
        return domain
