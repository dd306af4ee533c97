# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: an opening-stock row names its product by the one product rule
(internal reference, then barcode), so the opening-stock profiles have one match
key left: those keyed on the barcode take the internal reference, and read the
same files as before (a barcode still finds its product)."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["unifyx.migration.profile"].with_context(active_test=False).search(
        [("target", "=", "stock"), ("match_key", "=", "barcode")]
    ).write({"match_key": "default_code"})
