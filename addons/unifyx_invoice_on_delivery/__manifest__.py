# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX Invoice on Delivery",
    "summary": "Invoice (or credit) a validated delivery of a sales order right after "
    "it, posted and sent by a background job; failures shown and retried",
    "version": "18.0.3.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_base", "sale_stock", "queue_job"],
    # Part of unifyx_approvals until 18.0.2.0.0: installed with the base as it was.
    "auto_install": True,
    "data": [
        "data/queue_job_data.xml",
        "views/res_partner_views.xml",
        "views/stock_picking_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "installable": True,
}
