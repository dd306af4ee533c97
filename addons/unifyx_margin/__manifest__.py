# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Margin",
    "summary": "The real margin of every sale and the below-margin alert, approval or block",
    "version": "18.0.2.0.0",
    "category": "Sales/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "unifyx_approvals",
        "sale_stock_margin",
        "sale_margin_security",
        "stock_landed_costs",
        "delivery",
    ],
    "data": [
        "security/unifyx_margin_security.xml",
        "security/ir.model.access.csv",
        "data/approval_exception_type_data.xml",
        "data/ir_cron_data.xml",
        "views/sale_order_line_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/account_move_views.xml",
        "views/margin_floor_views.xml",
        "views/margin_freight_rate_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
