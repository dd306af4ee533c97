# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Migration helpers the UnifyX addons' scripts share."""

from openupgradelib import openupgrade

from odoo.tools import SQL


def rename_fields(env, module, renames):
    """Rename stored fields of ``module`` so no value is lost: openupgradelib
    renames the column, the field, saved filters, exports and translations; this
    adds what it leaves under the old name in Odoo 18 (the ``<table>__<field>_index``
    index, the foreign key, the field's ``field_<model>__<name>`` xml id).

    ``renames``: ``[(model, table, old_name, new_name)]``.
    """
    cr = env.cr
    openupgrade.rename_fields(env, renames)
    for model, table, old, new in renames:
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
                "SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
                " WHERE c.conname = %s AND t.relname = %s",
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
        model_key = model.replace(".", "_")
        openupgrade.rename_xmlids(
            cr,
            [
                (
                    "%s.field_%s__%s" % (module, model_key, old),
                    "%s.field_%s__%s" % (module, model_key, new),
                )
            ],
        )
