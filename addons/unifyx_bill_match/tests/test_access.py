# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import UnifyxCase


@tagged("post_install", "-at_install")
class TestAccess(UnifyxCase):
    def test_bills_to_review_menu_follows_the_roles(self):
        menus = self.env.ref("unifyx_bill_match.account_move_to_review_menu") | self.env.ref(
            "unifyx_bill_match.unifyx_bill_review_menu"
        )
        for role in ("finance", "director"):
            self.assertEqual(
                menus.ids, [m for m in menus.ids if m in self.visible_menus(self.users[role])], role
            )
        for role in ("purchaser", "salesperson", "warehouse_operator", "sales_manager"):
            self.assertFalse(set(menus.ids) & set(self.visible_menus(self.users[role])), role)

    def test_who_reads_the_reviews(self):
        for model in ("unifyx.bill.review", "unifyx.bill.match.line"):
            for role in ("purchaser", "finance"):
                self.assertTrue(
                    self.env[model].with_user(self.users[role]).has_access("read"), role
                )
            for role in ("salesperson", "warehouse_operator"):
                with self.assertRaises(AccessError, msg=role):
                    self.env[model].with_user(self.users[role]).check_access("read")
            # Nobody creates them but the match.
            self.assertFalse(self.env[model].with_user(self.users["finance"]).has_access("create"))
