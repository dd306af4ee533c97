# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Quality at Receipt",
    "summary": "Quality inspections at receipt (OCA quality control) that hold the goods "
    "until they pass; a failed inspection returns the rejected quantity to the vendor",
    "version": "18.0.1.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "purchase_stock",
        "quality_control_oca",
        "quality_control_stock_oca",
    ],
    "data": [
        "security/unifyx_quality_security.xml",
        "security/ir.model.access.csv",
        "wizards/unifyx_quality_reject_views.xml",
        "views/qc_inspection_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
