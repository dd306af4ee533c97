# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One cost policy, costs hidden from salespeople: every path to a cost
(read, search_read, read_group, export, a search on the field) is refused to
them or finds nothing, and the roles that work with costs read them."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.unifyx_approvals.tests.test_inventory_governance import (
    InventoryGovernanceMixin,
)

from .common import MarginCase

COST_GROUP = "product_cost_security.group_product_cost"


@tagged("post_install", "-at_install")
class TestCostVisibility(MarginCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Stock's administrator, without a UnifyX role (costs hidden: no cost group).
        cls.users["inventory_admin"] = mail_new_test_user(
            cls.env,
            login="unifyx_cost_test_inventory_admin",
            groups="base.group_user,stock.group_stock_manager",
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

    def test_receipt_unit_prices_and_lot_values_are_costs(self):
        """A receipt's move carries the purchase cost per unit; a lot, the
        value of its units: both are refused where costs are hidden."""
        picking = self.receive(self.product_avco, 10, 12.0)
        for role in ("salesperson", "warehouse_operator"):
            self.refused("stock.move", picking.move_ids.ids, "price_unit", role=role)
            with self.assertRaises(AccessError, msg=role):
                self.as_(role, "stock.picking").browse(picking.id).web_read(
                    {"move_ids": {"fields": {"price_unit": {}}}}
                )
            for field in ("avg_cost", "total_value"):
                with self.assertRaises(AccessError, msg="%s %s" % (role, field)):
                    self.as_(role, "stock.lot").search_read([], [field], limit=1)
        self.assertEqual(picking.move_ids.price_unit, 12.0, "unchanged")
        [values] = picking.move_ids.with_user(self.users["warehouse_manager"]).read(["price_unit"])
        self.assertEqual(values["price_unit"], 12.0)

    def test_operator_receives_at_the_hidden_cost(self):
        """The server still values what an operator receives at its cost."""
        picking = self.receive(self.product_avco, 10, 12.0)
        operator = self.users["warehouse_operator"]
        second = picking.copy({"move_ids": False})
        self.env["stock.move"].create(
            {
                "name": "Breaker M",
                "picking_id": second.id,
                "product_id": self.product_avco.id,
                "product_uom_qty": 10,
                "product_uom": self.product_avco.uom_id.id,
                "price_unit": 18.0,
                "location_id": second.location_id.id,
                "location_dest_id": second.location_dest_id.id,
            }
        )
        second = second.with_user(operator)
        second.action_confirm()
        second.move_ids.quantity = 10
        second.move_ids.picked = True
        second.button_validate()
        self.assertEqual(second.state, "done")
        self.assertAlmostEqual(self.product_avco.with_company(self.company).standard_price, 15.0)


@tagged("post_install", "-at_install")
class TestCountCostVisibility(InventoryGovernanceMixin, TransactionCase):
    """A count held for approval is valued at the product's cost: the operator
    who counted reads the quantities, not the values."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_inventory()
        cls.env["res.config.settings"]._unifyx_margin_apply_hide_costs(True)

    def test_count_values_are_costs(self):
        request = self._held_count(38)  # 12 x 84.30
        line = request.line_ids
        operator = self.operator
        Line = self.env["unifyx.inventory.approval.line"].with_user(operator)
        Request = self.env["unifyx.inventory.approval"].with_user(operator)
        self.assertEqual(line.with_user(operator).read(["difference"])[0]["difference"], -12)
        for Model, records, field in (
            (Line, line, "value"),
            (Line, line, "window_value"),
            (Request, request, "unifyx_approval_amount"),
        ):
            records = records.with_user(operator)
            with self.assertRaises(AccessError, msg="read %s" % field):
                records.read([field])
            with self.assertRaises(AccessError, msg="web_read %s" % field):
                records.web_read({field: {}})
            with self.assertRaises(AccessError, msg="export %s" % field):
                records.export_data([field])
            with self.assertRaises(AccessError, msg="search %s" % field):
                Model.search([(field, ">", 1000)])
            with self.assertRaises(AccessError, msg="read_group %s" % field):
                Model.read_group([("id", "in", records.ids)], ["%s:sum" % field], [])
        with self.assertRaises(AccessError):
            request.with_user(operator).web_read({"line_ids": {"fields": {"value": {}}}})
        # The approver reads them, and the operator applies the approved count.
        [values] = line.with_user(self.manager).read(["value"])
        self.assertAlmostEqual(values["value"], -1011.60)
        self._approve(request)
        request.with_user(operator).action_apply()
        self.assertEqual(self._on_hand(), 38)
