# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An integration reaches the suite over Odoo's external API (XML-RPC, the
standard library's client) against the running server: the demo salesperson
creates and confirms a sale, and the role's limits hold exactly as in the UI."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestExternalClient(HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.ref("unifyx_approvals.company_distributor_demo")
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

    def test_salesperson_sells_over_rpc_within_the_role(self):
        uid = self._login("salesperson")
        customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        product = self.env["product.product"].search(
            [("default_code", "=like", "UX-APP-%"), ("tracking", "=", "none")], limit=1
        )
        context = {"allowed_company_ids": self.company.ids}
        order_id = self._call(
            uid,
            "salesperson",
            "sale.order",
            "create",
            {
                "partner_id": customer.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3})],
            },
            context=context,
        )
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
