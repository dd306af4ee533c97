# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountPaymentRegister(models.TransientModel):
    """The Register Payment wizard refuses held bills, whether named by the
    context (the button) or by the wizard's values (a client)."""

    _inherit = "account.payment.register"

    @api.model
    def default_get(self, fields_list):
        context = self.env.context
        ids = context.get("active_ids") or []
        if isinstance(ids, list | tuple) and all(isinstance(i, int) for i in ids):
            if context.get("active_model") == "account.move":
                moves = self.env["account.move"].browse(ids)
            elif context.get("active_model") == "account.move.line":
                moves = self.env["account.move.line"].browse(ids).move_id
            else:
                moves = self.env["account.move"]
            moves._unifyx_held()._unifyx_refuse_held(self.env._("paid"))
        return super().default_get(fields_list)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.line_ids.move_id._unifyx_held()._unifyx_refuse_held(self.env._("paid"))
        return wizards

    def _create_payments(self):
        self.line_ids.move_id._unifyx_held()._unifyx_refuse_held(self.env._("paid"))
        return super()._create_payments()
