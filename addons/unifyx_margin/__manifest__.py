# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Margin",
    "summary": "The real margin of every sale and the below-margin alert, approval or block",
    "version": "18.0.1.0.0",
    "category": "Sales/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_approvals", "sale_stock_margin", "stock_landed_costs"],
    "data": [
        "views/sale_order_line_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
