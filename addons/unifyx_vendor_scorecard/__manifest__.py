# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Vendor Scorecard",
    "summary": "Per vendor and month: on-time receipts, quantity accuracy, quality "
    "rejects, price drift and lead time, ranked, on the vendor and next to tender prices",
    "version": "18.0.1.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "unifyx_quality",
        "purchase_stock",
        "purchase_requisition",
    ],
    "data": [
        "security/unifyx_vendor_scorecard_security.xml",
        "security/ir.model.access.csv",
        "report/unifyx_vendor_scorecard_views.xml",
        "views/res_partner_views.xml",
        "views/purchase_order_line_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
