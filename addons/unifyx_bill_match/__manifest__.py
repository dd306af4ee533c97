# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Bill Match",
    "summary": "Supplier e-invoices in (Factur-X, UBL, CII), three-way match with the "
    "purchase order and the receipts, held bills approved through the matrix",
    "version": "18.0.1.0.0",
    "category": "Accounting/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "unifyx_approvals",
        "unifyx_margin",
        "unifyx_dashboards",
        "purchase_stock",
        "account_edi_ubl_cii",
    ],
    "data": [
        "security/unifyx_bill_match_security.xml",
        "security/ir.model.access.csv",
        "data/approval_exception_type_data.xml",
        "views/account_move_views.xml",
        "views/unifyx_bill_review_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/approval_matrix_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
