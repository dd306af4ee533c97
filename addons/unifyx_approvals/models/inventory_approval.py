# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from odoo.addons.unifyx_base.models.product_product import COST_GROUP

from .stock_quant import _COUNT_LINES, _INVENTORY_APPROVED, inventory_approved

# Written by the server only: the count being held (see stock_quant.py).
SERVER_FIELDS = {"name", "company_id", "user_id", "line_ids"}


class UnifyxInventoryApproval(models.Model):
    """Counted quantities held back until the approval matrix's approvers agree.

    Applying a count whose valued difference matches an inventory row of the
    matrix creates one of these instead of moving stock; once approved, applying
    it sets the approved counted quantities and lets Odoo post the adjustment.
    """

    _name = "unifyx.inventory.approval"
    _inherit = ["mail.thread", "unifyx.approval.mixin"]
    _description = "Inventory Adjustment Approval"
    _order = "id desc"

    _state_from = ["draft"]
    _state_to = ["applied"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _unifyx_lines_field = "line_ids"
    _unifyx_line_amount_field = "value"

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Requested By", readonly=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        [("draft", "To Approve"), ("applied", "Applied"), ("cancel", "Cancelled")],
        default="draft",
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "unifyx.inventory.approval.line", "approval_id", string="Counted Lines", readonly=True
    )
    warehouse_ids = fields.Many2many(
        "stock.warehouse", compute="_compute_warehouse_ids", store=True, string="Warehouses"
    )
    # A cost (see inventory_approval_line.py); the matrix still reads it on the server.
    unifyx_approval_amount = fields.Monetary(
        groups=COST_GROUP,
        string="Value of the Differences",
        help="Sum of the absolute valued differences, in the company currency, with the "
        "differences of the same products and locations applied without approval within the "
        "company's count window.",
    )

    @api.depends("line_ids.location_id")
    def _compute_warehouse_ids(self):
        for request in self:
            request.warehouse_ids = request.line_ids.location_id.warehouse_id

    def _fetch_field(self, field):
        if field.name == "unifyx_approval_amount" and not self.env.su:
            return super(UnifyxInventoryApproval, self.sudo())._fetch_field(field)
        return super()._fetch_field(field)

    @api.model
    def _unifyx_amount_depends(self):
        return ["line_ids.value", "line_ids.window_value"]

    def _unifyx_gross_amount(self):
        # Gains and losses both count, with the earlier counts of the window
        # once per product and location, whatever its lots.
        self.ensure_one()
        earlier = {(line.product_id, line.location_id): line.window_value for line in self.line_ids}
        return sum(abs(value) for value in self.line_ids.mapped("value")) + sum(earlier.values())

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not _COUNT_LINES.get():
            raise AccessError(self.env._("Inventory approvals come from applying a count."))
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su and not _INVENTORY_APPROVED.get():
            raise AccessError(self.env._("Apply or cancel an inventory approval with its buttons."))
        if SERVER_FIELDS & vals.keys() and not self.env.su and not _COUNT_LINES.get():
            raise AccessError(self.env._("Inventory approvals come from applying a count."))
        return super().write(vals)

    def action_apply(self):
        """Apply the approved counted quantities through Odoo's inventory, unless
        the stock moved since the approval so that the count got worse: then it
        goes back to approval."""
        worse = self.browse()
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("%s is not waiting to be applied.", request.name))
            if request._unifyx_count_got_worse():
                worse |= request
                continue
            quants = request.line_ids.quant_id.sudo()
            with inventory_approved():
                # The state change is what tier validation guards: unapproved, it raises.
                request.write({"state": "applied"})
                for line in request.line_ids:
                    line.quant_id.sudo().inventory_quantity = line.counted_quantity
                quants.with_context(inventory_name=request.name)._apply_inventory()
            quants.inventory_quantity_set = False
        if worse:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "sticky": True,
                    "message": self.env._(
                        "The stock moved since the approval and the count got worse: "
                        "%(requests)s went back to approval.",
                        requests=", ".join(worse.mapped("name")),
                    ),
                },
            }
        return True

    def _unifyx_count_got_worse(self):
        """Work the lines out again from the quants as they are now; a count
        worth more than when it was approved restarts its approval."""
        self.ensure_one()
        before = self.unifyx_approval_amount
        lines = self.line_ids
        for name in ("quantity", "difference", "value", "window_value"):
            self.env.add_to_compute(lines._fields[name], lines)
        self.env.add_to_compute(self._fields["unifyx_approval_amount"], self)
        self.flush_recordset(["unifyx_approval_amount"])
        worse = (
            float_compare(
                self.unifyx_approval_amount,
                before,
                precision_rounding=self.company_currency_id.rounding,
            )
            > 0
        )
        if worse:
            self.restart_validation()
            self.request_validation()
            self.message_post(
                body=self.env._(
                    "The stock moved since the approval: the count is now worth more "
                    "and goes back to approval."
                )
            )
        return worse

    def action_cancel(self):
        with inventory_approved():
            self.filtered(lambda r: r.state == "draft").write({"state": "cancel"})
        return True
