# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .match_flow import in_match_flow, match_flow

# Exception types of the approval matrix (data/approval_exception_type_data.xml).
REASON_CODES = {
    "reason_price": "bill_price_gap",
    "reason_quantity": "bill_quantity_gap",
    "reason_no_po": "bill_without_po",
}
# What the match sets; clients change a review only through its buttons.
SERVER_FIELDS = {"name", "move_id", "company_id", "user_id", "line_ids", "state"}


class UnifyxBillReview(models.Model):
    """The differences of a held vendor bill, waiting for the approval matrix's
    approvers (document type "vendor bill"). Approved, it posts the bill;
    rejected, the bill stays held."""

    _name = "unifyx.bill.review"
    _inherit = ["mail.thread", "unifyx.approval.mixin"]
    _description = "Vendor Bill Review"
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["held"]
    _state_to = ["released"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _unifyx_lines_field = "line_ids"
    _unifyx_line_amount_field = "gap_amount"

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    move_id = fields.Many2one(
        "account.move",
        string="Bill",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Held For", readonly=True, default=lambda self: self.env.user
    )
    partner_id = fields.Many2one(
        related="move_id.partner_id.commercial_partner_id", store=True, string="Vendor"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("held", "To Approve"), ("released", "Approved"), ("cancel", "Cancelled")],
        default="held",
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "unifyx.bill.match.line", "review_id", string="Differences", readonly=True
    )
    warehouse_ids = fields.Many2many(
        "stock.warehouse",
        compute="_compute_warehouse_ids",
        store=True,
        string="Warehouses",
        help="The warehouses of the purchase orders the bill is matched with.",
    )
    gap_amount = fields.Monetary(
        string="Gap", compute="_compute_gap_amount", store=True, currency_field="currency_id"
    )
    reasons = fields.Char(compute="_compute_reasons", string="Held For Reasons")
    bill_amount = fields.Monetary(
        related="move_id.amount_total_signed", string="Bill Total", currency_field="currency_id"
    )

    @api.depends("line_ids.purchase_id.picking_type_id.warehouse_id")
    def _compute_warehouse_ids(self):
        for review in self:
            review.warehouse_ids = review.line_ids.purchase_id.picking_type_id.warehouse_id

    @api.depends("line_ids.gap_amount")
    def _compute_gap_amount(self):
        for review in self:
            review.gap_amount = sum(review.line_ids.mapped("gap_amount"))

    @api.depends("unifyx_exception_type_ids")
    def _compute_reasons(self):
        for review in self:
            review.reasons = ", ".join(review.unifyx_exception_type_ids.mapped("name"))

    # -- approval matrix ------------------------------------------------------------

    @api.model
    def _unifyx_amount_depends(self):
        return ["move_id.amount_untaxed_signed"]

    def _unifyx_gross_amount(self):
        """The bill's untaxed amount (company currency): what the matrix bands read."""
        self.ensure_one()
        return abs(self.move_id.amount_untaxed_signed)

    @api.depends("line_ids.reason_price", "line_ids.reason_quantity", "line_ids.reason_no_po")
    def _compute_unifyx_exception_type_ids(self):
        return super()._compute_unifyx_exception_type_ids()

    def _unifyx_get_exception_codes(self):
        codes = super()._unifyx_get_exception_codes()
        for review in self:
            for field, code in REASON_CODES.items():
                if any(review.line_ids.mapped(field)):
                    codes[review.id].add(code)
        return codes

    # -- CRUD -----------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not in_match_flow():
            raise AccessError(self.env._("Bill reviews come from the three-way match."))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("unifyx.bill.review")
        return super().create(vals_list)

    def write(self, vals):
        if SERVER_FIELDS & vals.keys() and not in_match_flow():
            raise AccessError(
                self.env._("A bill review changes only through its Validate and Reject buttons.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_its_bill_only(self):
        if not in_match_flow():
            raise AccessError(self.env._("A bill review goes with its bill."))

    def _unifyx_set_state(self, state):
        with match_flow():
            return self.write({"state": state})

    # -- decisions ------------------------------------------------------------------

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.state == "held" and self.validation_status == "validated":
            self._unifyx_release()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.validation_status == "rejected":
            self.move_id.message_post(
                body=self.env._(
                    "The differences were refused (%(review)s): the bill stays held. Ask the "
                    "vendor for a corrected invoice, then reopen the match.",
                    review=self.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res

    def _unifyx_release(self):
        """Approved: the review is closed and its bill posted as it was held."""
        self.ensure_one()
        if self.state != "held" or self.move_id.unifyx_review_id != self:
            raise UserError(self.env._("%s is not waiting for approval.", self.name))
        # The state change is what tier validation guards: unapproved, it raises.
        self._unifyx_set_state("released")
        self.move_id._unifyx_release()
        return True

    def action_release(self):
        """Release a held bill that no matrix row asks approval for: finance's
        own decision."""
        for review in self:
            if review.review_ids or review.need_validation:
                raise UserError(
                    self.env._("%s goes through its approvers: validate it.", review.name)
                )
            if not self.env.user.has_group("unifyx_base.group_finance"):
                raise AccessError(self.env._("Only finance releases a held bill."))
            if self.env.user == review.user_id:
                raise UserError(self.env._("You cannot release the bill held for your own import."))
            review.sudo()._unifyx_release()
        return True

    def action_open_bill(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
