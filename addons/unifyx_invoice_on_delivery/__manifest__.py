# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Invoice on Delivery",
    "summary": "Create and post the customer invoice (or credit note) when a delivery "
    "or a return of a sales order is validated",
    "version": "18.0.2.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_base", "sale_stock"],
    # Part of unifyx_approvals until 18.0.2.0.0: installed with the base as it was.
    "auto_install": True,
    "data": [
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "installable": True,
}
