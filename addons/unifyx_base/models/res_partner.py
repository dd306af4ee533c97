# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# Who places a customer in a segment: the segment's contracts price it and its
# margin floors bind it, so membership is managed as the segments are.
SEGMENT_GROUPS = ("unifyx_base.group_sales_manager", "unifyx_base.group_consultant")


class ResPartner(models.Model):
    _inherit = "res.partner"

    unifyx_customer_segment_id = fields.Many2one(
        "unifyx.customer.segment",
        string="Customer Segment",
        index=True,
        tracking=True,
        help="Drives contract prices, margin floors and margin analysis.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("unifyx_customer_segment_id"):
                parent = self.browse(vals.get("parent_id"))
                # A contact takes its company's segment (Odoo's commercial sync).
                if (
                    vals["unifyx_customer_segment_id"]
                    != parent.commercial_partner_id.unifyx_customer_segment_id.id
                ):
                    self._unifyx_check_segment_editor()
        return super().create(vals_list)

    def write(self, vals):
        if "unifyx_customer_segment_id" in vals and any(
            (vals["unifyx_customer_segment_id"] or False)
            != partner.commercial_partner_id.unifyx_customer_segment_id.id
            for partner in self
        ):
            self._unifyx_check_segment_editor()
        return super().write(vals)

    def _unifyx_check_segment_editor(self):
        if self.env.su or any(self.env.user.has_group(group) for group in SEGMENT_GROUPS):
            return
        raise AccessError(
            self.env._(
                "Only a sales manager or a consultant places a customer in a customer segment."
            )
        )

    @api.model
    def _commercial_fields(self):
        # Contacts of a company belong to the company's segment.
        return super()._commercial_fields() + ["unifyx_customer_segment_id"]
