# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Migration",
    "summary": "Clean and load the distributor's legacy spreadsheets",
    "version": "18.0.3.0.0",
    "category": "Tools/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_base", "unifyx_approvals", "base_import", "base_vat", "queue_job"],
    "external_dependencies": {
        "python": ["openpyxl", "xlrd", "phonenumbers", "python-stdnum", "openupgradelib"],
    },
    "data": [
        "security/ir.model.access.csv",
        "security/unifyx_migration_security.xml",
        "data/unifyx_migration_uom_synonym_data.xml",
        "data/ir_cron_data.xml",
        "data/queue_job_data.xml",
        "views/unifyx_migration_profile_views.xml",
        "views/unifyx_migration_run_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "unifyx_migration/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
