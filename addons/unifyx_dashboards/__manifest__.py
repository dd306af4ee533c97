# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Dashboards",
    "summary": "Margin analysis, distributor KPIs and month-end reconciliation",
    "version": "18.0.2.2.0",
    "category": "Productivity/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "external_dependencies": {"python": ["openupgradelib"]},
    "depends": [
        "unifyx_base",
        "unifyx_margin",
        "spreadsheet_dashboard_sale",
        "spreadsheet_dashboard_stock_account",
        "stock_account",
        "purchase_stock",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/unifyx_dashboards_security.xml",
        "data/ir_cron_data.xml",
        "data/spreadsheet_dashboard_data.xml",
        "views/unifyx_kpi_value_views.xml",
        "views/unifyx_kpi_target_views.xml",
        "views/unifyx_kpi_recompute_log_views.xml",
        "wizard/unifyx_kpi_recompute_wizard_views.xml",
        "views/res_company_views.xml",
        "views/unifyx_stock_reconciliation_views.xml",
        "views/unifyx_supplier_price_report_views.xml",
        "views/unifyx_margin_report_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_dashboards/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
