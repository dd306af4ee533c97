# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Who may recompute a closed month.
RECOMPUTE_GROUPS = ("unifyx_base.group_finance", "account.group_account_manager")


class UnifyxKpiRecomputeWizard(models.TransientModel):
    """Finance recomputes the KPIs of a month locked in accounting, saying why."""

    _name = "unifyx.kpi.recompute.wizard"
    _description = "Recompute a Closed Month's KPIs"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    month = fields.Date(required=True, help="Any day of the month to recompute.")
    reason = fields.Text(required=True)

    def _unifyx_check_allowed(self):
        if not any(self.env.user.has_group(group) for group in RECOMPUTE_GROUPS):
            raise AccessError(self.env._("Only finance may recompute the KPIs of a closed month."))

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_allowed()
        return super().create(vals_list)

    def action_recompute(self):
        self._unifyx_check_allowed()
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the closed month is recomputed."))
        # The company must be one the user works in.
        company = self.env["res.company"].browse(self.company_id.id)
        if company not in self.env.user.company_ids:
            raise AccessError(self.env._("You do not work in %s.", company.name))
        Value = self.env["unifyx.kpi.value"]
        month = self.month.replace(day=1)
        closed = Value._unifyx_closed_until(company)
        if not closed or fields.Date.end_of(month, "month") > closed:
            raise UserError(
                self.env._("This month is not locked: the nightly refresh recomputes it.")
            )
        changes = Value._unifyx_recompute_closed(company, month)
        log = (
            self.env["unifyx.kpi.recompute.log"]
            .sudo()
            .create(
                {
                    "user_id": self.env.uid,
                    "company_id": company.id,
                    "month": month,
                    "reason": self.reason,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "kpi": kpi,
                                "warehouse_id": warehouse,
                                "old_value": old or 0.0,
                                "new_value": new or 0.0,
                                "had_value": old is not None,
                                "has_value": new is not None,
                            }
                        )
                        for kpi, warehouse, old, new in changes
                    ],
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "unifyx.kpi.recompute.log",
            "res_id": log.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
