# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Until 18.0.2.0.0 invoicing on delivery was part of unifyx_approvals: on such
a database the two fields (company and customer settings) already hold the
customers' choices. Their columns stay; only the external ids of the fields
and of the selection values change hands, before this addon loads, so the
upgrade of unifyx_approvals removes nothing."""

from openupgradelib import openupgrade

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


def take_over_xmlids(cr):
    cr.execute(
        """
        SELECT old.name FROM ir_model_data old
        WHERE old.module = %s AND old.name IN %s
          AND NOT EXISTS (
              SELECT 1 FROM ir_model_data new
              WHERE new.module = 'unifyx_invoice_on_delivery' AND new.name = old.name)
        """,
        (PREVIOUS_MODULE, FIELD_XMLIDS),
    )
    found = [name for (name,) in cr.fetchall()]
    openupgrade.rename_xmlids(
        cr,
        [(f"{PREVIOUS_MODULE}.{name}", f"unifyx_invoice_on_delivery.{name}") for name in found],
    )
    return found


def pre_init_hook(env):
    take_over_xmlids(env.cr)
