# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_margin_hide_costs = fields.Boolean(
        string="Hide Costs from Salespeople",
        config_parameter="unifyx_margin.hide_costs",
        help="Salespeople see margin percentages and floor warnings, not costs, supplier "
        "prices nor margin amounts; sales managers, finance and consultants still do.",
    )

    def set_values(self):
        res = super().set_values()
        self._unifyx_margin_apply_hide_costs(self.unifyx_margin_hide_costs)
        return res

    @api.model
    def _unifyx_margin_apply_hide_costs(self, hide):
        """Like stock Odoo, every employee sees costs unless they are hidden:
        then only the roles that imply the costs group keep it."""
        self.env["ir.config_parameter"].sudo().set_param("unifyx_margin.hide_costs", bool(hide))
        costs = self.env.ref("unifyx_margin.group_margin_cost").sudo()
        employees = self.env.ref("base.group_user").sudo()
        if hide:
            # Odoo keeps the group for users holding it through another group.
            employees._remove_group(costs)
        elif costs not in employees.implied_ids:
            employees.write({"implied_ids": [Command.link(costs.id)]})
        return True
