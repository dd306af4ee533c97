# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    unifyx_invoice_on_delivery = fields.Selection(
        [("company", "Company default"), ("always", "Always"), ("never", "Never")],
        string="Invoice on Delivery",
        # Not required: Odoo creates partners through paths that skip defaults
        # (a NOT NULL column broke its own multi-company tests). Empty = company.
        default="company",
        help="Create and post the invoice when a delivery of this customer is "
        "validated: always, never, or as set for the company.",
    )

    def _unifyx_invoices_on_delivery(self, company):
        """Whether validating a delivery for this (invoice) address invoices it."""
        self.ensure_one()
        policy = self.commercial_partner_id.unifyx_invoice_on_delivery
        if policy in ("company", False):
            return company.unifyx_invoice_on_delivery
        return policy == "always"

    @api.model
    def _commercial_fields(self):
        # Contacts follow their company's invoicing policy.
        return super()._commercial_fields() + ["unifyx_invoice_on_delivery"]
