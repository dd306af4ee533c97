# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Taking over from unifyx_approvals.

Until 18.0.2.0.0 the roles, segments and the app menu were unifyx_approvals'
records. On a database of that version this addon is installed by the upgrade
of unifyx_approvals (its new dependency): the hook gives their external ids to
this addon before its data loads, so the same groups (and every user's
membership), segments and menus are kept instead of duplicated, and
unifyx_approvals' upgrade does not delete them.
"""

from openupgradelib import openupgrade

from .tools.migration import rename_fields

# Records (not models or fields: Odoo reflects those for each addon) that moved.
MOVED_XMLIDS = (
    "module_category_unifyx",
    "module_category_unifyx_purchase",
    "module_category_unifyx_warehouse",
    "module_category_unifyx_sales",
    "module_category_unifyx_management",
    "group_purchaser",
    "group_purchasing_manager",
    "group_warehouse_operator",
    "group_warehouse_manager",
    "group_salesperson",
    "group_sales_manager",
    "group_finance",
    "group_director",
    "group_consultant",
    "unifyx_customer_segment_rule_company",
    "sale_order_rule_warehouse_operator",
    "sale_order_line_rule_warehouse_operator",
    "sale_order_rule_purchaser",
    "sale_order_line_rule_purchaser",
    "product_supplierinfo_rule_cost_hidden",
    "product_supplierinfo_rule_cost_visible",
    "stock_valuation_layer_rule_cost_hidden",
    "stock_valuation_layer_rule_cost_visible",
    "access_unifyx_customer_segment_user",
    "access_unifyx_customer_segment_sales_manager",
    "access_unifyx_customer_segment_consultant",
    "unifyx_customer_segment_view_list",
    "unifyx_customer_segment_view_form",
    "unifyx_customer_segment_view_search",
    "unifyx_customer_segment_action",
    "res_partner_view_form",
    "res_partner_view_search",
    "unifyx_root_menu",
    "unifyx_customers_menu",
    "unifyx_customer_action_menu",
    "unifyx_vendor_action_menu",
    "unifyx_warehouse_menu",
    "unifyx_warehouses_menu",
    "unifyx_configuration_menu",
    "unifyx_customer_segment_menu",
)
PREVIOUS_MODULE = "unifyx_approvals"
SEGMENT_RENAME = [
    ("res.partner", "res_partner", "customer_segment_id", "unifyx_customer_segment_id")
]


def take_over_xmlids(cr, names, old_module, new_module):
    """Rename ``old_module.<name>`` to ``new_module.<name>`` where it exists and
    ``new_module`` does not hold the name yet (reruns change nothing). For an
    addon taking records over from another before its own data loads."""
    cr.execute(
        """
        SELECT old.name FROM ir_model_data old
        WHERE old.module = %s AND old.name IN %s
          AND NOT EXISTS (
              SELECT 1 FROM ir_model_data new
              WHERE new.module = %s AND new.name = old.name)
        """,
        (old_module, tuple(names), new_module),
    )
    found = [name for (name,) in cr.fetchall()]
    openupgrade.rename_xmlids(
        cr, [(f"{old_module}.{name}", f"{new_module}.{name}") for name in found]
    )
    return found


def pre_init_hook(env):
    take_over_xmlids(env.cr, MOVED_XMLIDS, PREVIOUS_MODULE, "unifyx_base")
    # The customer's segment arrives under its prefixed name (18.0.2.1.0): a
    # database of unifyx_approvals keeps every customer's segment.
    if openupgrade.column_exists(env.cr, "res_partner", "customer_segment_id"):
        rename_fields(env, PREVIOUS_MODULE, SEGMENT_RENAME)
