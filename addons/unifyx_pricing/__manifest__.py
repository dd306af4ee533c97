# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Pricing",
    "summary": "B2B contract prices, discount authority and price exceptions",
    "version": "18.0.2.0.0",
    "category": "Sales/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_base", "unifyx_approvals", "sale_management", "product_cost_security"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/unifyx_pricing_security.xml",
        "security/ir.model.access.csv",
        "data/unifyx_pricing_data.xml",
        "views/price_contract_views.xml",
        "views/price_exception_views.xml",
        "views/discount_limit_views.xml",
        "views/sale_order_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_pricing/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
