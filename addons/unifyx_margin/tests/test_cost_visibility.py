# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One cost policy, costs hidden from salespeople: every path to a cost
(read, search_read, read_group, export, a search on the field) is refused to
them or finds nothing, and the roles that work with costs read them."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import MarginCase

COST_GROUP = "product_cost_security.group_product_cost"


@tagged("post_install", "-at_install")
class TestCostVisibility(MarginCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.config.settings"]._unifyx_margin_apply_hide_costs(True)
        for role, group in (
            ("purchaser", "unifyx_approvals.group_purchaser"),
            ("warehouse_manager", "unifyx_approvals.group_warehouse_manager"),
            ("warehouse_operator", "unifyx_approvals.group_warehouse_operator"),
            ("director", "unifyx_approvals.group_director"),
            ("inventory_admin", "stock.group_stock_manager"),
        ):
            cls.users[role] = mail_new_test_user(
                cls.env,
                login="unifyx_cost_test_%s" % role,
                groups="base.group_user,%s" % group,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
        # Exports are a way to costs: this salesperson may export.
        cls.salesperson.groups_id += cls.env.ref("base.group_allow_export")
        cls.seller = cls.env["product.supplierinfo"].create(
            {
                "partner_id": cls.vendor.id,
                "product_tmpl_id": cls.product_avco.product_tmpl_id.id,
                "price": 11.5,
                "company_id": cls.company.id,
            }
        )

    def as_(self, role, model):
        return self.env[model].with_user(self.users[role])

    def refused(self, model, ids, field, role="salesperson"):
        """Every read path of ``field`` is refused to ``role``."""
        Model = self.as_(role, model)
        records = Model.browse(ids)
        with self.assertRaises(AccessError, msg="read %s" % field):
            records.read([field])
        with self.assertRaises(AccessError, msg="search_read %s" % field):
            Model.search_read([("id", "in", ids)], [field])
        with self.assertRaises(AccessError, msg="web_read %s" % field):
            records.web_read({field: {}})
        with self.assertRaises(AccessError, msg="export %s" % field):
            records.export_data([field])
        if Model._fields[field].store:
            with self.assertRaises(AccessError, msg="search on %s" % field):
                Model.search([(field, "!=", False)])
            with self.assertRaises(AccessError, msg="order by %s" % field):
                Model.search([("id", "in", ids)], order=field)
            if Model._fields[field].aggregator:
                with self.assertRaises(AccessError, msg="read_group %s" % field):
                    Model.read_group([("id", "in", ids)], ["%s:sum" % field], [])

    # -- products -----------------------------------------------------------

    def test_product_cost_and_valuation_are_refused(self):
        self.receive(self.product_avco, 10, 12.0)
        product = self.product_avco
        for field in ("standard_price", "avg_cost", "total_value", "value_svl"):
            self.refused("product.product", product.ids, field)
        self.refused("product.template", product.product_tmpl_id.ids, "standard_price")
        # Through a relation too: the cost of the product of an order line.
        line = self.order([(product, 1, 20.0, 0)]).order_line
        with self.assertRaises(AccessError):
            line.with_user(self.salesperson).export_data(["product_id/avg_cost"])
        with self.assertRaises(AccessError):
            line.with_user(self.salesperson).export_data(["product_id/standard_price"])
        # The product itself stays readable, and the roles working with costs read it.
        self.assertEqual(product.with_user(self.salesperson).read(["name"])[0]["name"], "Breaker M")
        for role in (
            "purchaser",
            "warehouse_manager",
            "sales_manager",
            "finance",
            "director",
            "consultant",
        ):
            [values] = (
                self.as_(role, "product.product")
                .browse(product.id)
                .read(["standard_price", "avg_cost"])
            )
            self.assertAlmostEqual(values["standard_price"], 12.0, msg=role)
            self.assertAlmostEqual(values["avg_cost"], 12.0, msg=role)

    def test_only_cost_editors_change_a_cost(self):
        """A purchaser reads costs; changing one (a stock revaluation) is for
        the roles given Product costs / Edit."""
        # Manual valuation: no journal entry, so only the cost policy decides.
        categ = self.env["product.category"].create({"name": "Manual cost"})
        categ.with_company(self.company).property_valuation = "manual_periodic"
        product = self._product("Manual M", categ, 12.0).with_company(self.company)
        for role in ("purchaser", "salesperson"):
            with self.assertRaises(AccessError, msg=role):
                self.as_(role, "product.product").browse(product.id).write({"standard_price": 1.0})
        self.assertEqual(product.standard_price, 12.0, "unchanged")
        self.as_("finance", "product.product").browse(product.id).write({"standard_price": 13.0})
        self.assertEqual(product.standard_price, 13.0)

    def test_vendor_prices_are_out_of_reach(self):
        Info = self.as_("salesperson", "product.supplierinfo")
        self.assertFalse(Info.search([("id", "=", self.seller.id)]))
        self.assertFalse(Info.search_read([("price", ">", 0)], ["price"]))
        [group] = Info.read_group([("id", "=", self.seller.id)], ["price:sum"], [])
        self.assertEqual((group["__count"], group["price"]), (0, False))
        with self.assertRaises(AccessError):
            Info.browse(self.seller.id).read(["price"])
        with self.assertRaises(AccessError):
            Info.browse(self.seller.id).export_data(["price"])
        template = self.product_avco.product_tmpl_id.with_user(self.salesperson)
        self.assertFalse(template.seller_ids)
        self.assertEqual(self.seller.price, 11.5, "unchanged")
        for role in ("purchaser", "sales_manager", "finance"):
            [values] = self.as_(role, "product.supplierinfo").browse(self.seller.id).read(["price"])
            self.assertEqual(values["price"], 11.5, role)

    def test_valuation_layers_need_the_cost_group(self):
        self.receive(self.product_avco, 5, 12.0)
        domain = [("product_id", "=", self.product_avco.id)]
        # An inventory administrator without a cost role (costs hidden) reads none.
        self.assertFalse(self.as_("inventory_admin", "stock.valuation.layer").search(domain))
        with self.assertRaises(AccessError):
            self.as_("salesperson", "stock.valuation.layer").search(domain)
        layers = self.as_("warehouse_manager", "stock.valuation.layer").search(domain)
        self.assertEqual(sum(layers.mapped("value")), 60.0)

    def test_freight_rates_are_refused(self):
        rate = self.env["unifyx.margin.freight.rate"].create(
            {"company_id": self.company.id, "rate_type": "percent", "rate": 3.0}
        )
        with self.assertRaises(AccessError):
            self.as_("salesperson", "unifyx.margin.freight.rate").search_read([], ["rate"])
        with self.assertRaises(AccessError):
            rate.with_user(self.salesperson).read(["rate"])
        self.assertTrue(self.as_("sales_manager", "unifyx.margin.freight.rate").search([]))

    # -- sales ------------------------------------------------------------------

    def test_margins_of_lines_and_orders_are_refused(self):
        order = self.order([(self.product_avco, 2, 20.0, 0)])
        for field in (
            "purchase_price",
            "margin",
            "margin_percent",
            "unifyx_expected_margin_percent",
            "unifyx_real_margin_percent",
            "unifyx_expected_unit_cost",
            "unifyx_floor_message",
        ):
            self.refused("sale.order.line", order.order_line.ids, field)
        for field in (
            "margin",
            "margin_percent",
            "unifyx_expected_margin_percent",
            "unifyx_real_margin_percent",
        ):
            self.refused("sale.order", order.ids, field)
        # The salesperson still reads the order, and managers the margin.
        self.assertTrue(order.with_user(self.salesperson).read(["amount_untaxed"]))
        [values] = order.order_line.with_user(self.manager).read(
            ["margin_percent", "unifyx_expected_margin_percent"]
        )
        self.assertAlmostEqual(values["unifyx_expected_margin_percent"], 0.4)

    def test_sales_analysis_margin_is_refused(self):
        order = self.order([(self.product_avco, 2, 20.0, 0)])
        order.action_confirm()
        Report = self.as_("salesperson", "sale.report")
        with self.assertRaises(AccessError):
            Report.read_group(
                [("order_reference", "=", "sale.order,%d" % order.id)], ["margin:sum"], []
            )
        with self.assertRaises(AccessError):
            Report.search_read([], ["margin"], limit=1)
        self.assertTrue(Report.read_group([], ["price_subtotal:sum"], []), "the rest stays")
        [group] = self.as_("sales_manager", "sale.report").read_group(
            [("order_reference", "=", "sale.order,%d" % order.id)], ["margin:sum"], []
        )
        self.assertAlmostEqual(group["margin"], 16.0)
        with self.assertRaises(AccessError):
            self.as_("salesperson", "unifyx.margin.report").read_group([], ["margin:sum"], [])

    def test_floor_warnings_do_not_tell_the_margin(self):
        self.floor(50)
        order = self.order([(self.product_avco, 2, 20.0, 0)])  # margin 40 %
        line = order.order_line.with_user(self.salesperson)
        self.assertTrue(line.unifyx_below_floor)
        self.assertIn("50.0 %", line.unifyx_floor_warning)
        self.assertNotIn("40", line.unifyx_floor_warning)
        self.assertIn("40.0 %", order.order_line.with_user(self.manager).unifyx_floor_message)
        # Confirmed below a warning floor: the chatter note tells no margin.
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        notes = order.message_ids.filtered(lambda m: "floor" in (m.body or ""))
        self.assertTrue(notes)
        self.assertFalse(any("40.0" in note.body for note in notes), notes.mapped("body"))

    def test_blocking_floor_error_does_not_tell_the_margin(self):
        self.floor(50, policy="block")
        order = self.order([(self.product_avco, 2, 20.0, 0)])
        with self.assertRaises(UserError) as refused:
            order.with_user(self.salesperson).action_confirm()
        self.assertIn("50.0 %", str(refused.exception))
        self.assertNotIn("40.0", str(refused.exception))
        self.assertEqual(order.state, "draft")

    def test_salesperson_sells_make_to_order_bought_goods(self):
        """The vendor a procurement buys from is chosen on the server, though
        the salesperson may not read vendor prices."""
        route = self.env.ref("stock.route_warehouse0_mto")
        route.active = True
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        self.product_avco.route_ids = [Command.set([route.id, buy.id])]
        order = self.order([(self.product_avco, 3, 20.0, 0)])
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        purchase = self.env["purchase.order.line"].search(
            [("product_id", "=", self.product_avco.id), ("order_id.state", "=", "draft")]
        )
        self.assertEqual(purchase.order_id.partner_id, self.vendor)
        self.assertEqual(purchase.price_unit, 11.5)

    def test_the_policy_by_role(self):
        expected = {
            "salesperson": False,
            "warehouse_operator": False,
            "purchaser": True,
            "warehouse_manager": True,
            "sales_manager": True,
            "finance": True,
            "director": True,
            "consultant": True,
        }
        for role, sees in expected.items():
            self.assertEqual(self.users[role].has_group(COST_GROUP), sees, role)
