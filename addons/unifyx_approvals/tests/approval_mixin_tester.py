# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test-only models (loaded by odoo-test-helper's FakeModelLoader): a minimal
document inheriting the approval mixin, independent of purchase and sale."""

from odoo import api, fields, models


# One _inherit per concern, on purpose (issue 16).
# pylint: disable=consider-merging-classes-inherited
class UnifyxApprovalTester(models.Model):
    _name = "unifyx.approval.tester"
    _description = "UnifyX Approval Mixin Tester"
    _inherit = ["unifyx.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _state_from = ["draft"]
    _state_to = ["confirmed"]
    _cancel_state = "cancel"
    _unifyx_lines_field = "line_ids"
    _unifyx_line_amount_field = "amount"
    _unifyx_editable_under_approval = ["line_ids", "note"]

    name = fields.Char(default="Tester")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date_order = fields.Date()
    note = fields.Char()
    line_ids = fields.One2many("unifyx.approval.tester.line", "tester_id")

    def action_confirm(self):
        self.write({"state": "confirmed"})
        return True


class UnifyxApprovalTesterLine(models.Model):
    _name = "unifyx.approval.tester.line"
    _description = "UnifyX Approval Mixin Tester Line"

    tester_id = fields.Many2one("unifyx.approval.tester", required=True, ondelete="cascade")
    product_id = fields.Many2one("product.product")
    amount = fields.Float()
    display_type = fields.Selection([("line_note", "Note")])


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + ["unifyx.approval.tester"]


class UnifyxApprovalMatrix(models.Model):
    _inherit = "unifyx.approval.matrix"

    document_type = fields.Selection(
        selection_add=[("tester", "Tester")], ondelete={"tester": "cascade"}
    )
