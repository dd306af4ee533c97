# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An integration reaches the suite over Odoo's external API (XML-RPC, the
standard library's client) against the running server: the demo salesperson
creates and confirms a sale, and the role's limits, the approval matrix and
the prices hold exactly as in the UI."""

import xmlrpc.client

from odoo.tests import Form, HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin


@tagged("post_install", "-at_install")
class TestExternalClient(RpcClientMixin, HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.ref("unifyx_demo.company_distributor_demo")
        self.url = self.base_url()
        self.common = xmlrpc.client.ServerProxy("%s/xmlrpc/2/common" % self.url)
        self.models = xmlrpc.client.ServerProxy("%s/xmlrpc/2/object" % self.url, allow_none=True)

    def _login(self, login):
        uid = self.common.authenticate(self.env.cr.dbname, login, login, {})
        self.assertTrue(uid, "the demo user %s logs in" % login)
        return uid

    def _call(self, uid, password, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.env.cr.dbname, uid, password, model, method, list(args), kwargs
        )

    def _quote_over_rpc(self, uid, customer, products, quantity, **vals):
        """The demo salesperson (``uid``) quotes ``quantity`` of each of
        ``products`` to ``customer`` over XML-RPC, sending no price; the
        quotation's id. Other order fields come in ``vals``."""
        lines = [
            (0, 0, {"product_id": product.id, "product_uom_qty": quantity}) for product in products
        ]
        return self._call(
            uid,
            "salesperson",
            "sale.order",
            "create",
            dict(vals, partner_id=customer.id, order_line=lines),
            context={"allowed_company_ids": self.company.ids},
        )

    def test_salesperson_sells_over_rpc_within_the_role(self):
        uid = self._login("salesperson")
        customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        product = self.env["product.product"].search(
            [("default_code", "=like", "UX-APP-%"), ("tracking", "=", "none")], limit=1
        )
        context = {"allowed_company_ids": self.company.ids}
        order_id = self._quote_over_rpc(uid, customer, product, 3)
        self._call(uid, "salesperson", "sale.order", "action_confirm", [order_id], context=context)
        [order] = self._call(
            uid,
            "salesperson",
            "sale.order",
            "read",
            [order_id],
            ["state", "company_id", "user_id", "amount_untaxed"],
            context=context,
        )
        self.assertEqual(order["state"], "sale")
        self.assertEqual(order["company_id"][0], self.company.id)
        self.assertEqual(order["user_id"][0], uid)
        # Priced from the catalogue by the server, not by the client.
        record = self.env["sale.order"].browse(order_id)
        self.assertAlmostEqual(order["amount_untaxed"], record.amount_untaxed, places=2)
        self.assertTrue(record.picking_ids, "confirming over RPC plans the delivery")
        # A salesperson does not buy: creating a purchase order is refused.
        vendor = product.seller_ids[:1].partner_id
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._call(
                uid,
                "salesperson",
                "purchase.order",
                "create",
                {"partner_id": vendor.id},
                context=context,
            )
        self.assertIn("not allowed to create", fault.exception.faultString)
        self.assertIn("(purchase.order)", fault.exception.faultString)
        self.assertFalse(
            self.env["purchase.order"].search(
                [("partner_id", "=", vendor.id), ("create_uid", "=", uid)]
            )
        )
        # Nor does the salesperson post journal entries.
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(uid, "salesperson", "account.move", "action_post", [1], context=context)
        # A wrong password is refused.
        self.assertFalse(self.common.authenticate(self.env.cr.dbname, "salesperson", "wrong", {}))

    # -- approval matrix over RPC ------------------------------------------------

    def _approve_over_rpc(self, login, model, record_id, context):
        """Approve as the UI does: validate_tier opens the comment wizard, whose
        button records the decision."""
        uid = self._login(login)
        action = self._call(uid, login, model, "validate_tier", [record_id], context=context)
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard_id = self._call(
            uid,
            login,
            "comment.wizard",
            "create",
            {"comment": "Approved from the integration"},
            context=dict(context, **action["context"]),
        )
        self._call_json(uid, login, "comment.wizard", "add_comment", [wizard_id], context=context)

    def _assert_confirm_refused(self, uid, login, order, confirm, state, context):
        """Confirming ``order`` (its ``confirm`` button) is refused over RPC, and
        so is writing its ``state``: it stays a draft."""
        for method, args in ((confirm, []), ("write", [{"state": state}])):
            with self.assertRaises(xmlrpc.client.Fault, msg=method) as fault:
                self._call(uid, login, order._name, method, [order.id], *args, context=context)
            self.assertIn("validat", fault.exception.faultString, method)
            order.invalidate_recordset()
            self.assertEqual(order.state, "draft", method)

    def _approve_then_confirm(self, uid, login, order, confirm, approver, context):
        """While its review waits, ``order`` cannot be confirmed; ``approver``
        approves it over RPC, then ``login`` confirms it."""
        with self.assertRaises(xmlrpc.client.Fault):
            self._call(uid, login, order._name, confirm, [order.id], context=context)
        self._approve_over_rpc(approver, order._name, order.id, context)
        order.invalidate_recordset()
        self.assertEqual(order.validation_status, "validated")
        self._call(uid, login, order._name, confirm, [order.id], context=context)

    def _call_json(self, uid, password, model, method, *args, **kwargs):
        """The same call over Odoo's JSON-RPC endpoint: integrations use either
        (the approval flow answers plain XML-RPC too, see unifyx_approvals'
        test_governance_rpc.py). The demo users' password is their login."""
        user = self.env["res.users"].browse(uid)
        self.assertEqual(user.login, password)
        result, error = self.jsonrpc_call(user, model, method, *args, **kwargs)
        self.assertIsNone(error, error)
        return result

    def test_sale_approval_holds_over_rpc(self):
        """Longer payment terms than the customer's need the sales manager
        (the demo matrix row "Sales with longer payment terms")."""
        uid = self._login("salesperson")
        customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        product = self.env["product.product"].search(
            [("default_code", "=like", "UX-APP-%"), ("tracking", "=", "none")], limit=1
        )
        terms_45 = self.env.ref("account.account_payment_term_45days")
        self.assertNotEqual(customer.with_company(self.company).property_payment_term_id, terms_45)
        context = {"allowed_company_ids": self.company.ids}
        order_id = self._quote_over_rpc(uid, customer, product, 4, payment_term_id=terms_45.id)
        order = self.env["sale.order"].browse(order_id)
        self.assertEqual(order.unifyx_exception_type_ids.code, "payment_terms")
        # Confirming is refused, and so is forcing the state.
        self._assert_confirm_refused(uid, "salesperson", order, "action_confirm", "sale", context)
        # The salesperson asks for approval, and still cannot confirm meanwhile.
        self._call_json(
            uid, "salesperson", "sale.order", "request_validation", [order_id], context=context
        )
        order.invalidate_recordset()
        self.assertEqual(order.review_ids.status, "pending")
        # The sales manager approves over RPC; then the order confirms.
        self._approve_then_confirm(
            uid, "salesperson", order, "action_confirm", "sales_manager", context
        )
        [read] = self._call(
            uid, "salesperson", "sale.order", "read", [order_id], ["state"], context=context
        )
        self.assertEqual(read["state"], "sale")
        self.assertTrue(order.picking_ids)

    def test_purchase_band_holds_over_rpc(self):
        """A purchase of 5,000 to 25,000 EUR needs a purchasing manager."""
        uid = self._login("purchaser")
        product = self.env["product.product"].search(
            [("default_code", "=like", "UX-%"), ("tracking", "=", "none")], limit=1
        )
        vendor = product.seller_ids[:1].partner_id
        context = {"allowed_company_ids": self.company.ids}
        order_id = self._call(
            uid,
            "purchaser",
            "purchase.order",
            "create",
            {
                "partner_id": vendor.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_qty": 10, "price_unit": 800.0})
                ],
            },
            context=context,
        )
        order = self.env["purchase.order"].browse(order_id)
        self.assertAlmostEqual(order.unifyx_approval_amount, 8000.0, places=2)
        self._assert_confirm_refused(uid, "purchaser", order, "button_confirm", "purchase", context)
        self._call_json(
            uid, "purchaser", "purchase.order", "request_validation", [order_id], context=context
        )
        order.invalidate_recordset()
        self.assertEqual(
            order.review_ids.definition_id.unifyx_matrix_id,
            self.env.ref("unifyx_demo.approval_matrix_po_mid_demo"),
        )
        self._approve_then_confirm(
            uid, "purchaser", order, "button_confirm", "purchase_manager", context
        )
        order.invalidate_recordset()
        self.assertEqual(order.state, "purchase")
        self.assertTrue(order.picking_ids)

    def test_price_over_rpc_is_the_price_on_screen(self):
        """The client sends no price: the line the server prices is the line the
        salesperson gets on the order form."""
        uid = self._login("salesperson")
        salesperson = self.env["res.users"].browse(uid)
        customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        products = self.env["product.product"].search(
            [("default_code", "=like", "UX-%"), ("tracking", "=", "none")], limit=3
        )
        context = {"allowed_company_ids": self.company.ids}
        order_id = self._quote_over_rpc(uid, customer, products, 5)
        rpc_lines = self._call(
            uid,
            "salesperson",
            "sale.order.line",
            "search_read",
            [("order_id", "=", order_id)],
            ["product_id", "price_unit", "discount", "price_subtotal", "tax_id"],
            context=dict(context, order="id"),
        )
        form = Form(self.env["sale.order"].with_user(salesperson).with_context(**context))
        form.partner_id = customer
        for product in products:
            with form.order_line.new() as line:
                line.product_id = product
                line.product_uom_qty = 5
        screen = form.save()
        self.assertEqual(len(rpc_lines), len(products))
        for rpc_line, screen_line in zip(rpc_lines, screen.order_line, strict=True):
            self.assertEqual(rpc_line["product_id"][0], screen_line.product_id.id)
            self.assertTrue(rpc_line["price_unit"])
            self.assertAlmostEqual(rpc_line["price_unit"], screen_line.price_unit, places=2)
            self.assertAlmostEqual(rpc_line["discount"], screen_line.discount, places=2)
            self.assertAlmostEqual(rpc_line["price_subtotal"], screen_line.price_subtotal, places=2)
            self.assertEqual(rpc_line["tax_id"], screen_line.tax_id.ids)
