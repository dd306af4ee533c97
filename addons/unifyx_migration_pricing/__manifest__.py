# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Migration - Pricing",
    "summary": "Load customer contract lines, from the cockpit or from a contract",
    "version": "18.0.1.0.0",
    "category": "Tools/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_migration", "unifyx_pricing"],
    "data": [
        "security/ir.model.access.csv",
        "wizards/unifyx_price_contract_import_views.xml",
        "views/unifyx_price_contract_views.xml",
    ],
    "installable": True,
    "auto_install": True,
}
