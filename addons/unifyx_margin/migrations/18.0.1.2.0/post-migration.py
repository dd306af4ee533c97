# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: costs follow one policy, product_cost_security's groups.

The suite's own group "See Costs and Margin Amounts" goes (Odoo deletes it
after the update): users given it by hand get OCA's read group, and the
setting Hide Costs from Salespeople is applied again to the new groups."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    settings = env["res.config.settings"]
    hidden = env["ir.config_parameter"].sudo().get_param("unifyx_margin.hide_costs") == "True"
    settings._unifyx_margin_apply_hide_costs(hidden)
    old = env.ref("unifyx_margin.group_margin_cost", raise_if_not_found=False)
    read = env.ref("product_cost_security.group_product_cost")
    if old:
        missing = old.with_context(active_test=False).users - read.users
        if missing:
            read.write({"users": [(4, user.id) for user in missing]})
