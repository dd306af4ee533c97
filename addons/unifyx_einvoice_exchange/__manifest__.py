# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "UnifyX E-invoice Exchange",
    "summary": "French e-invoicing lifecycle statuses of sent and received invoices, "
    "exchanged with a certified platform (PA) behind one small interface; a folder "
    "platform (outbox / inbox) shipped",
    "version": "18.0.1.0.0",
    "category": "Operations/UnifyX",
    "website": "https://github.com/unifyx/unifyx",
    "author": "UnifyX",
    "license": "LGPL-3",
    "depends": ["unifyx_base", "account", "account_edi_ubl_cii", "queue_job"],
    "data": [
        "security/ir.model.access.csv",
        "security/unifyx_einvoice_exchange_security.xml",
        "data/queue_job_data.xml",
        "data/ir_cron_data.xml",
        "wizards/unifyx_einvoice_status_wizard_views.xml",
        "views/unifyx_einvoice_status_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "installable": True,
}
