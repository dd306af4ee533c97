# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The attacks of test_governance.py again, over the external API against the
running test server, as fresh users per role in a company of the test's own
(password = login), with the client's example matrix: plain
``xmlrpc.client`` on /xmlrpc/2/object and JSON-RPC on /jsonrpc. Each
asserts the refusal over both, then re-reads the database."""

import xmlrpc.client

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import RoleUsersMixin, RpcClientMixin, decide, matrix_row


class JsonRpcError(Exception):
    pass


# x2many commands as plain tuples: what a client sends (xmlrpc.client cannot
# marshal odoo.Command).
def create(vals):
    return (0, 0, vals)


def update(record_id, vals):
    return (1, record_id, vals)


def set_ids(ids):
    return (6, 0, ids)


@tagged("post_install", "-at_install")
class TestGovernanceRpc(RpcClientMixin, RoleUsersMixin, HttpCase):
    # The short names the tests use -> the role of the user they stand for.
    LOGINS = {
        "purchaser": "purchaser",
        "purchase_manager": "purchasing_manager",
        "salesperson": "salesperson",
        "sales_manager": "sales_manager",
        "wh_operator": "warehouse_operator",
        "wh_manager": "warehouse_manager",
        "finance": "finance",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env = cls.env(
            context=dict(
                cls.env.context, allowed_company_ids=cls.company.ids, tracking_disable=True
            )
        )
        cls.user = {name: cls.users[role] for name, role in cls.LOGINS.items()}
        # The client's example matrix, on a company of the test's own.
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_purchasing_manager",
            name="Purchases 5,000 to 25,000",
            amount_min=5000,
            amount_max=25000,
        )
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_purchasing_manager",
            "unifyx_base.group_finance",
            name="Purchases over 25,000",
            amount_min=25000.01,
        )
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_sales_manager",
            document_type="sale",
            name="Sales with longer payment terms",
            exception_type_ids=[
                Command.link(cls.env.ref("unifyx_approvals.exception_type_payment_terms").id)
            ],
        )
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_warehouse_manager",
            document_type="inventory",
            name="Inventory differences over 1,000",
            amount_min=1000.01,
        )
        cls.rpc_context = {"allowed_company_ids": cls.company.ids}
        cls.product = cls.env["product.product"].create(
            {
                "name": "RPC governed widget",
                "type": "consu",
                "is_storable": True,
                "list_price": 300,
                "taxes_id": False,
                "supplier_taxes_id": False,
            }
        )
        cls.product.with_company(cls.company).standard_price = 100.0
        cls.vendor = cls.env["res.partner"].create({"name": "RPC vendor"})
        cls.customer = cls.env["res.partner"].create({"name": "RPC customer"})
        cls.customer.with_company(cls.company).property_payment_term_id = cls.env.ref(
            "account.account_payment_term_30days"
        )
        cls.terms_45 = cls.env.ref("account.account_payment_term_45days")
        cls.lyon = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1)
        cls.team2 = cls.env["crm.team"].create({"name": "RPC team", "company_id": cls.company.id})
        # The sale row above is on an exception only: a band makes the amount count.
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_sales_manager",
            document_type="sale",
            name="Sales from 500",
            amount_min=500,
        )

    # -- the two clients ----------------------------------------------------------

    def xmlrpc(self, login, model, method, *args, **kwargs):
        """Plain xmlrpc.client, without allow_none: what an integration uses."""
        return self.xmlrpc_call(self.user[login], model, method, *args, **kwargs)

    def jsonrpc(self, login, model, method, *args, **kwargs):
        result, error = self.jsonrpc_call(self.user[login], model, method, *args, **kwargs)
        if error is not None:
            raise JsonRpcError(error)
        return result

    def assertRefused(self, login, model, method, *args, **kwargs):
        """Refused over XML-RPC and over JSON-RPC; returns the two messages."""
        return self.assertRpcRefused("", self.user[login], model, method, *args, **kwargs)

    def snapshot(self, record):
        self.env.invalidate_all()
        return {
            "state": record.state,
            "validation_status": record.validation_status,
            "reviews": sorted((r.id, r.status, r.comment or "") for r in record.review_ids),
            "amount": record.unifyx_approval_amount,
            "lines": sorted(
                (line.id, line[record._unifyx_line_amount_field])
                for line in record[record._unifyx_lines_field]
            ),
        }

    # -- documents ----------------------------------------------------------------

    def purchase(self, *prices, login="purchaser"):
        order_id = self.xmlrpc(
            login,
            "purchase.order",
            "create",
            {
                "partner_id": self.vendor.id,
                "order_line": [
                    create({"product_id": self.product.id, "product_qty": 1, "price_unit": price})
                    for price in prices
                ],
            },
        )
        return self.env["purchase.order"].browse(order_id)

    def sale(self, login="salesperson"):
        order = (
            self.env["sale.order"]
            .with_user(self.user[login])
            .create(
                {
                    "partner_id": self.customer.id,
                    "payment_term_id": self.terms_45.id,
                    "order_line": [create({"product_id": self.product.id, "product_uom_qty": 2})],
                }
            )
        )
        self.assertTrue(order.unifyx_exception_type_ids, "longer terms: the sales manager approves")
        return order

    def count(self):
        self.env["stock.quant"]._update_available_quantity(self.product, self.lyon.lot_stock_id, 50)
        quant = (
            self.env["stock.quant"]
            .with_user(self.user["wh_operator"])
            .search(
                [
                    ("product_id", "=", self.product.id),
                    ("location_id", "=", self.lyon.lot_stock_id.id),
                ]
            )
        )
        quant.inventory_quantity = 30
        action = quant.action_apply_inventory()
        return self.env["unifyx.inventory.approval"].browse(action["res_id"])

    # -- class 1 ------------------------------------------------------------------

    def _forge_over_rpc(self, record, login, confirm):
        before = self.snapshot(record)
        review = record.review_ids[:1]
        skip = {"skip_validation_check": True, "skip_check_state_condition": True}
        for vals in (
            {
                "review_ids": [
                    create(
                        {
                            "model": record._name,
                            "definition_id": review.definition_id.id,
                            "status": "approved",
                        }
                    )
                ]
            },
            {"review_ids": [update(review.id, {"status": "approved"})]},
            {"review_ids": [(2, review.id, 0)]},
            {"review_ids": [(5, 0, 0)]},
            {"validation_status": "validated"},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(login, record._name, "write", [record.id], vals, context=skip)
                self.assertEqual(self.snapshot(record), before)
        for method, args in (("write", [{"status": "approved"}]), ("unlink", [])):
            self.assertRefused(login, "tier.review", method, review.ids, *args)
        self.assertRefused(login, record._name, confirm, [record.id], context=skip)
        self.assertEqual(self.snapshot(record), before)

    def test_forged_reviews_refused_over_rpc(self):
        order = self.purchase(8000)
        self.assertIs(
            self.xmlrpc("purchaser", "purchase.order", "request_validation", [order.id]), True
        )
        self._forge_over_rpc(order, "purchaser", "button_confirm")
        sale = self.sale()
        sale.with_user(self.user["salesperson"]).request_validation()
        self._forge_over_rpc(sale, "salesperson", "action_confirm")
        request = self.count()
        self._forge_over_rpc(request, "wh_operator", "action_apply")

    def test_forged_comment_wizard_refused_over_rpc(self):
        own = self.sale(login="sales_manager")
        own.with_user(self.user["sales_manager"]).request_validation()
        other = self.sale()
        other.with_user(self.user["salesperson"]).request_validation()
        before = self.snapshot(own), self.snapshot(other)
        for client in (self.xmlrpc, self.jsonrpc):
            wizard_id = client(
                "sales_manager",
                "comment.wizard",
                "create",
                {
                    "res_model": "sale.order",
                    "res_id": other.id,
                    "review_ids": [set_ids(own.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "forged",
                },
            )
            refusal = xmlrpc.client.Fault if client == self.xmlrpc else JsonRpcError
            with self.assertRaises(refusal):
                client("sales_manager", "comment.wizard", "add_comment", [wizard_id])
            self.assertEqual((self.snapshot(own), self.snapshot(other)), before)

    # -- classes 2 and 3 ----------------------------------------------------------

    def test_worse_purchase_over_rpc(self):
        order = self.purchase(8000)
        order.with_user(self.user["purchaser"]).request_validation()
        decide(order, self.user["purchase_manager"])
        line = order.order_line
        # 8,000 approved, 80,000 written on the line itself: approval starts again.
        self.xmlrpc("purchaser", "purchase.order.line", "write", line.ids, {"price_unit": 80000})
        self.env.invalidate_all()
        self.assertFalse(order.review_ids)
        self.assertRefused("purchaser", "purchase.order", "button_confirm", [order.id])
        self.assertEqual(order.state, "draft")
        # Approved again, confirmed: it cannot get worse any more.
        order.with_user(self.user["purchaser"]).request_validation()
        for user in ("purchase_manager", "finance"):
            decide(order, self.user[user])
        self.xmlrpc("purchaser", "purchase.order", "button_confirm", [order.id])
        self.env.invalidate_all()
        self.assertEqual(order.state, "purchase")
        before = self.snapshot(order)
        self.assertRefused(
            "purchaser", "purchase.order.line", "write", line.ids, {"product_qty": 5}
        )
        self.assertRefused(
            "purchaser",
            "purchase.order.line",
            "create",
            {"order_id": order.id, "product_id": self.product.id, "price_unit": 9000},
        )
        self.assertEqual(self.snapshot(order), before)

    def test_gross_amount_over_rpc(self):
        order = self.purchase(30000, -26000)
        self.assertEqual(order.amount_untaxed, 4000)
        self.assertRefused("purchaser", "purchase.order", "button_confirm", [order.id])
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.unifyx_approval_amount, 30000)

    def test_worse_sale_over_rpc(self):
        order = self.sale()
        order.with_user(self.user["salesperson"]).request_validation()
        decide(order, self.user["sales_manager"])
        self.jsonrpc(
            "salesperson",
            "sale.order.line",
            "create",
            {
                "order_id": order.id,
                "product_id": self.product.id,
                "product_uom_qty": 1,
                "price_unit": 500,
            },
        )
        self.env.invalidate_all()
        self.assertFalse(order.review_ids, "a line added: approval starts again")
        self.assertRefused("salesperson", "sale.order", "action_confirm", [order.id])
        self.assertEqual(order.state, "draft")

    # -- class 6: fields the matrix matches on, with OCA's skip key -----------------

    def test_skip_key_does_not_change_an_approved_sale_over_rpc(self):
        order = self.sale()
        order.with_user(self.user["salesperson"]).request_validation()
        decide(order, self.user["sales_manager"])
        before = self.snapshot(order), order.team_id
        skip = {"skip_validation_check": True}
        self.assertRefused(
            "salesperson",
            "sale.order",
            "write",
            [order.id],
            {"team_id": self.team2.id},
            context=skip,
        )
        self.assertEqual((self.snapshot(order), order.team_id), before)

    def test_lock_button_and_confirmed_create_over_rpc(self):
        # Lock on a draft, then Unlock: confirmed with no approval.
        order = self.purchase(8000)
        before = self.snapshot(order)
        self.assertRefused("purchaser", "purchase.order", "button_done", [order.id])
        self.assertRefused("purchaser", "purchase.order", "write", [order.id], {"state": "done"})
        self.assertEqual(self.snapshot(order), before)
        # Created, or copied, straight into a confirmed state.
        purchases = self.env["purchase.order"].search([("partner_id", "=", self.vendor.id)])
        self.assertRefused(
            "purchaser",
            "purchase.order",
            "create",
            {
                "partner_id": self.vendor.id,
                "state": "purchase",
                "order_line": [
                    create({"product_id": self.product.id, "product_qty": 1, "price_unit": 8000})
                ],
            },
        )
        self.assertRefused("purchaser", "purchase.order", "copy", order.id, {"state": "done"})
        self.assertEqual(
            self.env["purchase.order"].search([("partner_id", "=", self.vendor.id)]), purchases
        )
        sales = self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        self.assertRefused(
            "salesperson",
            "sale.order",
            "create",
            {
                "partner_id": self.customer.id,
                "payment_term_id": self.terms_45.id,
                "state": "sale",
                "order_line": [create({"product_id": self.product.id, "product_uom_qty": 2})],
            },
        )
        self.assertEqual(
            self.env["sale.order"].search([("partner_id", "=", self.customer.id)]), sales
        )

    def test_restart_does_not_unbind_a_confirmed_order_over_rpc(self):
        order = self.purchase(1000)
        self.xmlrpc("purchaser", "purchase.order", "button_confirm", [order.id])
        self.env.invalidate_all()
        self.assertEqual(order.state, "purchase")
        for client in (self.xmlrpc, self.jsonrpc):
            self.assertIs(
                client("purchaser", "purchase.order", "restart_validation", [order.id]), True
            )
        before = self.snapshot(order)
        self.assertRefused(
            "purchaser", "purchase.order.line", "write", order.order_line.ids, {"price_unit": 80000}
        )
        self.assertEqual(self.snapshot(order), before)

    def test_small_count_applied_over_plain_xmlrpc(self):
        # Under the threshold, Odoo's Apply answered None after moving the stock:
        # a marshalling fault that an integration retrying would take for a failure.
        self.env["stock.quant"]._update_available_quantity(self.product, self.lyon.lot_stock_id, 50)
        quant = self.env["stock.quant"].search(
            [("product_id", "=", self.product.id), ("location_id", "=", self.lyon.lot_stock_id.id)]
        )
        # The server thread reads the database: what the test wrote must be in it.
        self.env.flush_all()
        self.xmlrpc("wh_operator", "stock.quant", "write", quant.ids, {"inventory_quantity": 49})
        self.assertIs(
            self.xmlrpc("wh_operator", "stock.quant", "action_apply_inventory", quant.ids), True
        )
        self.env.invalidate_all()
        self.assertEqual(quant.quantity, 49)
        self.assertFalse(
            self.env["unifyx.inventory.approval"].search([("line_ids.quant_id", "=", quant.id)])
        )

    # -- build 8: bad input ---------------------------------------------------------

    def test_bad_input_over_rpc(self):
        order = self.sale()
        lines = order.order_line
        messages = self.assertRefused(
            "salesperson",
            "sale.order.line",
            "create",
            {"order_id": order.id, "product_id": self.product.id, "product_uom_qty": -5},
        )
        for message in messages:
            self.assertIn("cannot be negative", message)
        self.assertRefused(
            "salesperson", "sale.order.line", "write", lines.ids, {"price_unit": 99999999}
        )
        self.assertEqual(order.order_line, lines)
        self.assertEqual(lines.product_uom_qty, 2)
        self.assertRefused(
            "purchaser",
            "purchase.order",
            "create",
            {
                "partner_id": self.vendor.id,
                "order_line": [
                    create({"product_id": self.product.id, "product_qty": -3, "price_unit": 10})
                ],
            },
        )
        self.assertFalse(self.env["purchase.order"].search([("partner_id", "=", self.vendor.id)]))

    # -- build 7: plain XML-RPC through the whole flow --------------------------------

    def decide_over_xmlrpc(self, login, record, button, comment):
        """``login`` presses ``button`` (validate_tier or reject_tier) on
        ``record`` and gives ``comment`` in the wizard it opens, over plain
        XML-RPC; returns the wizard's id."""
        action = self.xmlrpc(login, record._name, button, [record.id])
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard_id = self.xmlrpc(
            login, "comment.wizard", "create", {"comment": comment}, context=action["context"]
        )
        self.assertIs(self.xmlrpc(login, "comment.wizard", "add_comment", [wizard_id]), True)
        return wizard_id

    def test_approval_flow_over_plain_xmlrpc(self):
        """request_validation, validate_tier and add_comment answer plain
        xmlrpc.client: a retry after an answer cannot approve twice."""
        order = self.purchase(8000)
        self.assertIs(
            self.xmlrpc("purchaser", "purchase.order", "request_validation", [order.id]), True
        )
        wizard_id = self.decide_over_xmlrpc(
            "purchase_manager", order, "validate_tier", "Approved by the integration"
        )
        self.env.invalidate_all()
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.review_ids.done_by, self.user["purchase_manager"])
        # Nothing left to decide: the button says so, the wizard approves nothing more.
        self.assertIs(
            self.xmlrpc("purchase_manager", "purchase.order", "validate_tier", [order.id]), True
        )
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc("purchase_manager", "comment.wizard", "add_comment", [wizard_id])
        self.assertIs(
            self.xmlrpc("purchaser", "purchase.order", "button_confirm", [order.id]), True
        )
        # Reject over plain XML-RPC too.
        other = self.purchase(9000)
        self.xmlrpc("purchaser", "purchase.order", "request_validation", [other.id])
        self.decide_over_xmlrpc("purchase_manager", other, "reject_tier", "Too dear")
        self.env.invalidate_all()
        self.assertEqual(other.validation_status, "rejected")
