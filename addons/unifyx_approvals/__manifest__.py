# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Approvals",
    "summary": "The approval matrix of purchases, sales and inventory counts, built "
    "on OCA tier validation",
    "version": "18.0.2.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "base_tier_validation",
        "purchase_tier_validation",
        "sale_tier_validation",
    ],
    "data": [
        "security/unifyx_approvals_security.xml",
        "security/ir.model.access.csv",
        "data/approval_exception_type_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/ir_sequence_data.xml",
        "views/approval_matrix_views.xml",
        "views/purchase_order_views.xml",
        "views/sale_order_views.xml",
        "views/purchase_budget_views.xml",
        "views/res_users_views.xml",
        "views/inventory_approval_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_approvals/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
