# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Purchase Requests",
    "summary": "Purchase requests through the approval matrix and the purchase budgets, "
    "turned into RFQs by vendor or calls for tenders (OCA purchase_request)",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "unifyx_approvals",
        "purchase_request",
        "purchase_request_tier_validation",
        "purchase_request_to_requisition",
    ],
    "data": [
        "security/unifyx_purchase_request_security.xml",
        "security/ir.model.access.csv",
        "views/purchase_request_views.xml",
        "views/purchase_budget_views.xml",
        "views/approval_matrix_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
