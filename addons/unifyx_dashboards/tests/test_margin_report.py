# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase


@tagged("post_install", "-at_install")
class TestMarginReport(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])
        cls.product = cls.env["product.product"].create(
            {"name": "Margin A", "is_storable": True, "standard_price": 10.0}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 100
        )
        cls.good, cls.bad = cls.env["res.partner"].create(
            [
                {"name": "Good Customer", "company_id": cls.company.id},
                {"name": "Bad Customer", "company_id": cls.company.id},
            ]
        )

    def _sell(self, partner, qty, price):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.move_ids.quantity = qty
        order.picking_ids.button_validate()
        return order

    def test_totals_percentages_and_filters(self):
        orders = (
            self._sell(self.good, 10, 15.0)
            | self._sell(self.good, 5, 14.0)
            | self._sell(self.bad, 4, 8.0)
        )
        lines = orders.order_line
        Report = self.env["unifyx.margin.report"]
        rows = Report.search([("order_id", "in", orders.ids)])
        self.assertEqual(rows.line_id, lines)
        self.assertAlmostEqual(sum(rows.mapped("margin")), sum(lines.mapped("unifyx_real_margin")))
        self.assertAlmostEqual(
            sum(rows.mapped("expected_margin")), sum(lines.mapped("unifyx_expected_margin"))
        )
        listed = Report.read_group(
            [("order_id", "in", orders.ids)], ["margin_percent"], ["partner_id"]
        )
        # Sorted after aggregating, as SQL sorts them when asked to: by name.
        self.assertEqual([g["partner_id"][0] for g in listed], [self.bad.id, self.good.id])
        in_sql = Report.read_group(
            [("order_id", "in", orders.ids)], ["margin"], ["partner_id"], orderby="partner_id"
        )
        self.assertEqual([g["partner_id"] for g in listed], [g["partner_id"] for g in in_sql])
        groups = {g["partner_id"][0]: g for g in listed}
        # Good: revenue 150 + 70 = 220, margin 220 - 150 = 70; a group's % is
        # its margin over its revenue, not the mean of its lines' %.
        good = groups[self.good.id]
        self.assertAlmostEqual(good["revenue"], 220.0)
        self.assertAlmostEqual(good["margin"], 70.0)
        self.assertAlmostEqual(good["margin_percent"], 70.0 / 220.0 * 100)
        # Bad: 4 x 8 = 32 of revenue for 40 of cost.
        self.assertAlmostEqual(groups[self.bad.id]["margin"], -8.0)
        losers = Report.search([("order_id", "in", orders.ids), ("loss_customer", "=", True)])
        self.assertEqual(losers.partner_id, self.bad)
        self.assertTrue(rows.filtered(lambda r: r.partner_id == self.bad).loss_customer)
        # One product, so it is above the median: its margin rate is the average.
        stars = Report.search([("order_id", "in", orders.ids), ("product_class", "=", "star")])
        self.assertEqual(stars, rows)
        self.assertEqual(set(rows.mapped("product_class")), {"star"})

    def test_access(self):
        """Who reads the margin analysis, and exactly what: the managers read
        every line of their company and nothing of another's; the other roles
        are refused every read."""
        orders = self._sell(self.good, 10, 15.0) | self._sell(self.bad, 4, 8.0)
        # A confirmed sale of another company, which none of the test users is in.
        other = self.env["res.company"].create({"name": "Margin Other Co"})
        foreign = (
            self.env["sale.order"]
            .with_company(other)
            .create(
                {
                    "partner_id": self.good.copy({"company_id": other.id}).id,
                    "company_id": other.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 1, "tax_id": False}
                        )
                    ],
                }
            )
        )
        foreign.action_confirm()
        Report = self.env["unifyx.margin.report"].sudo()
        self.assertTrue(
            Report.search([("order_id", "=", foreign.id)]), "the foreign line is listed"
        )
        mine = Report.search([("company_id", "=", self.company.id)])
        self.assertEqual(mine.line_id, orders.order_line)
        fields_read = ["line_id", "partner_id", "revenue", "cost", "margin"]
        expected = sorted(mine.read(fields_read), key=lambda row: row["id"])
        # Good: 10 x 15 = 150 for a cost of 100; Bad: 4 x 8 = 32 for 40.
        self.assertEqual(
            {(row["partner_id"][0], row["revenue"], row["margin"]) for row in expected},
            {(self.good.id, 150.0, 50.0), (self.bad.id, 32.0, -8.0)},
        )
        for role in ("sales_manager", "finance", "director"):
            as_role = self.env["unifyx.margin.report"].with_user(self.users[role])
            rows = as_role.search([])
            self.assertEqual(rows, mine.with_user(self.users[role]), role)
            self.assertEqual(sorted(rows.read(fields_read), key=lambda r: r["id"]), expected, role)
            groups = as_role.read_group([], ["margin"], ["partner_id"])
            self.assertEqual(
                {g["partner_id"][0]: g["margin"] for g in groups},
                {self.good.id: 50.0, self.bad.id: -8.0},
                role,
            )
            with self.assertRaises(AccessError, msg=role):
                as_role.browse(Report.search([("order_id", "=", foreign.id)]).ids).read(["margin"])
        for role in ("salesperson", "warehouse_manager", "purchaser", "warehouse_operator"):
            as_role = self.env["unifyx.margin.report"].with_user(self.users[role])
            with self.assertRaises(AccessError, msg=role):
                as_role.search([], limit=1)
            with self.assertRaises(AccessError, msg=role):
                as_role.browse(mine.ids).read(["margin"])
            with self.assertRaises(AccessError, msg=role):
                as_role.read_group([], ["margin"], ["partner_id"])
