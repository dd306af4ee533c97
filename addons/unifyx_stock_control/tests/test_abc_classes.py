# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import StockControlMixin


@tagged("post_install", "-at_install")
class TestAbcClasses(StockControlMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_stock_control()
        cls.products = [cls._product("SC P%d" % i) for i in range(1, 6)]
        cls.profile = cls._profile("SC value (company)", False)
        cls.levels = {lv.name: lv for lv in cls.profile.level_ids}
        # Cost of goods sold over the last 12 months, 10 EUR a unit:
        # P1 700, P2 200, P3 50, P4 30, P5 20 (total 1,000).
        for product, qty in zip(cls.products, (70, 20, 5, 3, 2), strict=True):
            cls._stock(product, 100)
            cls._deliver(product, qty, days_ago=40)
        # Sold 13 months ago: outside the rolling year.
        cls._deliver(cls.products[4], 90, days_ago=400)

    @classmethod
    def _profile(cls, name, warehouse):
        """A profile of the test's products (not every storable product of the
        database: the product percentages depend on how many there are)."""
        return cls.env["abc.classification.profile"].create(
            {
                "name": name,
                "profile_type": "sale_stock",
                "unifyx_value_basis": "cogs",
                "auto_apply_computed_value": True,
                "company_id": cls.company.id,
                "warehouse_id": warehouse.id if warehouse else False,
                "period": 365,
                "product_variant_ids": [(6, 0, [p.id for p in cls.products])],
                "level_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "A",
                            "percentage": 80,
                            "percentage_products": 20,
                            "unifyx_cycle_count_days": 30,
                            "unifyx_critical": True,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "B",
                            "percentage": 15,
                            "percentage_products": 30,
                            "unifyx_cycle_count_days": 90,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "C",
                            "percentage": 5,
                            "percentage_products": 50,
                            "unifyx_cycle_count_days": 365,
                        },
                    ),
                ],
            }
        )

    def _class_of(self, product, profile=None):
        level = self.env["abc.classification.product.level"].search(
            [("product_id", "=", product.id), ("profile_id", "=", (profile or self.profile).id)]
        )
        return level.level_id.name

    def test_classes_from_cost_of_goods_sold(self):
        """Hand-worked with OCA's rule (cumulative value % + cumulative product
        %, against the levels' cumulated thresholds 100 / 145 / 200):
        P1 70 + 20 = 90 -> A; P2 90 + 40 = 130 > 100 -> B; P3 95 + 60 = 155 > 145
        -> C; P4 98 + 80 -> C; P5 100 + 100 -> C."""
        self.profile._compute_abc_classification()
        self.assertEqual([self._class_of(p) for p in self.products], ["A", "B", "C", "C", "C"])

    def test_warehouse_profile_differs(self):
        """Lyon sells P5 (300) and P1 (100): its own profile puts P5 in A
        (75 + 20 = 95) and P1 in B (100 + 40 = 140). The company: P1 800,
        P5 320, P2 200, P3 50, P4 30 of 1,400: P1 A (57.1 + 20), P5 B
        (80 + 40 = 120 > 100), P2 C (94.3 + 60 = 154.3 > 145)."""
        p1, p2, p5 = self.products[0], self.products[1], self.products[4]
        self._stock(p5, 500, warehouse=self.wh_lyo)
        self._stock(p1, 500, warehouse=self.wh_lyo)
        self._deliver(p5, 30, days_ago=10, warehouse=self.wh_lyo)
        self._deliver(p1, 10, days_ago=10, warehouse=self.wh_lyo)
        lyon = self._profile("SC value (Lyon)", self.wh_lyo)
        (self.profile | lyon)._compute_abc_classification()
        self.assertEqual((self._class_of(p5, lyon), self._class_of(p1, lyon)), ("A", "B"))
        self.assertEqual([self._class_of(p) for p in (p1, p5, p2)], ["A", "B", "C"])
        # The next count of P5 in Lyon follows Lyon's class (A: 30 days), in
        # Marseille the company's (B: 90 days).
        quants = self.env["stock.quant"].search(
            [("product_id", "=", p5.id), ("location_id.usage", "=", "internal")]
        )
        dates = {q.location_id.warehouse_id: q.inventory_date for q in quants}
        self.assertEqual(dates[self.wh_lyo], self.today + timedelta(days=30))
        self.assertEqual(dates[self.wh_mrs], self.today + timedelta(days=90))

    def test_cycle_counts_follow_the_class(self):
        self.profile._compute_abc_classification()
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.products[1].id),
                ("location_id", "=", self.wh_mrs.lot_stock_id.id),
            ]
        )
        self.assertEqual(quant.inventory_date, self.today + timedelta(days=90))
        # A location counted every 10 days keeps its sooner schedule.
        self.wh_mrs.lot_stock_id.cyclic_inventory_frequency = 10
        quant.inventory_date = self.today + timedelta(days=10)
        self.profile._compute_abc_classification()
        self.assertEqual(quant.inventory_date, self.today + timedelta(days=10))
        # After a count, Odoo's next date (10 days) stays, the class wanting 90.
        quant.inventory_quantity = 80
        quant._apply_inventory()
        self.assertEqual(quant.inventory_date, self.today + timedelta(days=10))
        # Without a location schedule, the class decides after the count.
        self.wh_mrs.lot_stock_id.cyclic_inventory_frequency = 0
        quant.inventory_quantity = 79
        quant._apply_inventory()
        self.assertEqual(quant.inventory_date, self.today + timedelta(days=90))

    def test_critical_flag_guarded(self):
        template = self.products[2].product_tmpl_id
        for role in ("warehouse_operator", "purchaser", "salesperson"):
            with self.assertRaises(AccessError):
                template.with_user(self.users[role]).write({"unifyx_critical": True})
        self.assertFalse(template.unifyx_critical)
        template.with_user(self.users["purchasing_manager"]).write({"unifyx_critical": True})
        self.assertTrue(template.unifyx_critical)
        template.with_user(self.users["warehouse_manager"]).write({"unifyx_critical": False})
        self.assertFalse(template.unifyx_critical)


@tagged("post_install", "-at_install")
class TestAbcValueBasis(StockControlMixin, TransactionCase):
    """The figure each product is ranked by, read from OCA's history: M1 sold
    10 at 30 EUR (cost 10), M2 50 at 11 EUR (cost 10), 2 of M2 returned.
    Cost of goods sold: M2 480, M1 100. Margin: M1 10 x 20 = 200, M2 48 x 1 = 48."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_stock_control()
        cls.m1, cls.m2 = cls._product("SC M1"), cls._product("SC M2")
        for product in (cls.m1, cls.m2):
            cls._stock(product, 100)
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "warehouse_id": cls.wh_mrs.id,
                "order_line": [
                    (0, 0, {"product_id": cls.m1.id, "product_uom_qty": 10, "price_unit": 30}),
                    (0, 0, {"product_id": cls.m2.id, "product_uom_qty": 50, "price_unit": 11}),
                ],
            }
        )
        order.action_confirm()
        delivery = order.picking_ids
        for move in delivery.move_ids:
            move.quantity = move.product_uom_qty
        delivery.move_ids.picked = True
        delivery._action_done()
        # Two of M2 come back.
        m2_move = delivery.move_ids.filtered(lambda m: m.product_id == cls.m2)
        cls._move(
            cls.m2,
            2,
            cls.customer_location,
            cls.wh_mrs.lot_stock_id,
            origin_returned_move_id=m2_move.id,
            sale_line_id=m2_move.sale_line_id.id,
            to_refund=True,
        )

    def _ranking(self, basis):
        profile = self.env["abc.classification.profile"].create(
            {
                "name": "SC %s" % basis,
                "profile_type": "sale_stock",
                "unifyx_value_basis": basis,
                "company_id": self.company.id,
                "warehouse_id": False,
                "product_variant_ids": [(6, 0, (self.m1 | self.m2).ids)],
                "level_ids": [
                    (0, 0, {"name": "A", "percentage": 80, "percentage_products": 50}),
                    (0, 0, {"name": "B", "percentage": 20, "percentage_products": 50}),
                ],
            }
        )
        profile._compute_abc_classification()
        history = self.env["abc.sale_stock.level.history"].search(
            [("profile_id", "=", profile.id)], order="ranking"
        )
        return [(h.product_id, h.number_so_lines) for h in history]

    def test_cost_of_goods_sold(self):
        self.assertEqual(self._ranking("cogs"), [(self.m2, 480), (self.m1, 100)])

    def test_margin(self):
        self.assertEqual(self._ranking("margin"), [(self.m1, 200), (self.m2, 48)])
