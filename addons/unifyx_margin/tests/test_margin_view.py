# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MarginCase

# The costs and margins the sale order form shows to the roles with costs
# (sale_margin's and unifyx_margin's), by the model that holds them.
ORDER_FORM_COST_FIELDS = {
    "sale.order": {
        "margin",
        "margin_percent",
        "unifyx_expected_margin",
        "unifyx_expected_margin_percent",
        "unifyx_real_margin",
        "unifyx_real_margin_percent",
    },
    "sale.order.line": {
        "purchase_price",
        "margin",
        "margin_percent",
        "unifyx_expected_margin_percent",
        "unifyx_real_margin",
        "unifyx_real_margin_percent",
        "unifyx_floor_message",
    },
}
# The same in the margin menu's line list and form.
MARGIN_VIEWS_COST_FIELDS = {
    "purchase_price",
    "margin",
    "unifyx_expected_unit_cost",
    "unifyx_expected_margin",
    "unifyx_expected_margin_percent",
    "unifyx_delivered_cost",
    "unifyx_landed_cost",
    "unifyx_freight_cost",
    "unifyx_real_margin",
    "unifyx_real_margin_percent",
    "unifyx_floor_message",
    "unifyx_margin_breakdown",
}


@tagged("post_install", "-at_install")
class TestMarginView(MarginCase):
    def _views(self, user, model, views):
        """{model: names of the fields the web client gets} for ``views`` as ``user``."""
        result = self.env[model].with_user(user).get_views(views)
        return {name: set(desc["fields"]) for name, desc in result["models"].items()}

    def _margin_views(self, user):
        action = self.env.ref("unifyx_margin.sale_order_line_action_margin")
        return self._views(
            user,
            "sale.order.line",
            [
                (action.view_id.id, "list"),
                (self.env.ref("unifyx_margin.sale_order_line_view_form_margin").id, "form"),
            ],
        )["sale.order.line"]

    def test_menu_per_role(self):
        menu = self.env.ref("unifyx_margin.unifyx_margin_order_line_menu")
        Menu = self.env["ir.ui.menu"]
        for role in ("sales_manager", "finance", "director"):
            self.assertIn(menu.id, Menu.with_user(self.users[role])._visible_menu_ids(), role)
        for role in ("salesperson", "purchaser", "warehouse_operator"):
            self.assertNotIn(menu.id, Menu.with_user(self.users[role])._visible_menu_ids(), role)

    def test_margin_fields_shown_to_cost_roles_only(self):
        """The web client gets the cost and margin fields of the sale order form
        and of the margin menu's views for the roles with costs, and none of
        them (nor in fields_get) for those without."""
        for role in ("sales_manager", "finance", "director"):
            shown = self._views(self.users[role], "sale.order", [(False, "form")])
            for model, fnames in ORDER_FORM_COST_FIELDS.items():
                self.assertLessEqual(fnames, shown[model], "%s: %s" % (role, model))
            self.assertLessEqual(MARGIN_VIEWS_COST_FIELDS, self._margin_views(self.users[role]))
        for role in ("salesperson", "warehouse_operator"):
            user = self.users[role]
            shown = self._views(user, "sale.order", [(False, "form"), (False, "list")])
            for model, fnames in ORDER_FORM_COST_FIELDS.items():
                self.assertFalse(fnames & shown[model], "%s: %s" % (role, model))
                self.assertFalse(fnames & set(self.env[model].with_user(user).fields_get()), role)
            margin_views = self._margin_views(user)
            self.assertFalse(MARGIN_VIEWS_COST_FIELDS & margin_views, role)
            self.assertIn("product_uom_qty", margin_views, "the rest of the view stays")
        # The floor warning without the margin is what the salesperson gets.
        shown = self._views(self.salesperson, "sale.order", [(False, "form")])
        self.assertIn("unifyx_floor_warning", shown["sale.order.line"])

    def test_delivered_line_margin_from_valuation_layers(self):
        """Received 10 @ 10 and 10 @ 14, 15 sold @ 20: 5 delivered, then 10 more
        received @ 16, then the other 10 delivered. By hand:
        FIFO: 5 @ 10, then 5 @ 10 + 5 @ 14 = 50 + 120 = 170, margin 130;
        AVCO: 5 @ 12, then 15 @ 12 + 10 @ 16 = 340 for 25, 13.60 each: 60 + 136 =
        196, margin 104. The margin menu shows those numbers to the manager."""
        expected = {
            self.product_fifo: (-50.0, -120.0, 170.0),
            self.product_avco: (-60.0, -136.0, 196.0),
        }
        action = self.env.ref("unifyx_margin.sale_order_line_action_margin")
        for product, (first_value, second_value, cost) in expected.items():
            self.receive(product, 10, 10.0)
            self.receive(product, 10, 14.0)
            order = self.order([(product, 15, 20.0, 0.0)])
            order.action_confirm()
            first = self.deliver(order, {product: 5})
            self.receive(product, 10, 16.0)
            second = self.deliver(order, {product: 10})
            name = product.name
            self.assertAlmostEqual(first.move_ids.stock_valuation_layer_ids.value, first_value)
            self.assertAlmostEqual(second.move_ids.stock_valuation_layer_ids.value, second_value)
            fnames = self._margin_views(self.manager)
            [row] = (
                self.env["sale.order.line"]
                .with_user(self.manager)
                .web_search_read(
                    safe_eval(action.domain) + [("order_id", "=", order.id)],
                    {fname: {} for fname in fnames if fname != "unifyx_margin_breakdown"},
                )["records"]
            )
            self.assertEqual(row["qty_delivered"], 15, name)
            # Odoo's unit cost (sale_stock_margin: the delivered moves' layers)
            # and its margin, to its unit cost's rounding.
            self.assertAlmostEqual(row["purchase_price"], cost / 15, places=2, msg=name)
            self.assertAlmostEqual(row["margin"], 300.0 - cost, delta=0.1, msg=name)
            # unifyx_margin's real margin, to the cent.
            self.assertAlmostEqual(row["unifyx_real_revenue"], 300.0, msg=name)
            self.assertAlmostEqual(row["unifyx_delivered_cost"], cost, msg=name)
            self.assertAlmostEqual(row["unifyx_real_margin"], 300.0 - cost, msg=name)
            self.assertAlmostEqual(
                row["unifyx_real_margin_percent"], (300.0 - cost) / 300.0, msg=name
            )

    def test_order_form_hides_costs_from_salesperson(self):
        views = {
            role: self.env["sale.order"]
            .with_user(self.users[role])
            .get_views([(False, "form")])["views"]["form"]["arch"]
            for role in ("salesperson", "sales_manager")
        }
        views = {
            role: str(arch, "utf-8") if isinstance(arch, bytes) else arch
            for role, arch in views.items()
        }
        # A margin % with the price gives the cost: hidden too; the floor
        # warning without the margin stays.
        self.assertNotIn('name="unifyx_expected_margin_percent"', views["salesperson"])
        self.assertNotIn('name="unifyx_floor_message"', views["salesperson"])
        self.assertIn('name="unifyx_floor_warning"', views["salesperson"])
        self.assertIn('name="unifyx_expected_margin_percent"', views["sales_manager"])
        self.assertNotIn('name="purchase_price"', views["salesperson"])
        self.assertNotIn('name="unifyx_real_margin"', views["salesperson"])
        self.assertIn('name="unifyx_real_margin"', views["sales_manager"])

    def test_hiding_costs_is_a_setting(self):
        salesperson = self.users["salesperson"]
        costs = self.env.ref("product_cost_security.group_product_cost")
        Settings = self.env["res.config.settings"]
        Settings._unifyx_margin_apply_hide_costs(True)
        self.assertNotIn(costs, salesperson.groups_id)
        self.assertIn(costs, self.users["sales_manager"].groups_id, "their role keeps it")
        # Shown, as in stock Odoo: every employee sees costs.
        Settings.create({"unifyx_margin_hide_costs": False}).execute()
        self.assertIn(costs, salesperson.groups_id)
        self.assertFalse(
            self.env["ir.config_parameter"].sudo().get_param("unifyx_margin.hide_costs") == "True"
        )
        Settings.create({"unifyx_margin_hide_costs": True}).execute()
        self.assertNotIn(costs, salesperson.groups_id)
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("unifyx_margin.hide_costs"), "True"
        )
