# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    unifyx_margin_hide_costs = fields.Boolean(
        string="Hide Costs from Salespeople",
        config_parameter="unifyx_margin.hide_costs",
        help="Salespeople and warehouse operators see floor warnings, not costs, "
        "valuation, vendor prices, margins (amounts or percentages) nor the markups of "
        "cost-plus contracts; purchasing, warehouse managers, sales managers, finance, "
        "directors and consultants still do.",
    )

    def set_values(self):
        res = super().set_values()
        self._unifyx_margin_apply_hide_costs(self.unifyx_margin_hide_costs)
        return res

    @api.model
    def _unifyx_margin_apply_hide_costs(self, hide):
        """Like stock Odoo, every employee sees and edits costs unless they are
        hidden: then only the roles that imply product_cost_security's groups
        keep them (unifyx_approvals' cost policy)."""
        self.env["ir.config_parameter"].sudo().set_param("unifyx_margin.hide_costs", bool(hide))
        read = self.env.ref("product_cost_security.group_product_cost").sudo()
        edit = self.env.ref("product_cost_security.group_product_edit_cost").sudo()
        employees = self.env.ref("base.group_user").sudo()
        if hide:
            # Odoo keeps the groups of users holding them through another group.
            employees._remove_group(edit)
            employees._remove_group(read)
            readers = read.with_context(active_test=False).users
            implied = [u for u in readers if read not in (u.groups_id - read).trans_implied_ids]
            if implied:
                read.write({"users": [Command.unlink(user.id) for user in implied]})
        elif edit not in employees.implied_ids:
            employees.write({"implied_ids": [Command.link(edit.id)]})
        return True
