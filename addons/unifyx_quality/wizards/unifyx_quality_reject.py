# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxQualityReject(models.TransientModel):
    _name = "unifyx.quality.reject"
    _description = "Reject a quality inspection"

    inspection_id = fields.Many2one("qc.inspection", required=True, readonly=True)
    product_id = fields.Many2one(related="inspection_id.product_id")
    quantity = fields.Float("Rejected Quantity", digits="Product Unit of Measure", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        inspection = self.inspection_id
        # The role is checked on the server, whoever opened the wizard.
        inspection._unifyx_check_can_decide()
        picking = inspection._unifyx_reject(self.quantity, self.reason)
        return picking.get_formview_action()
