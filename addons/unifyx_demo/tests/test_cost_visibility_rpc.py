# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Costs hidden from salespeople (the demo distributor's setting), tried over
the external API as an integration would: XML-RPC with the standard library's
client and JSON-RPC. Every cost path is refused or comes back empty; the sales
manager reads the same values; the salesperson still quotes and confirms an
order priced by a cost-plus contract below a margin floor."""

import xmlrpc.client
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import execute_jsonrpc


@tagged("post_install", "-at_install")
class TestCostVisibilityRpc(HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.ref("unifyx_demo.company_distributor_demo")
        self.env = self.env(context=dict(self.env.context, allowed_company_ids=self.company.ids))
        self.env["res.config.settings"]._unifyx_margin_apply_hide_costs(True)
        # Exports are a way to costs: the salesperson may export.
        salesperson = self.env.ref("unifyx_demo.user_salesperson_demo")
        salesperson.groups_id += self.env.ref("base.group_allow_export")
        self.url = self.base_url()
        self.common = xmlrpc.client.ServerProxy("%s/xmlrpc/2/common" % self.url)
        self.models = xmlrpc.client.ServerProxy("%s/xmlrpc/2/object" % self.url, allow_none=True)
        self.context = {"allowed_company_ids": self.company.ids}
        self.product = self.env["product.product"].search(
            [("default_code", "=like", "UX-APP-%"), ("tracking", "=", "none")], limit=1
        )
        self.product.with_company(self.company).standard_price = 37.0
        self.customer = self.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        self.seller = self.env["product.supplierinfo"].create(
            {
                "partner_id": self.env["res.partner"]
                .search([("supplier_rank", ">", 0)], limit=1)
                .id,
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "price": 33.33,
                "company_id": self.company.id,
            }
        )
        self.env.flush_all()

    # -- clients -----------------------------------------------------------------

    def _login(self, login):
        uid = self.common.authenticate(self.env.cr.dbname, login, login, {})
        self.assertTrue(uid, login)
        return uid

    def _xmlrpc(self, login, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self.models.execute_kw(
            self.env.cr.dbname, self._login(login), login, model, method, list(args), kwargs
        )

    def _jsonrpc(self, login, model, method, *args, **kwargs):
        """-> (result, error message or None)"""
        kwargs.setdefault("context", self.context)
        answer = execute_jsonrpc(
            self.url, self.env.cr.dbname, self._login(login), login, model, method, args, kwargs
        )
        error = answer.get("error")
        return answer.get("result"), error and error["data"]["message"]

    def assertRefused(self, model, method, *args, **kwargs):
        """Refused over XML-RPC and over JSON-RPC, with an access error."""
        with self.assertRaises(xmlrpc.client.Fault, msg="xmlrpc %s.%s" % (model, method)) as fault:
            self._xmlrpc("salesperson", model, method, *args, **kwargs)
        self.assertIn("access", fault.exception.faultString)
        result, error = self._jsonrpc("salesperson", model, method, *args, **kwargs)
        self.assertIsNone(result, "jsonrpc %s.%s" % (model, method))
        self.assertIn("access", error or "")

    # -- the paths -----------------------------------------------------------------

    def test_product_costs_are_refused_over_rpc(self):
        ids = self.product.ids
        for field in ("standard_price", "avg_cost", "total_value"):
            self.assertRefused("product.product", "read", ids, [field])
            self.assertRefused("product.product", "search_read", [("id", "in", ids)], [field])
            self.assertRefused("product.product", "export_data", ids, [field])
        self.assertRefused("product.product", "search", [("standard_price", "=", 37.0)])
        self.assertRefused(
            "product.template", "read", self.product.product_tmpl_id.ids, ["standard_price"]
        )
        self.assertRefused(
            "product.product", "read_group", [("id", "in", ids)], ["standard_price:sum"], []
        )
        # The sales manager reads it, and nothing changed.
        [values] = self._xmlrpc("sales_manager", "product.product", "read", ids, ["standard_price"])
        self.assertEqual(values["standard_price"], 37.0)
        self.assertEqual(self.product.with_company(self.company).standard_price, 37.0)

    def test_receipt_unit_costs_are_refused_over_rpc(self):
        """A receipt's move carries the purchase cost per unit."""
        move = self.env["stock.move"].search(
            [
                ("company_id", "=", self.company.id),
                ("picking_code", "=", "incoming"),
                ("price_unit", ">", 0),
            ],
            limit=1,
        )
        self.assertTrue(move, "the demo has receipts")
        self.assertRefused("stock.move", "read", move.ids, ["price_unit"])
        self.assertRefused("stock.move", "search_read", [("id", "=", move.id)], ["price_unit"])
        self.assertRefused("stock.move", "export_data", move.ids, ["price_unit"])
        self.assertRefused("stock.move", "search", [("price_unit", ">", 0)])
        [values] = self._xmlrpc("sales_manager", "stock.move", "read", move.ids, ["price_unit"])
        self.assertEqual(values["price_unit"], move.price_unit)

    def test_vendor_prices_are_out_of_reach_over_rpc(self):
        domain = [("id", "=", self.seller.id)]
        self.assertEqual(self._xmlrpc("salesperson", "product.supplierinfo", "search", domain), [])
        result, error = self._jsonrpc(
            "salesperson", "product.supplierinfo", "search_read", domain, ["price"]
        )
        self.assertEqual((result, error), ([], None))
        self.assertRefused("product.supplierinfo", "read", [self.seller.id], ["price"])
        [values] = self._xmlrpc(
            "purchaser", "product.supplierinfo", "read", [self.seller.id], ["price"]
        )
        self.assertEqual(values["price"], 33.33)

    def test_margins_are_refused_over_rpc(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "user_id": self.env.ref("unifyx_demo.user_salesperson_demo").id,
                "order_line": [Command.create({"product_id": self.product.id, "price_unit": 50})],
            }
        )
        lines = order.order_line.ids
        self.env.flush_all()
        for field in ("purchase_price", "margin_percent", "unifyx_expected_margin_percent"):
            self.assertRefused("sale.order.line", "read", lines, [field])
            self.assertRefused("sale.order.line", "search_read", [("id", "in", lines)], [field])
            self.assertRefused("sale.order.line", "export_data", lines, [field])
        self.assertRefused("sale.order", "read", order.ids, ["margin_percent"])
        self.assertRefused("sale.report", "read_group", [], ["margin:sum"], ["product_id"])
        self.assertRefused("sale.report", "search_read", [], ["margin"], limit=1)
        [values] = self._xmlrpc(
            "sales_manager", "sale.order.line", "read", lines, ["margin_percent"]
        )
        self.assertAlmostEqual(values["margin_percent"], (50 - 37) / 50)

    def test_salesperson_quotes_and_confirms_cost_plus_below_a_floor_over_rpc(self):
        contract = self.env["unifyx.price.contract"].create(
            {
                "name": "Cost-plus RPC",
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "date_start": date(2020, 1, 1),
                "line_ids": [
                    Command.create(
                        {"product_id": self.product.id, "price_type": "cost_plus", "markup": 30}
                    )
                ],
            }
        )
        contract.with_user(self.env.ref("unifyx_demo.user_sales_manager_demo")).action_activate()
        self.env["unifyx.margin.floor"].create(
            {
                "company_id": self.company.id,
                "partner_id": self.customer.id,
                "min_margin_percent": 60,
                "policy": "warn",
            }
        )
        # The server's requests share the test's cursor, not its pending writes.
        self.env.flush_all()
        order_id = self._xmlrpc(
            "salesperson",
            "sale.order",
            "create",
            {
                "partner_id": self.customer.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 2})],
            },
        )
        [line] = self._xmlrpc(
            "salesperson",
            "sale.order.line",
            "search_read",
            [("order_id", "=", order_id)],
            ["price_unit", "unifyx_price_reason", "unifyx_floor_warning", "unifyx_below_floor"],
        )
        self.assertAlmostEqual(line["price_unit"], 48.1)  # 37 + 30 %
        self.assertIn("Cost-plus RPC", line["unifyx_price_reason"])
        self.assertNotIn("30", line["unifyx_price_reason"])
        self.assertTrue(line["unifyx_below_floor"])
        self.assertIn("60.0 %", line["unifyx_floor_warning"])
        result, error = self._jsonrpc(
            "salesperson", "sale.order.line", "read", [line["id"]], ["unifyx_price_reason"]
        )
        self.assertIsNone(error)
        self.assertNotIn("30", result[0]["unifyx_price_reason"])
        self._xmlrpc("salesperson", "sale.order", "action_confirm", [order_id])
        [order] = self._xmlrpc("salesperson", "sale.order", "read", [order_id], ["state"])
        self.assertEqual(order["state"], "sale")
        # The chatter the salesperson reads tells no margin (23.1 %).
        bodies = self._xmlrpc(
            "salesperson",
            "mail.message",
            "search_read",
            [("model", "=", "sale.order"), ("res_id", "=", order_id)],
            ["body"],
        )
        self.assertTrue(any("floor" in m["body"] for m in bodies))
        self.assertFalse([m for m in bodies if "23.1" in m["body"]])
        # The sales manager reads the markup in the same reason.
        [managed] = self._xmlrpc(
            "sales_manager", "sale.order.line", "read", [line["id"]], ["unifyx_price_reason"]
        )
        self.assertIn("cost +30", managed["unifyx_price_reason"])
