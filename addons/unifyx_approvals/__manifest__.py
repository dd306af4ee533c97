# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Approvals",
    "summary": "UnifyX core: distributor roles, customer segments, the demo "
    "distributor, and the approval matrix built on OCA tier validation",
    "version": "18.0.1.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "l10n_fr_account",
        "sale_management",
        "sale_stock",
        "purchase_stock",
        "purchase_requisition",
        "stock_account",
        "base_tier_validation",
        "purchase_tier_validation",
        "sale_tier_validation",
        "stock_barcodes",
    ],
    "data": [
        "security/unifyx_security.xml",
        "security/ir.model.access.csv",
        "data/approval_exception_type_data.xml",
        "data/ir_cron_data.xml",
        "data/ir_sequence_data.xml",
        "views/approval_matrix_views.xml",
        "views/purchase_order_views.xml",
        "views/sale_order_views.xml",
        "views/purchase_budget_views.xml",
        "views/res_users_views.xml",
        "views/inventory_approval_views.xml",
        "views/customer_segment_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/demo_distributor.xml",
        "demo/approval_matrix_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_approvals/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
