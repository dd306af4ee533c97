# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from ..models.unifyx_einvoice_status import STATUS_SELECTION

FINANCE_GROUP = "unifyx_base.group_finance"


class UnifyxEinvoiceStatusWizard(models.TransientModel):
    """Finance records a status the platform did not send (a refusal by phone,
    a payment seen on the bank statement)."""

    _name = "unifyx.einvoice.status.wizard"
    _description = "Record an E-invoice Status"

    move_ids = fields.Many2many("account.move", string="Invoices", required=True)
    status = fields.Selection(STATUS_SELECTION, required=True)
    reason = fields.Char(required=True)

    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group(FINANCE_GROUP):
            raise AccessError(self.env._("Only finance may record an e-invoice status."))
        # Only invoices the user may read (record rules: their companies).
        moves = self.move_ids
        moves.check_access("write")
        moves._unifyx_einvoice_set_status(self.status, source="user", reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
