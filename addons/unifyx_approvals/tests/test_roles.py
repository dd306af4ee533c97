# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import RoleUsersMixin, UnifyxCase


@tagged("post_install", "-at_install")
class TestRoles(UnifyxCase):
    def test_roles_imply_odoo_groups(self):
        expected = {
            "purchaser": ["purchase.group_purchase_user", "stock.group_stock_user"],
            "purchasing_manager": [
                "purchase.group_purchase_manager",
                "unifyx_base.group_purchaser",
            ],
            "warehouse_operator": ["stock.group_stock_user"],
            "warehouse_manager": ["stock.group_stock_manager"],
            "salesperson": ["sales_team.group_sale_salesman"],
            "sales_manager": ["sales_team.group_sale_manager"],
            "finance": ["account.group_account_manager", "purchase.group_purchase_user"],
            "director": [
                "unifyx_base.group_purchasing_manager",
                "unifyx_base.group_warehouse_manager",
                "unifyx_base.group_sales_manager",
                "unifyx_base.group_finance",
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
            "finance": ["unifyx_base.group_sales_manager", "base.group_system"],
            # A consultant configures approvals but approves nothing by role.
            "consultant": [
                "unifyx_base.group_director",
                "unifyx_base.group_purchasing_manager",
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
            {"name": "Elec SARL", "is_company": True, "unifyx_customer_segment_id": segment.id}
        )
        contact = self.env["res.partner"].create({"name": "Jeanne", "parent_id": company.id})
        self.assertEqual(contact.unifyx_customer_segment_id, segment)
        self.assertEqual(segment.partner_count, 2)

    def test_menus_per_role(self):
        segments_menu = self.env.ref("unifyx_base.unifyx_customer_segment_menu")
        root = self.env.ref("unifyx_base.unifyx_root_menu")
        for role in self.users:
            self.assertIn(root.id, self.visible_menus(self.users[role]), role)
        self.assertIn(segments_menu.id, self.visible_menus(self.users["sales_manager"]))
        self.assertIn(segments_menu.id, self.visible_menus(self.users["consultant"]))
        self.assertNotIn(segments_menu.id, self.visible_menus(self.users["salesperson"]))
        self.assertNotIn(segments_menu.id, self.visible_menus(self.users["warehouse_operator"]))
        # Without the demo's barcode menu, the operator still finds the counts.
        counts_menu = self.env.ref("unifyx_base.unifyx_inventory_count_menu")
        self.assertIn(counts_menu.id, self.visible_menus(self.users["warehouse_operator"]))
        self.assertNotIn(counts_menu.id, self.visible_menus(self.users["salesperson"]))


@tagged("post_install", "-at_install")
class TestRolesRpc(RoleUsersMixin, HttpCase):
    """README, Roles: a warehouse operator works on delivery orders and does not
    see sales, from the web client or an integration."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        customer = cls.env["res.partner"].create(
            {"name": "Customer R", "company_id": cls.company.id}
        )
        product = cls.env["product.product"].create({"name": "Widget R", "list_price": 100})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": cls.company.id,
                "user_id": cls.users["salesperson"].id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )

    def _xmlrpc(self, user, model, method, *args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), {}
        )

    def _jsonrpc(self, user, model, method, *args):
        return self.make_jsonrpc_request(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.env.cr.dbname, user.id, user.login, model, method, list(args), {}],
            },
        )

    def test_warehouse_operator_does_not_see_sales(self):
        for role in ("warehouse_operator", "warehouse_manager"):
            user = self.users[role]
            with self.assertRaises(AccessError, msg=role):
                self.order.with_user(user).read(["amount_total"])
            with self.assertRaises(AccessError, msg=role):
                self.order.order_line.with_user(user).read(["price_unit"])
            self.assertFalse(self.env["sale.order"].with_user(user).search([]), role)
            with self.assertRaises(xmlrpc.client.Fault, msg=role):
                self._xmlrpc(user, "sale.order", "read", [self.order.id], ["amount_total"])
            with self.assertRaises(JsonRpcException, msg=role):
                self._jsonrpc(user, "sale.order.line", "read", self.order.order_line.ids)
            self.assertEqual(self._jsonrpc(user, "sale.order", "search_count", []), 0, role)
            # Nor change one (sale_stock lets Inventory / User write them).
            with self.assertRaises(xmlrpc.client.Fault, msg=role):
                self._xmlrpc(user, "sale.order", "write", [self.order.id], {"note": "seen"})
        self.assertFalse(self.order.note)
        # The salesperson whose order it is reads it; a purchaser reads without changing.
        seller = self.users["salesperson"]
        [values] = self._xmlrpc(seller, "sale.order", "read", [self.order.id], ["amount_total"])
        self.assertEqual(values["amount_total"], self.order.amount_total)
        purchaser = self.users["purchaser"]
        self.assertTrue(self._jsonrpc(purchaser, "sale.order", "read", [self.order.id], ["name"]))
        with self.assertRaises(xmlrpc.client.Fault):
            self._xmlrpc(purchaser, "sale.order", "action_confirm", [self.order.id])
        self.assertEqual(self.order.state, "draft")
