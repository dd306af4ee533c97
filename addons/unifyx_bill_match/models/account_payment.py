# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountPayment(models.Model):
    """A payment names the bills it pays (``invoice_ids``): never a held one."""

    _inherit = "account.payment"

    @api.model_create_multi
    def create(self, vals_list):
        payments = super().create(vals_list)
        payments.invoice_ids._unifyx_held()._unifyx_refuse_held(self.env._("paid"))
        return payments

    def write(self, vals):
        res = super().write(vals)
        if "invoice_ids" in vals:
            self.invoice_ids._unifyx_held()._unifyx_refuse_held(self.env._("paid"))
        return res
