# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX E-invoicing",
    "summary": "French e-invoicing: SIREN/SIRET on companies and partners, Factur-X on every "
    "customer invoice and credit note of a French company",
    "version": "18.0.1.0.0",
    "category": "Accounting/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": [
        "unifyx_base",
        "account_edi_ubl_cii",
        "l10n_fr_account",
        "l10n_fr_siret",
    ],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "data/cii_22_templates.xml",
    ],
    "installable": True,
}
