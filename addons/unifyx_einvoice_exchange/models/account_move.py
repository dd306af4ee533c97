# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.lifecycle import ACCEPTED, CLOSED
from .unifyx_einvoice_status import STATUS_SELECTION

EINVOICE_FIELDS = (
    "unifyx_einvoice_status",
    "unifyx_einvoice_status_date",
    "unifyx_einvoice_platform_ref",
)


class AccountMove(models.Model):
    _inherit = "account.move"

    unifyx_einvoice_status = fields.Selection(
        STATUS_SELECTION,
        string="E-invoice Status",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The French e-invoicing lifecycle status, as the platform last reported it "
        "(or as finance recorded it).",
    )
    unifyx_einvoice_status_date = fields.Datetime(
        string="E-invoice Status Date", readonly=True, copy=False
    )
    unifyx_einvoice_platform_ref = fields.Char(
        string="Platform Reference", readonly=True, copy=False, index="btree_not_null"
    )
    unifyx_einvoice_status_ids = fields.One2many(
        "unifyx.einvoice.status", "move_id", string="E-invoice History", readonly=True
    )
    unifyx_einvoice_accepted = fields.Boolean(
        string="E-invoice Accepted", compute="_compute_unifyx_einvoice_accepted", store=True
    )
    unifyx_einvoice_closed = fields.Boolean(
        string="E-invoice Refused or Rejected",
        compute="_compute_unifyx_einvoice_accepted",
        store=True,
    )

    @api.depends("unifyx_einvoice_status")
    def _compute_unifyx_einvoice_accepted(self):
        for move in self:
            move.unifyx_einvoice_accepted = move.unifyx_einvoice_status in ACCEPTED
            move.unifyx_einvoice_closed = move.unifyx_einvoice_status in CLOSED

    def write(self, vals):
        # Statuses move only through the platform's messages or finance's action.
        if not self.env.su and set(EINVOICE_FIELDS) & set(vals):
            raise AccessError(
                self.env._(
                    "An e-invoice status changes only through the platform or finance's action."
                )
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(set(EINVOICE_FIELDS) & set(vals) for vals in vals_list):
            raise AccessError(
                self.env._(
                    "An e-invoice status changes only through the platform or finance's action."
                )
            )
        return super().create(vals_list)

    def _unifyx_einvoice_set_status(self, status, date=None, source="platform", reason=None):
        """Record a status (server side: callers have checked who asks)."""
        date = date or fields.Datetime.now()
        for move in self.sudo():
            if move.unifyx_einvoice_status_ids.filtered(
                lambda step: step.status == status and step.date == date
            ):
                continue  # the same message read twice
            move.env["unifyx.einvoice.status"].create(
                {
                    "move_id": move.id,
                    "status": status,
                    "date": date,
                    "source": source,
                    "user_id": self.env.user.id if source == "user" else False,
                    "reason": reason or False,
                }
            )
            if not move.unifyx_einvoice_status_date or date >= move.unifyx_einvoice_status_date:
                move.write({"unifyx_einvoice_status": status, "unifyx_einvoice_status_date": date})

    def _unifyx_einvoice_delay_deposit(self):
        for move in self:
            move.with_delay(
                channel="root.einvoice",
                identity_key="unifyx_einvoice_deposit_%s" % move.id,
                description=self.env._("Deposit e-invoice %s", move.name),
            )._unifyx_einvoice_deposit_job()

    def _unifyx_einvoice_deposit_job(self):
        """The job: hand the sent invoice to the company's platform, once."""
        self.ensure_one()
        move = self.sudo()
        if move.unifyx_einvoice_platform_ref or move.state != "posted":
            return "Nothing to deposit"
        platform = move.company_id._unifyx_einvoice_platform()
        if platform is None:
            return "No platform"
        attachments = move.invoice_pdf_report_id | self.env["ir.attachment"].search(
            [
                ("res_model", "=", "account.move"),
                ("res_id", "=", move.id),
                ("mimetype", "in", ("application/xml", "text/xml")),
            ]
        )
        ref = platform.deposit(move, attachments)
        move.write({"unifyx_einvoice_platform_ref": ref})
        move._unifyx_einvoice_set_status("deposited")
        return "Deposited as %s" % ref
