# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: one name per concept. The margin analysis' segment is
``customer_segment_id``, as on contracts and floors (it was ``segment_id``).
The report is a view Odoo recreates: the field, its xml id and the saved
filters and exports (grouped by segment) follow."""

from openupgradelib import openupgrade

from odoo.addons.unifyx_base.tools.migration import rename_fields

FIELD_RENAMES = [
    ("unifyx.margin.report", "unifyx_margin_report", "segment_id", "customer_segment_id")
]


def rename(env):
    rename_fields(env, "unifyx_dashboards", FIELD_RENAMES)


@openupgrade.migrate()
def migrate(env, version):
    rename(env)
