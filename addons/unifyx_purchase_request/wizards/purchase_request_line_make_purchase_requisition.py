# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PurchaseRequestLineMakePurchaseRequisition(models.TransientModel):
    _inherit = "purchase.request.line.make.purchase.requisition"

    @api.model
    def _prepare_purchase_requisition(self, picking_type, group_id, company, origin):
        # A call for tenders: no vendor yet, the buyer asks several for quotes
        # (Odoo's "purchase template" agreement), not a blanket order.
        vals = super()._prepare_purchase_requisition(picking_type, group_id, company, origin)
        vals["requisition_type"] = "purchase_template"
        return vals
