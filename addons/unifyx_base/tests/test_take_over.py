# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..hooks import MOVED_XMLIDS, PREVIOUS_MODULE, take_over_xmlids


@tagged("post_install", "-at_install")
class TestTakeOver(TransactionCase):
    """A database of 18.0.1.x: the roles were unifyx_approvals' records. The
    install hook gives them to unifyx_base, so the same group (and its users)
    is kept, and a rerun changes nothing."""

    def _as_previous_version(self, name):
        record = self.env.ref(f"unifyx_base.{name}")
        self.env["ir.model.data"].search(
            [("module", "=", "unifyx_base"), ("name", "=", name)]
        ).write({"module": "unifyx_approvals"})
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        return record

    def test_groups_and_menus_change_hands(self):
        group = self._as_previous_version("group_sales_manager")
        menu = self._as_previous_version("unifyx_root_menu")
        self.assertFalse(self.env.ref("unifyx_base.group_sales_manager", raise_if_not_found=False))
        user = self.env["res.users"].create(
            {"name": "Kept", "login": "kept_member", "groups_id": [(4, group.id)]}
        )

        moved = take_over_xmlids(self.env.cr, MOVED_XMLIDS, PREVIOUS_MODULE, "unifyx_base")
        self.env.registry.clear_cache()

        self.assertEqual(sorted(moved), ["group_sales_manager", "unifyx_root_menu"])
        self.assertEqual(self.env.ref("unifyx_base.group_sales_manager"), group)
        self.assertEqual(self.env.ref("unifyx_base.unifyx_root_menu"), menu)
        self.assertIn(user, group.users)
        self.assertFalse(
            self.env.ref("unifyx_approvals.group_sales_manager", raise_if_not_found=False)
        )
        # A rerun finds nothing left to move.
        self.assertEqual(
            take_over_xmlids(self.env.cr, MOVED_XMLIDS, PREVIOUS_MODULE, "unifyx_base"), []
        )

    def test_every_moved_name_is_defined_here(self):
        names = set(
            self.env["ir.model.data"].search([("module", "=", "unifyx_base")]).mapped("name")
        )
        self.assertFalse(set(MOVED_XMLIDS) - names)
