# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Stock Control",
    "summary": "Critical items (ABC classes by value), stock-out warnings and the "
    "inventory rules: no negative stock, operators bound to their warehouses, "
    "locations locked while counted",
    "version": "18.0.1.0.0",
    "category": "Inventory/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "stock_account",
        "purchase_stock",
        "sale_stock",
        "product_abc_classification",
        "product_abc_classification_sale_stock",
        "stock_no_negative",
    ],
    "data": [
        "security/stock_control_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/abc_classification_views.xml",
        "views/stock_risk_views.xml",
        "views/stock_kpi_views.xml",
        "views/product_views.xml",
        "views/stock_warehouse_orderpoint_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
