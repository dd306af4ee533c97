# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: one name per concept. A price contract's customer segment is
``customer_segment_id``, as on the customer (it was ``segment_id``): the column,
its index and foreign key, the field, its xml id, saved filters and exports
follow, so no contract loses its segment."""

from openupgradelib import openupgrade

from odoo.addons.unifyx_base.tools.migration import rename_fields as _rename_fields

TABLE = "unifyx_price_contract"
FIELD_RENAMES = [("unifyx.price.contract", TABLE, "segment_id", "customer_segment_id")]


def rename_fields(env):
    _rename_fields(env, "unifyx_pricing", FIELD_RENAMES)


@openupgrade.migrate()
def migrate(env, version):
    rename_fields(env)
