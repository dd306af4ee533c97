# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnifyxCase


@tagged("post_install", "-at_install")
class TestRoles(UnifyxCase):
    def test_roles_imply_odoo_groups(self):
        expected = {
            "purchaser": ["purchase.group_purchase_user", "stock.group_stock_user"],
            "purchasing_manager": [
                "purchase.group_purchase_manager",
                "unifyx_approvals.group_purchaser",
            ],
            "warehouse_operator": ["stock.group_stock_user"],
            "warehouse_manager": ["stock.group_stock_manager"],
            "salesperson": ["sales_team.group_sale_salesman"],
            "sales_manager": ["sales_team.group_sale_manager"],
            "finance": ["account.group_account_manager", "purchase.group_purchase_user"],
            "director": [
                "unifyx_approvals.group_purchasing_manager",
                "unifyx_approvals.group_warehouse_manager",
                "unifyx_approvals.group_sales_manager",
                "unifyx_approvals.group_finance",
            ],
            "consultant": ["base.group_system", "stock.group_stock_manager"],
        }
        for role, groups in expected.items():
            user = self.users[role]
            for group in groups:
                self.assertTrue(user.has_group(group), f"{role} should have {group}")

    def test_roles_do_not_leak_upwards(self):
        not_expected = {
            "purchaser": ["purchase.group_purchase_manager", "account.group_account_manager"],
            "warehouse_operator": ["stock.group_stock_manager", "sales_team.group_sale_salesman"],
            "salesperson": ["sales_team.group_sale_manager", "purchase.group_purchase_user"],
            "sales_manager": ["account.group_account_manager"],
            "finance": ["unifyx_approvals.group_sales_manager", "base.group_system"],
            # A consultant configures approvals but approves nothing by role.
            "consultant": [
                "unifyx_approvals.group_director",
                "unifyx_approvals.group_purchasing_manager",
            ],
        }
        for role, groups in not_expected.items():
            user = self.users[role]
            for group in groups:
                self.assertFalse(user.has_group(group), f"{role} must not have {group}")

    def test_document_access_per_role(self):
        purchase = self.env["purchase.order"]
        with self.assertRaises(AccessError):
            purchase.with_user(self.users["salesperson"]).check_access("create")
        with self.assertRaises(AccessError):
            purchase.with_user(self.users["warehouse_operator"]).check_access("create")
        purchase.with_user(self.users["purchaser"]).check_access("create")
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(self.users["purchaser"]).check_access("create")
        self.env["sale.order"].with_user(self.users["salesperson"]).check_access("create")
        # Only finance and the consultant touch the chart of accounts.
        account = self.env["account.account"]
        for role in ("purchaser", "salesperson", "warehouse_manager", "sales_manager"):
            with self.assertRaises(AccessError, msg=role):
                account.with_user(self.users[role]).check_access("write")
        account.with_user(self.users["finance"]).check_access("write")
        # Inventory configuration belongs to the warehouse manager.
        with self.assertRaises(AccessError):
            self.env["stock.warehouse.orderpoint"].with_user(
                self.users["salesperson"]
            ).check_access("write")
        self.env["stock.location"].with_user(self.users["warehouse_manager"]).check_access("create")
        with self.assertRaises(AccessError):
            self.env["stock.location"].with_user(self.users["warehouse_operator"]).check_access(
                "create"
            )

    def test_segment_rights(self):
        Segment = self.env["unifyx.customer.segment"]
        with self.assertRaises(AccessError):
            Segment.with_user(self.users["salesperson"]).create({"name": "Hospitals"})
        segment = Segment.with_user(self.users["sales_manager"]).create(
            {"name": "Hospitals", "code": "HOS"}
        )
        self.assertEqual(segment.with_user(self.users["salesperson"]).name, "Hospitals")
        with self.assertRaises(AccessError):
            segment.with_user(self.users["sales_manager"]).unlink()
        segment.with_user(self.users["consultant"]).unlink()
        self.assertFalse(segment.exists())

    def test_segment_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Distributor"})
        Segment = self.env["unifyx.customer.segment"]
        private = Segment.create({"name": "Other's segment", "company_id": other.id})
        shared = Segment.create({"name": "Shared segment"})
        visible = Segment.with_user(self.users["salesperson"]).search([])
        self.assertIn(shared, visible)
        self.assertNotIn(private, visible)

    def test_segment_follows_commercial_partner(self):
        segment = self.env["unifyx.customer.segment"].create({"name": "Installers T"})
        company = self.env["res.partner"].create(
            {"name": "Elec SARL", "is_company": True, "customer_segment_id": segment.id}
        )
        contact = self.env["res.partner"].create({"name": "Jeanne", "parent_id": company.id})
        self.assertEqual(contact.customer_segment_id, segment)
        self.assertEqual(segment.partner_count, 2)

    def test_menus_per_role(self):
        segments_menu = self.env.ref("unifyx_approvals.unifyx_customer_segment_menu")
        root = self.env.ref("unifyx_approvals.unifyx_root_menu")
        for role in self.users:
            self.assertIn(root.id, self.visible_menus(self.users[role]), role)
        self.assertIn(segments_menu.id, self.visible_menus(self.users["sales_manager"]))
        self.assertIn(segments_menu.id, self.visible_menus(self.users["consultant"]))
        self.assertNotIn(segments_menu.id, self.visible_menus(self.users["salesperson"]))
        self.assertNotIn(segments_menu.id, self.visible_menus(self.users["warehouse_operator"]))
