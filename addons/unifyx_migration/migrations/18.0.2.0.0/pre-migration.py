# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the contract target moves to unifyx_migration_pricing (the bridge of
migration and pricing). Its selection values ("contract" kind of import,
"contract_line" match key) are the bridge's now: their XML ids move before the
update, so the update does not delete them, nor the contract profiles, their
column mappings and runs; the bridge (auto-installed) takes them over."""

from openupgradelib import openupgrade

SELECTIONS = (
    "selection__unifyx_migration_profile__target__contract",
    "selection__unifyx_migration_profile__match_key__contract_line",
)


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.rename_xmlids(
        env.cr,
        [
            ("unifyx_migration.%s" % name, "unifyx_migration_pricing.%s" % name)
            for name in SELECTIONS
        ],
    )
