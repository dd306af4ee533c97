# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Base",
    "summary": "UnifyX foundation: the distributor's roles, cost visibility, customer "
    "segments, the app menu and the sale confirmation checks every addon registers",
    "version": "18.0.2.1.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "sale_management",
        "sale_stock",
        "purchase_stock",
        "stock_account",
        "product_cost_security",
        "product_cost_security_stock_account",
    ],
    "external_dependencies": {"python": ["openupgradelib"]},
    "data": [
        "security/unifyx_base_security.xml",
        "security/cost_security.xml",
        "security/ir.model.access.csv",
        "data/res_groups_data.xml",
        "views/customer_segment_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "installable": True,
}
