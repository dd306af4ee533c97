# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: fields UnifyX adds to core models carry its prefix. A customer's
segment is ``unifyx_customer_segment_id`` (it was ``customer_segment_id``): the
column, index, foreign key, field, xml id, saved filters and exports follow, so
no customer leaves its segment."""

from openupgradelib import openupgrade

from odoo.addons.unifyx_base.hooks import SEGMENT_RENAME
from odoo.addons.unifyx_base.tools.migration import rename_fields


def rename(env):
    rename_fields(env, "unifyx_base", SEGMENT_RENAME)


@openupgrade.migrate()
def migrate(env, version):
    rename(env)
