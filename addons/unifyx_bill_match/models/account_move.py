# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The vendor bill's match state and what it forbids.

A bill of a company that matches its bills (``res.company.unifyx_bill_match``)
is posted only by the match (within tolerance) or by the approval of its held
differences: ``_post`` and a ``state`` written directly refuse it otherwise,
whoever calls. A held bill is frozen (its lines cannot change), cannot be
posted and cannot be paid (see account_payment*.py, account_move_line.py)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .match_flow import in_match_flow, match_flow

# Fields only the match writes.
MATCH_FIELDS = {
    "unifyx_match_state",
    "unifyx_match_line_ids",
    "unifyx_review_id",
    "unifyx_review_ids",
    "unifyx_gap_price",
    "unifyx_gap_quantity",
    "unifyx_without_po",
    "unifyx_gap_amount",
    "unifyx_auto_posted",
}
# What a held bill keeps as it was matched.
FROZEN_FIELDS = {
    "invoice_line_ids",
    "line_ids",
    "partner_id",
    "currency_id",
    "company_id",
    "journal_id",
    "move_type",
    "invoice_date",
    "date",
    "invoice_payment_term_id",
    "fiscal_position_id",
}


class AccountMove(models.Model):
    _inherit = "account.move"

    unifyx_match_state = fields.Selection(
        [("held", "Held"), ("matched", "Validated by the Match"), ("released", "Approved")],
        string="Three-Way Match",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Held: outside the tolerances, waiting for approval. Validated by the match: "
        "posted within the tolerances. Approved: posted once its differences were "
        "approved.",
    )
    unifyx_match_line_ids = fields.One2many(
        "unifyx.bill.match.line", "move_id", string="Match", readonly=True, copy=False
    )
    unifyx_review_id = fields.Many2one(
        "unifyx.bill.review", string="Bill Review", readonly=True, copy=False
    )
    unifyx_review_ids = fields.One2many(
        "unifyx.bill.review", "move_id", string="Bill Reviews", readonly=True, copy=False
    )
    unifyx_gap_price = fields.Boolean(string="Price Gap", readonly=True, copy=False)
    unifyx_gap_quantity = fields.Boolean(string="Quantity Gap", readonly=True, copy=False)
    unifyx_without_po = fields.Boolean(string="Without Purchase Order", readonly=True, copy=False)
    unifyx_gap_amount = fields.Monetary(
        string="Gap",
        currency_field="company_currency_id",
        readonly=True,
        copy=False,
        help="What the lines billed above the order's price or above the received "
        "quantity cost, in the company currency.",
    )
    unifyx_auto_posted = fields.Boolean(
        string="Validated Without a Click",
        readonly=True,
        copy=False,
        help="Posted by the match as soon as the e-invoice was imported.",
    )

    def _unifyx_needs_match(self):
        """Vendor bills of a company that matches them."""
        self.ensure_one()
        return self.move_type == "in_invoice" and self.company_id.unifyx_bill_match

    def _unifyx_held(self):
        return self.filtered(lambda m: m.unifyx_match_state == "held")

    # -- CRUD ---------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not in_match_flow() and not self.env.su:
            for vals in vals_list:
                if MATCH_FIELDS & vals.keys():
                    raise UserError(self._unifyx_match_fields_message(vals))
        moves = super().create(vals_list)
        if not in_match_flow():
            moves.filtered(lambda m: m.state == "posted")._unifyx_refuse_unmatched_post()
        return moves

    def write(self, vals):
        if not in_match_flow():
            if MATCH_FIELDS & vals.keys() and not self.env.su:
                raise UserError(self._unifyx_match_fields_message(vals))
            if FROZEN_FIELDS & vals.keys():
                self._unifyx_held()._unifyx_refuse_held(self.env._("changed"))
            if vals.get("state") == "posted":
                self._unifyx_refuse_unmatched_post()
        return super().write(vals)

    def unlink(self):
        # A held bill's review goes with it.
        reviews = self.unifyx_review_ids
        res = super().unlink()
        with match_flow():
            reviews.exists().sudo().unlink()
        return res

    def _unifyx_match_fields_message(self, vals):
        return self.env._(
            "The three-way match sets %(fields)s: run the match or approve the bill.",
            fields=", ".join(sorted(MATCH_FIELDS & vals.keys())),
        )

    def _unifyx_refuse_held(self, what):
        if self:
            raise UserError(
                self.env._(
                    "%(bills)s is held by the three-way match and cannot be %(what)s: its "
                    "differences must be approved first (Bills to Review), or the match "
                    "reopened.",
                    bills=", ".join(self.mapped("display_name")),
                    what=what,
                )
            )

    def _unifyx_refuse_unmatched_post(self):
        """Bills that must be matched are posted by the match only."""
        bills = self.filtered(lambda m: m._unifyx_needs_match())
        bills._unifyx_held()._unifyx_refuse_held(self.env._("posted"))
        if bills:
            raise UserError(
                self.env._(
                    "%(bills)s must go through the three-way match: use Confirm, which "
                    "matches the bill with its purchase order and receipts.",
                    bills=", ".join(bills.mapped("display_name")),
                )
            )

    # -- posting --------------------------------------------------------------------

    def _post(self, soft=True):
        if not in_match_flow():
            self._unifyx_refuse_unmatched_post()
        return super()._post(soft)

    def action_post(self):
        """Bills to match are matched: posted within tolerance, held outside
        it. A bill already held is refused."""
        bills = self.filtered(lambda m: m.state == "draft" and m._unifyx_needs_match())
        bills._unifyx_held()._unifyx_refuse_held(self.env._("posted"))
        others = self - bills
        res = super(AccountMove, others).action_post() if others else False
        if bills:
            bills._unifyx_match_and_post(auto=False)
            held = bills._unifyx_held()
            if held:
                return {
                    "type": "ir.actions.client",
                    "tag": "display_notification",
                    "params": {
                        "type": "warning",
                        "sticky": True,
                        "message": self.env._(
                            "%(bills)s differ from their purchase orders or receipts beyond "
                            "the tolerances: held for approval (Bills to Review).",
                            bills=", ".join(held.mapped("display_name")),
                        ),
                        "next": {"type": "ir.actions.act_window_close"},
                    },
                }
        return res if isinstance(res, dict) else True

    def _autopost_bill(self):
        """The import's last step (upload on the purchase journal): a bill to
        match is matched, and posted without a click within tolerance."""
        self.ensure_one()
        if self.state == "draft" and self._unifyx_needs_match():
            return self._unifyx_match_and_post(auto=True)
        return super()._autopost_bill()

    def _extend_with_attachments(self, attachments, new=False):
        """E-invoices arriving on the purchase journal's alias are matched when
        their XML has been decoded (the upload path does it in _autopost_bill)."""
        res = super()._extend_with_attachments(attachments, new=new)
        if new and self.env.context.get("from_alias"):
            invoices = self.browse().union(*res.values()) if res else self.browse()
            invoices.filtered(
                lambda m: m.state == "draft" and m._unifyx_needs_match()
            )._unifyx_match_and_post(auto=True)
        return res

    def button_draft(self):
        """A bill reset to draft is matched again when it is posted again."""
        res = super().button_draft()
        bills = self.filtered("unifyx_match_state")
        if bills:
            with match_flow():
                bills.write({"unifyx_match_state": False, "unifyx_auto_posted": False})
        return res

    def button_cancel(self):
        self._unifyx_held()._unifyx_cancel_review()
        return super().button_cancel()
