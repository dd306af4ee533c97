# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Pricing",
    "summary": "B2B contract prices, discount authority and price exceptions",
    "version": "18.0.1.0.0",
    "category": "Sales/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_approvals", "sale_management"],
    "data": [
        "security/unifyx_pricing_security.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
