# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: contract imports are unifyx_migration_pricing's. Odoo installs an
auto-install addon with a new addon's dependencies, not on an update: install
the bridge now when pricing is there, so the contract profiles (their
selection values were handed to the bridge before the update) keep working."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    Module = env["ir.module.module"]
    if Module.search_count(
        [("name", "=", "unifyx_pricing"), ("state", "in", ("installed", "to upgrade"))]
    ):
        Module.search(
            [("name", "=", "unifyx_migration_pricing"), ("state", "=", "uninstalled")]
        ).button_install()
