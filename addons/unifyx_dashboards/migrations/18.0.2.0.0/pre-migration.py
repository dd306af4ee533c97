# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the KPIs are declared once, by ``_unifyx_kpi_definitions()``.

The ``kpi`` field of ``unifyx.kpi.value`` keeps its codes, but its selection is
now the registry's (a method), which Odoo does not reflect: the static list
reflected by 18.0.1.0.0 (``ir_model_fields_selection`` rows and their XML ids)
is dropped here, so that the end of the update does not unlink them through the
ORM. The stored values and their history are not touched: every code of the
previous version is declared by the registry."""

from openupgradelib import openupgrade

SELECTION_XMLID_PREFIX = "selection__unifyx_kpi_value__kpi__"


def drop_static_kpi_selection(cr):
    openupgrade.logged_query(
        cr,
        """
        DELETE FROM ir_model_fields_selection
         WHERE field_id IN (SELECT id FROM ir_model_fields
                             WHERE model = 'unifyx.kpi.value' AND name = 'kpi')
        """,
    )
    openupgrade.logged_query(
        cr,
        """
        DELETE FROM ir_model_data
         WHERE module = 'unifyx_dashboards' AND model = 'ir.model.fields.selection'
           AND name LIKE %s
        """,
        (SELECTION_XMLID_PREFIX + "%",),
    )


@openupgrade.migrate()
def migrate(env, version):
    drop_static_kpi_selection(env.cr)
