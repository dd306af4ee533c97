# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UnifyxCustomerSegment(models.Model):
    """A family of customers (wholesale, retail chains, installers...).

    Pricing contracts, margin floors and dashboards are all keyed on it, so it
    lives in the addon every other UnifyX addon depends on.
    """

    _name = "unifyx.customer.segment"
    _description = "Customer Segment"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code used in imports and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the segment between companies.",
    )
    partner_ids = fields.One2many("res.partner", "unifyx_customer_segment_id", string="Customers")
    partner_count = fields.Integer(string="Number of Customers", compute="_compute_partner_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A segment code must be unique per company.",
        ),
    ]

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("unifyx_customer_segment_id", "in", self.ids)],
                ["unifyx_customer_segment_id"],
                ["__count"],
            )
        )
        for segment in self:
            segment.partner_count = counts.get(segment, 0)
