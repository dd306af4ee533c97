# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Until 18.0.2.0.0 invoicing on delivery was part of unifyx_approvals: on such
a database the two fields (company and customer settings) already hold the
customers' choices. Their columns stay; only the external ids of the fields
and of the selection values change hands, before this addon loads, so the
upgrade of unifyx_approvals removes nothing."""

from odoo.addons.unifyx_base.hooks import take_over_xmlids

PREVIOUS_MODULE = "unifyx_approvals"
FIELD_XMLIDS = (
    "field_res_company__unifyx_invoice_on_delivery",
    "field_res_partner__unifyx_invoice_on_delivery",
    "field_res_users__unifyx_invoice_on_delivery",
    "field_res_config_settings__unifyx_invoice_on_delivery",
    "selection__res_partner__unifyx_invoice_on_delivery__company",
    "selection__res_partner__unifyx_invoice_on_delivery__always",
    "selection__res_partner__unifyx_invoice_on_delivery__never",
)


def pre_init_hook(env):
    take_over_xmlids(env.cr, FIELD_XMLIDS, PREVIOUS_MODULE, "unifyx_invoice_on_delivery")
