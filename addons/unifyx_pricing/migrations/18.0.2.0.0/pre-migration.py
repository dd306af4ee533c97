# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: one name per concept. A price contract's customer segment is
``customer_segment_id``, as on the customer (it was ``segment_id``): the column,
its index and foreign key, the field, its xml id, saved filters and exports
follow, so no contract loses its segment."""

from openupgradelib import openupgrade

from odoo.tools import SQL

TABLE = "unifyx_price_contract"
FIELD_RENAMES = [("unifyx.price.contract", TABLE, "segment_id", "customer_segment_id")]


def rename_fields(env):
    cr = env.cr
    openupgrade.rename_fields(env, FIELD_RENAMES)
    for _model, table, old, new in FIELD_RENAMES:
        # Odoo 18's names (openupgradelib renames the older index name only).
        cr.execute(
            SQL(
                "ALTER INDEX IF EXISTS %s RENAME TO %s",
                SQL.identifier("%s__%s_index" % (table, old)),
                SQL.identifier("%s__%s_index" % (table, new)),
            )
        )
        old_fkey, new_fkey = "%s_%s_fkey" % (table, old), "%s_%s_fkey" % (table, new)
        cr.execute(
            SQL(
                "SELECT 1 FROM pg_constraint WHERE conname = %s AND conrelid = %s::regclass",
                old_fkey,
                table,
            )
        )
        if cr.fetchone():
            cr.execute(
                SQL(
                    "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                    SQL.identifier(table),
                    SQL.identifier(old_fkey),
                    SQL.identifier(new_fkey),
                )
            )
        # The field's xml id (field_<model>__<name>) names the field too.
        model_xmlid = table
        openupgrade.rename_xmlids(
            cr,
            [
                (
                    "unifyx_pricing.field_%s__%s" % (model_xmlid, old),
                    "unifyx_pricing.field_%s__%s" % (model_xmlid, new),
                )
            ],
        )


@openupgrade.migrate()
def migrate(env, version):
    rename_fields(env)
