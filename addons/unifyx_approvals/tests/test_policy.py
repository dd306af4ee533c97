# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's policy, role by guarded action, as a table: read POLICY.

Each row names an action and the roles that may do it; every other role is
refused. The test plays every row for every role (one fresh user per role, in
a company of its own, see common.py) and checks both ways: the allowed roles
get the effect, the others get an error or no effect. The matrix used:
purchases from 5,000 EUR -> purchasing manager; sales from 5,000 EUR -> sales
manager; counts from 1,000.01 EUR of valued differences -> warehouse manager.
Costs are hidden from salespeople (unifyx_margin's setting)."""

import re
from contextlib import closing

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ROLES, UnifyxCompanyCase, decide, picked_transfer

NOBODY = frozenset()
EVERYONE = frozenset(ROLES)
BUYERS = frozenset({"purchaser", "purchasing_manager", "finance", "director", "consultant"})
SELLERS = frozenset({"salesperson", "sales_manager", "finance", "director", "consultant"})
# Inventory / User: every role that implies it counts stock.
COUNTERS = frozenset(
    {
        "purchaser",
        "purchasing_manager",
        "warehouse_operator",
        "warehouse_manager",
        "finance",
        "director",
        "consultant",
    }
)
# Inventory / Administrator.
STOCK_MANAGERS = frozenset({"warehouse_manager", "director", "consultant"})

# (action, roles that may do it). Every other role is refused.
POLICY = [
    # Confirming: under the bands at once; in a band only once approved.
    ("confirm a purchase under the bands", BUYERS),
    ("confirm a purchase in a band, not approved", NOBODY),
    ("confirm a purchase in a band, approved", BUYERS),
    ("confirm a sale under the bands", SELLERS),
    ("confirm a sale in a band, not approved", NOBODY),
    # Approving: the step's role (or the director), never one's own request.
    ("approve a purchase", {"purchasing_manager", "director"}),
    ("approve a sale", {"sales_manager", "director"}),
    ("approve a count", {"warehouse_manager", "director"}),
    ("approve one's own purchase", NOBODY),
    ("approve one's own sale", NOBODY),
    ("approve one's own count", NOBODY),
    # An approved document made worse goes back to approval.
    ("confirm a purchase whose line grew after approval", NOBODY),
    ("confirm a sale whose line grew after approval", NOBODY),
    # Costs, hidden from the roles without Product costs / Read (README, Costs).
    ("read a product's cost", EVERYONE - {"salesperson", "warehouse_operator"}),
    ("read a receipt's unit cost", EVERYONE - {"salesperson", "warehouse_operator"}),
    # Who reads what (README, Roles).
    ("read a sale order", EVERYONE - {"warehouse_operator", "warehouse_manager"}),
    ("read a purchase order", EVERYONE - {"salesperson", "sales_manager"}),
    # The rules themselves.
    ("edit the approval matrix", {"consultant"}),
    ("edit discount limits", {"director", "consultant"}),
    ("edit margin floors", {"sales_manager", "finance", "director", "consultant"}),
    ("edit price contracts", {"sales_manager", "director", "consultant"}),
    ("activate a price contract", {"sales_manager", "director"}),
    ("delete an active price contract", {"sales_manager", "director"}),
    ("edit customer segments", {"sales_manager", "director", "consultant"}),
    ("place a customer in a segment", {"sales_manager", "director", "consultant"}),
    ("edit pricelists", {"sales_manager", "warehouse_manager", "director", "consultant"}),
    (
        "edit vendor prices",
        {"purchasing_manager", "sales_manager", "warehouse_manager", "director", "consultant"},
    ),
    # Counts and stock.
    ("apply a count under the threshold", COUNTERS),
    ("apply a count over the threshold, not approved", NOBODY),
    ("apply an approved count", COUNTERS),
    ("write a quant's quantity", STOCK_MANAGERS),
    ("move stock out of the inventory-adjustment location", STOCK_MANAGERS),
    ("configure a warehouse", STOCK_MANAGERS),
    # Accounting and the system.
    ("edit the chart of accounts", {"finance", "director", "consultant"}),
    ("administer the system", {"consultant"}),
]

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestPolicy(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = {role: cls.env.ref(xmlid) for role, xmlid in ROLES.items()}
        Matrix = cls.env["unifyx.approval.matrix"]
        for name, document_type, amount_min, group in (
            ("Purchases from 5,000", "purchase", 5000, groups["purchasing_manager"]),
            ("Sales from 5,000", "sale", 5000, groups["sales_manager"]),
            ("Counts over 1,000", "inventory", 1000.01, groups["warehouse_manager"]),
        ):
            Matrix.create(
                {
                    "name": name,
                    "document_type": document_type,
                    "company_id": cls.company.id,
                    "amount_min": amount_min,
                    "step_ids": [Command.create({"group_id": group.id})],
                }
            )
        # An approver of everything who is nobody's requester.
        cls.approver = cls.env["res.users"].create(
            {
                "name": "Approver P",
                "login": "unifyx_test_policy_approver",
                "company_id": cls.company.id,
                "company_ids": [Command.set(cls.company.ids)],
                "groups_id": [Command.link(groups["director"].id)],
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Vendor P", "company_id": cls.company.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Customer P", "company_id": cls.company.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Drill P",
                "type": "consu",
                "is_storable": True,
                "list_price": 1000,
                "taxes_id": False,
                "supplier_taxes_id": False,
            }
        )
        cls.product.product_tmpl_id.categ_id.property_cost_method = "standard"
        cls.product.with_company(cls.company).standard_price = 600
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.product, cls.stock, 100)
        cls.quant = cls.env["stock.quant"].search(
            [("product_id", "=", cls.product.id), ("location_id", "=", cls.stock.id)]
        )
        Settings = cls.env["res.config.settings"]
        if hasattr(Settings, "_unifyx_margin_apply_hide_costs"):
            Settings._unifyx_margin_apply_hide_costs(True)

    # -- the table, both ways ----------------------------------------------------

    def test_policy(self):
        for action, allowed in POLICY:
            method = getattr(self, "_" + re.sub(r"\W+", "_", action.replace("'", "")))
            for role, user in self.users.items():
                with self.subTest(action=action, role=role):
                    done = self._attempt(method, user)
                    if done is None:
                        self.skipTest("%s: the addon is not installed" % action)
                    self.assertEqual(
                        done,
                        role in allowed,
                        "%s %s %s" % (role, "may" if role in allowed else "may not", action),
                    )

    def _attempt(self, method, user):
        """Play ``method`` as ``user`` and undo it: True if it took effect,
        False if it was refused or had none, None if it does not apply."""
        with closing(self.env.cr.savepoint()):
            self.env.cr.clear()
            try:
                done = method(user)
                self.env.flush_all()
            except REFUSED:
                done = False
        self.env.invalidate_all(flush=False)
        return done

    # -- documents ------------------------------------------------------------------

    def _purchase(self, requester, amount):
        return self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "company_id": self.company.id,
                "user_id": requester.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_qty": 1,
                            "price_unit": amount,
                            "taxes_id": False,
                        }
                    )
                ],
            }
        )

    def _sale(self, requester, quantity):
        """At 1,000 EUR a unit: from 5 units, in the band."""
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "user_id": requester.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": quantity,
                            "price_unit": 1000,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )

    def _approve(self, record, user):
        """Approve as the UI does: the button opens the comment wizard."""
        decide(record, user, comment="Approved")
        return record.sudo().validation_status == "validated"

    def _requested(self, record, requester):
        record.with_user(requester).request_validation()
        record.invalidate_recordset()
        self.assertTrue(record.review_ids, "the document needs approval")
        return record

    def _count(self, user, counted):
        """``user`` counts the shelf and applies it; the request if held."""
        quant = self.quant.with_user(user).with_context(inventory_mode=True)
        quant.inventory_quantity = counted
        action = quant.action_apply_inventory()
        if isinstance(action, dict) and action.get("res_model") == "unifyx.inventory.approval":
            return self.env["unifyx.inventory.approval"].browse(action["res_id"])
        return self.env["unifyx.inventory.approval"]

    def _on_hand(self):
        self.env.invalidate_all()
        return self.quant.sudo().quantity

    # -- confirming -----------------------------------------------------------------

    def _confirm_a_purchase_under_the_bands(self, user):
        order = self._purchase(user, 1000)
        order.with_user(user).button_confirm()
        return order.state == "purchase"

    def _confirm_a_purchase_in_a_band_not_approved(self, user):
        order = self._purchase(user, 6000)
        order.with_user(user).button_confirm()
        return order.state == "purchase"

    def _confirm_a_purchase_in_a_band_approved(self, user):
        order = self._requested(self._purchase(user, 6000), self.env.user)
        self.assertTrue(self._approve(order, self.approver))
        order.with_user(user).button_confirm()
        return order.state == "purchase"

    def _confirm_a_sale_under_the_bands(self, user):
        order = self._sale(user, 1)
        order.with_user(user).action_confirm()
        return order.state == "sale"

    def _confirm_a_sale_in_a_band_not_approved(self, user):
        order = self._sale(user, 6)
        order.with_user(user).action_confirm()
        return order.state == "sale"

    # -- approving -------------------------------------------------------------------

    def _approve_a_purchase(self, user):
        purchaser = self.users["purchaser"]
        return self._approve(self._requested(self._purchase(purchaser, 6000), purchaser), user)

    def _approve_a_sale(self, user):
        seller = self.users["salesperson"]
        return self._approve(self._requested(self._sale(seller, 6), seller), user)

    def _approve_a_count(self, user):
        request = self._count(self.users["warehouse_operator"], 80)  # 20 x 600
        self.assertTrue(request)
        return self._approve(request, user)

    def _approve_ones_own_purchase(self, user):
        return self._approve(self._requested(self._purchase(user, 6000), self.env.user), user)

    def _approve_ones_own_sale(self, user):
        return self._approve(self._requested(self._sale(user, 6), self.env.user), user)

    def _approve_ones_own_count(self, user):
        return self._approve(self._count(user, 80), user)

    # -- made worse after approval --------------------------------------------------

    def _confirm_a_purchase_whose_line_grew_after_approval(self, user):
        order = self._requested(self._purchase(user, 6000), self.env.user)
        self.assertTrue(self._approve(order, self.approver))
        order.order_line.with_user(user).write({"product_qty": 10})
        order.with_user(user).button_confirm()
        return order.state == "purchase"

    def _confirm_a_sale_whose_line_grew_after_approval(self, user):
        order = self._requested(self._sale(user, 6), self.env.user)
        self.assertTrue(self._approve(order, self.approver))
        order.order_line.with_user(user).write({"product_uom_qty": 60})
        order.with_user(user).action_confirm()
        return order.state == "sale"

    # -- reading ------------------------------------------------------------------------

    def _read_a_products_cost(self, user):
        [values] = self.product.with_user(user).read(["standard_price"])
        return values["standard_price"] == 600

    def _read_a_receipts_unit_cost(self, user):
        stock = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.company.id)], limit=1)
            .lot_stock_id
        )
        move = self.env["stock.move"].create(
            {
                "name": "Receipt P",
                "company_id": self.company.id,
                "product_id": self.product.id,
                "product_uom_qty": 1,
                "price_unit": 600,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": stock.id,
            }
        )
        [values] = move.with_user(user).read(["price_unit"])
        return values["price_unit"] == 600

    def _read_a_sale_order(self, user):
        order = self._sale(user, 1)
        [values] = order.with_user(user).read(["amount_untaxed"])
        return values["amount_untaxed"] == 1000

    def _read_a_purchase_order(self, user):
        order = self._purchase(user, 1000)
        [values] = order.with_user(user).read(["amount_untaxed"])
        return values["amount_untaxed"] == 1000

    # -- the rules -----------------------------------------------------------------------

    def _edit_the_approval_matrix(self, user):
        row = self.env["unifyx.approval.matrix"].search(
            [("document_type", "=", "purchase"), ("company_id", "=", self.company.id)]
        )
        row.with_user(user).write({"amount_min": 50000})
        return row.amount_min == 50000

    def _edit_discount_limits(self, user):
        if "unifyx.discount.limit" not in self.env:
            return None
        limit = (
            self.env["unifyx.discount.limit"]
            .with_user(user)
            .create(
                {
                    "group_id": self.env.ref("unifyx_base.group_salesperson").id,
                    "company_id": self.company.id,
                    "max_discount": 50,
                }
            )
        )
        return bool(limit.exists())

    def _edit_margin_floors(self, user):
        if "unifyx.margin.floor" not in self.env:
            return None
        floor = (
            self.env["unifyx.margin.floor"]
            .with_user(user)
            .create({"company_id": self.company.id, "min_margin_percent": 1})
        )
        return bool(floor.exists())

    def _contract(self, user):
        return (
            self.env["unifyx.price.contract"]
            .with_user(user)
            .create(
                {
                    "name": "Contract P",
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "price_type": "fixed",
                                "fixed_price": 1,
                            }
                        )
                    ],
                }
            )
        )

    def _edit_price_contracts(self, user):
        if "unifyx.price.contract" not in self.env:
            return None
        return bool(self._contract(user).exists())

    def _activate_a_price_contract(self, user):
        if "unifyx.price.contract" not in self.env:
            return None
        contract = self._contract(self.env.user).with_user(user)
        contract.action_activate()
        return contract.sudo().state == "active"

    def _delete_an_active_price_contract(self, user):
        if "unifyx.price.contract" not in self.env:
            return None
        contract = self._contract(self.env.user)
        contract.action_activate()
        contract.with_user(user).unlink()
        return not contract.exists()

    def _edit_customer_segments(self, user):
        segment = self.env["unifyx.customer.segment"].with_user(user).create({"name": "Segment P"})
        return bool(segment.exists())

    def _place_a_customer_in_a_segment(self, user):
        segment = self.env["unifyx.customer.segment"].create({"name": "Segment Q"})
        customer = self.env["res.partner"].create({"name": "Customer Q", "is_company": True})
        customer.with_user(user).write({"unifyx_customer_segment_id": segment.id})
        return customer.unifyx_customer_segment_id == segment

    def _edit_pricelists(self, user):
        pricelist = self.env["product.pricelist"].with_user(user).create({"name": "Pricelist P"})
        return bool(pricelist.exists())

    def _edit_vendor_prices(self, user):
        price = (
            self.env["product.supplierinfo"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.vendor.id,
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "price": 500,
                }
            )
        )
        return bool(price.exists())

    # -- counts and stock ---------------------------------------------------------------

    def _apply_a_count_under_the_threshold(self, user):
        self.assertFalse(self._count(user, 99))  # 600
        return self._on_hand() == 99

    def _apply_a_count_over_the_threshold_not_approved(self, user):
        request = self._count(user, 80)
        if request:
            request.with_user(user).action_apply()
        return self._on_hand() == 80

    def _apply_an_approved_count(self, user):
        request = self._count(user, 80)
        self.assertTrue(self._approve(request, self.approver))
        request.with_user(user).action_apply()
        return self._on_hand() == 80

    def _write_a_quants_quantity(self, user):
        self.quant.with_user(user).write({"quantity": 500})
        return self._on_hand() == 500

    def _move_stock_out_of_the_inventory_adjustment_location(self, user):
        source = self.product.with_company(self.company).property_stock_inventory
        picking = picked_transfer(
            self.env, user, self.warehouse, self.product, 5, source, self.stock
        )
        picking.button_validate()
        return self._on_hand() == 105

    def _configure_a_warehouse(self, user):
        self.warehouse.with_user(user).write({"name": "Renamed P"})
        return self.warehouse.name == "Renamed P"

    # -- accounting and the system ---------------------------------------------------

    def _edit_the_chart_of_accounts(self, user):
        account = (
            self.env["account.account"]
            .with_user(user)
            .create(
                {
                    "code": "471900",
                    "name": "Suspense P",
                    "account_type": "liability_current",
                    "company_ids": [Command.set(self.company.ids)],
                }
            )
        )
        return bool(account.exists())

    def _administer_the_system(self, user):
        self.env["ir.config_parameter"].with_user(user).set_param("unifyx.policy_test", "1")
        return self.env["ir.config_parameter"].get_param("unifyx.policy_test") == "1"
