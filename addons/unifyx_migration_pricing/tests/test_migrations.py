# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_migration.tests.common import MigrationCase
from odoo.addons.unifyx_migration.tests.test_migrations import load_script

SELECTIONS = {
    "target": "selection__unifyx_migration_profile__target__contract",
    "match_key": "selection__unifyx_migration_profile__match_key__contract_line",
}


@tagged("post_install", "-at_install")
class TestContractTargetMigration(MigrationCase):
    def test_18_0_2_0_0_contract_selection_moves_to_the_bridge(self):
        """A database of 18.0.1.1.0: the contract kind of import is unifyx_migration's
        selection value, a contract profile uses it. After the pre-migration the
        value is the bridge's (the update of unifyx_migration leaves it and its
        profiles alone) and the profile is unchanged."""
        profile = self.profile("contract")
        Data = self.env["ir.model.data"]
        rows = Data.search(
            [("module", "=", "unifyx_migration_pricing"), ("name", "in", list(SELECTIONS.values()))]
        )
        self.assertEqual(len(rows), 2)
        rows.write({"module": "unifyx_migration"})  # as 18.0.1.1.0 has them
        self.env.flush_all()
        load_script("18.0.2.0.0", "pre-migration").migrate.__wrapped__(self.env, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(set(rows.mapped("module")), {"unifyx_migration_pricing"})
        for name in SELECTIONS.values():
            self.assertTrue(self.env.ref("unifyx_migration_pricing.%s" % name))
            self.assertFalse(self.env.ref("unifyx_migration.%s" % name, raise_if_not_found=False))
        self.assertEqual((profile.target, profile.match_key), ("contract", "contract_line"))
        # Run again (an interrupted upgrade replayed): nothing to move, no error.
        load_script("18.0.2.0.0", "pre-migration").migrate.__wrapped__(self.env, "18.0.1.1.0")
        self.assertEqual(set(rows.mapped("module")), {"unifyx_migration_pricing"})
