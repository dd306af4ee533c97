# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.lifecycle import STATUSES

STATUS_SELECTION = [(key, label) for key, _code, label in STATUSES]


class UnifyxEinvoiceStatus(models.Model):
    """One step of an e-invoice's lifecycle: what the platform said (or what
    finance recorded), when. Written by the server only, never edited."""

    _name = "unifyx.einvoice.status"
    _description = "E-invoice Status History"
    _order = "date desc, id desc"
    _check_company_auto = True

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True, index=True)
    status = fields.Selection(STATUS_SELECTION, required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    source = fields.Selection(
        [("platform", "Platform"), ("user", "Finance")], required=True, default="platform"
    )
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True)
    reason = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("The history of an e-invoice is written by the server only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._("The history of an e-invoice is written by the server only.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_server_only(self):
        # Deleted with its invoice (cascade, in SQL); never one by one by a user.
        if not self.env.su:
            raise AccessError(
                self.env._("The history of an e-invoice is written by the server only.")
            )
