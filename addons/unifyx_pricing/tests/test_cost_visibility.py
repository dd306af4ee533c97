# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Costs hidden from salespeople: a cost-plus contract prices their lines on
the server, but neither its markup nor "cost +N %" reaches them."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PricingCase

COST_GROUP = "product_cost_security.group_product_cost"


@tagged("post_install", "-at_install")
class TestCostVisibility(PricingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._hide_costs()
        # Exports are a way to costs: this salesperson may export.
        cls.salesperson.groups_id += cls.env.ref("base.group_allow_export")
        cls.contract = cls._contract(
            [{"categ_id": cls.categ.id, "price_type": "cost_plus", "markup": 30}],
            partner=cls.customer,
        )
        cls.rule = cls.contract.line_ids

    @classmethod
    def _hide_costs(cls):
        Settings = cls.env["res.config.settings"]
        if hasattr(Settings, "_unifyx_margin_apply_hide_costs"):
            Settings._unifyx_margin_apply_hide_costs(True)
        else:  # without unifyx_margin, no setting: take the groups from employees
            employees = cls.env.ref("base.group_user")
            for xmlid in ("product_cost_security.group_product_edit_cost", COST_GROUP):
                employees._remove_group(cls.env.ref(xmlid))

    def test_salesperson_quotes_and_confirms_cost_plus_without_the_markup(self):
        self.assertFalse(self.salesperson.has_group(COST_GROUP))
        order = self._order([(self.product, 2, {})])
        line = order.order_line
        # Priced on the server from the cost (60 + 30 %).
        self.assertAlmostEqual(line.price_unit, 78.0)
        self.assertEqual(line.unifyx_price_contract_line_id, self.rule)
        reason = line.with_user(self.salesperson).unifyx_price_reason
        self.assertIn(self.contract.name, reason)
        self.assertNotIn("30", reason)
        self.assertNotIn("cost +", reason)
        [read] = line.with_user(self.salesperson).read(["unifyx_price_reason"])
        self.assertEqual(read["unifyx_price_reason"], reason)
        # Whoever sees costs reads the markup.
        self.assertIn("cost +30", line.with_user(self.manager).unifyx_price_reason)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertAlmostEqual(line.price_unit, 78.0)

    def test_export_of_the_reason_hides_the_markup(self):
        line = self._order([(self.product, 1, {})]).order_line
        data = line.with_user(self.salesperson).export_data(["unifyx_price_reason"])["datas"]
        self.assertNotIn("30", data[0][0])

    def test_salesperson_cannot_read_the_markup(self):
        Line = self.env["unifyx.price.contract.line"].with_user(self.salesperson)
        rule = Line.browse(self.rule.id)
        self.assertEqual(rule.price_type, "cost_plus", "the contract stays readable")
        with self.assertRaises(AccessError):
            rule.read(["markup"])
        with self.assertRaises(AccessError):
            Line.search_read([("id", "=", self.rule.id)], ["markup"])
        with self.assertRaises(AccessError):
            Line.search([("markup", "=", 30)])
        with self.assertRaises(AccessError):
            Line.read_group([("id", "=", self.rule.id)], ["markup:sum"], [])
        with self.assertRaises(AccessError):
            rule.export_data(["markup"])
        with self.assertRaises(AccessError):
            self.contract.with_user(self.salesperson).action_export_lines()
        self.assertEqual(self.rule.markup, 30, "unchanged")
        # Sales managers and consultants do.
        for user in (self.manager, self.consultant, self.director):
            [read] = Line.with_user(user).browse(self.rule.id).read(["markup"])
            self.assertEqual(read["markup"], 30)
