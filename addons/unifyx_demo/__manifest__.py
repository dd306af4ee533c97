# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Demo Distributor",
    "summary": "The demo distributor of the UnifyX suite: a French company with three "
    "warehouses, a catalogue, customers, vendors, users per role and months of history",
    "version": "18.0.2.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "unifyx_approvals",
        "unifyx_invoice_on_delivery",
        "unifyx_einvoice_exchange",
        "unifyx_pricing",
        "unifyx_margin",
        "unifyx_migration",
        "unifyx_dashboards",
        "unifyx_einvoice",
        "unifyx_purchase_request",
        "unifyx_stock_control",
        "l10n_fr_account",
        "stock_barcodes",
        "purchase_requisition",
    ],
    "external_dependencies": {"python": ["python-stdnum", "openupgradelib"]},
    "data": [
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/einvoice_company_demo.xml",
        "demo/demo_distributor.xml",
        "demo/einvoice_demo.xml",
        "demo/approval_matrix_demo.xml",
        "demo/unifyx_pricing_demo.xml",
        "demo/margin_demo.xml",
        "demo/unifyx_migration_demo.xml",
        "demo/einvoice_exchange_demo.xml",
        "demo/unifyx_dashboards_demo.xml",
        "demo/purchase_request_demo.xml",
        "demo/unifyx_stock_control_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_demo/static/tests/tours/*.js",
        ],
    },
    "pre_init_hook": "pre_init_hook",
    "installable": True,
}
