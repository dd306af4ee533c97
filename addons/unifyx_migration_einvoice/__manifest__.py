# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Migration - E-invoicing",
    "summary": "The cockpit's partner files load SIREN and SIRET (checked) and match on the SIREN",
    "version": "18.0.1.0.0",
    "category": "Tools/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_migration", "unifyx_einvoice"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "installable": True,
    "auto_install": True,
}
