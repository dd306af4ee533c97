# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.spreadsheet import write_rows
from .pricing_state_mixin import MANAGER_GROUP

REMINDER_DAYS = 30
# Written by the action methods (and the expiry job) only.
STATE_FIELDS = {"state", "activated_by_id", "activated_date"}
# Written by the chatter on any record.
FREE_FIELDS = {"message_main_attachment_id"}


class UnifyxPriceContract(models.Model):
    """Negotiated prices of one customer or one customer segment.

    Only active contracts price sale lines; activation is a sales manager's
    decision, so a contract entered by a consultant waits in draft for them.
    """

    _name = "unifyx.price.contract"
    _description = "Price Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "unifyx.pricing.state.mixin"]
    _order = "date_start desc, id desc"
    _unifyx_state_fields = STATE_FIELDS

    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
        help="The contract prices this customer (and its contacts).",
    )
    customer_segment_id = fields.Many2one(
        "unifyx.customer.segment",
        string="Customer Segment",
        index=True,
        tracking=True,
        help="The contract prices every customer of this segment without a contract of its own.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        tracking=True,
        default=lambda self: self.env.company.currency_id,
        help="Fixed prices are in this currency; orders in another currency get "
        "them converted at the order date.",
    )
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="Valid Until", tracking=True, help="Inclusive. Empty: open.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    activated_by_id = fields.Many2one(
        "res.users", string="Activated By", readonly=True, copy=False, tracking=True
    )
    activated_date = fields.Datetime(string="Activated On", readonly=True, copy=False)
    line_ids = fields.One2many(
        "unifyx.price.contract.line", "contract_id", string="Lines", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count")
    note = fields.Html()

    @api.depends("line_ids")
    def _compute_line_count(self):
        for contract in self:
            contract.line_count = len(contract.line_ids)

    @api.constrains("partner_id", "customer_segment_id")
    def _check_customer_or_segment(self):
        for contract in self:
            if bool(contract.partner_id) == bool(contract.customer_segment_id):
                raise ValidationError(
                    self.env._("A contract belongs to a customer or to a segment, not both.")
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(self.env._("A contract cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # A contract starts in draft; only a sales manager activates it.
            for vals in vals_list:
                for fname in STATE_FIELDS:
                    vals.pop(fname, None)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # The state only moves through the actions, which check the role.
            self._unifyx_check_state_write(
                vals,
                self.env._(
                    "A price contract changes state only through its buttons "
                    "(activate, cancel, back to draft)."
                ),
            )
            if vals.keys() - STATE_FIELDS - FREE_FIELDS:
                self._check_editable()
        if vals.get("state", "active") != "active":
            # Leaving the active state: the activation no longer holds.
            vals = dict(vals, activated_by_id=False, activated_date=False)
        return super().write(vals)

    def unlink(self):
        # Deleting an active contract changes the prices it gives as much as
        # cancelling it does: a sales manager's decision.
        if any(c.state == "active" for c in self):
            self._check_manager(self.env._("Only a sales manager can delete an active contract."))
        return super().unlink()

    def _check_editable(self):
        """A draft contract is entered by a consultant or a sales manager; an
        active one prices orders: only a sales manager changes it; an expired
        or cancelled one goes back to draft first."""
        if self.env.su:
            return
        if any(c.state in ("expired", "cancelled") for c in self):
            raise UserError(
                self.env._(
                    "An expired or cancelled contract cannot change: a sales manager sets "
                    "it back to draft first."
                )
            )
        if any(c.state == "active" for c in self) and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a sales manager can change an active contract."))

    def action_activate(self):
        self._check_manager(self.env._("Only a sales manager can activate a price contract."))
        self._check_state({"draft"}, self.env._("Only a draft contract can be activated."))
        if any(not c.line_ids for c in self):
            raise UserError(self.env._("Add at least one line before activating."))
        return self._unifyx_set_state(
            "active", activated_by_id=self.env.uid, activated_date=fields.Datetime.now()
        )

    def action_cancel(self):
        self._check_manager(self.env._("Only a sales manager can cancel a price contract."))
        self._check_state(
            {"draft", "active"}, self.env._("Only a draft or active contract can be cancelled.")
        )
        return self._unifyx_set_state("cancelled")

    def action_draft(self):
        self._check_manager(
            self.env._("Only a sales manager can set a price contract back to draft.")
        )
        self._check_state(
            {"active", "expired", "cancelled"},
            self.env._("This contract is already a draft."),
        )
        return self._unifyx_set_state("draft")

    def action_export_lines(self):
        """Download the lines as .xlsx (the format the import reads back)."""
        self.ensure_one()
        rows = [
            (
                line.product_id.default_code or line.product_id.barcode or "",
                line.categ_id.complete_name or "",
                line.price_type,
                line.fixed_price,
                line.discount,
                line.markup,
                line.min_qty,
                line.uom_id.name or "",
            )
            for line in self.line_ids
        ]
        attachment = self.env["ir.attachment"].create(
            {
                "name": "%s.xlsx" % self.name,
                "datas": base64.b64encode(write_rows(rows)),
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s?download=true" % attachment.id,
            "target": "self",
        }

    def _unifyx_upsert_lines(self, vals_list):
        """Create or update lines keyed by (product or category, min qty, unit)."""
        self.ensure_one()

        def key(product_id, categ_id, min_qty, uom_id):
            return (
                product_id or False,
                categ_id or False,
                round(min_qty or 0.0, 6),
                uom_id or False,
            )

        existing = {
            key(line.product_id.id, line.categ_id.id, line.min_qty, line.uom_id.id): line
            for line in self.line_ids
        }
        to_create = []
        for vals in vals_list:
            line = existing.get(
                key(
                    vals.get("product_id"),
                    vals.get("categ_id"),
                    vals.get("min_qty"),
                    vals.get("uom_id"),
                )
            )
            if line:
                line.write(vals)
            else:
                to_create.append(dict(vals, contract_id=self.id))
        self.env["unifyx.price.contract.line"].create(to_create)

    @api.model
    def _cron_expire_and_remind(self):
        """Expire contracts past their end; remind the responsible sales
        managers of contracts ending within 30 days (one activity each)."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "active"), ("date_end", "<", today)])._unifyx_set_state(
            "expired"
        )
        ending = self.search(
            [
                ("state", "=", "active"),
                ("date_end", ">=", today),
                ("date_end", "<=", today + timedelta(days=REMINDER_DAYS)),
            ]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        already = ending.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        for contract in ending - already.mapped(lambda a: self.browse(a.res_id)):
            contract.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=contract.date_end,
                summary=self.env._(
                    "Contract ends on %(date)s: renew or let expire", date=contract.date_end
                ),
                user_id=contract._get_reminder_user().id,
            )
        return True

    def _get_reminder_user(self):
        """Who renews the contract: the last sales manager who touched it, else
        the customer's salesperson, else the cron's user."""
        self.ensure_one()
        if self.write_uid.has_group(MANAGER_GROUP):
            return self.write_uid
        return self.partner_id.user_id or self.env.user
