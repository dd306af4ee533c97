# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import StockControlMixin


@tagged("post_install", "-at_install")
class TestStockRisk(StockControlMixin, TransactionCase):
    """The hand-worked dataset: a 30-day demand window, a 5-day purchase lead.

    | item   | on hand | incoming | sold (30 d) | per day | cover | vendor | arrives | at risk |
    | late   | 100     |          | 60          | 2       | 50    | 60     | day 65  | yes     |
    | spike  | 100     |          | 300 (+500 older) | 10 | 10    | 14     | day 19  | yes     |
    | saved  | 20      | 100      | 60          | 2       | 60    | 30     | day 35  | no      |
    | safe   | 100     |          | 30          | 1       | 100   | 10     | day 15  | no      |
    | plain  | 10      |          | 60          | 2       | 5     | 10     | day 15  | yes (*) |
    (*) not critical: not in the digest.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_stock_control()
        cls.company.write({"unifyx_demand_window_days": 30, "po_lead": 5})
        cls.late = cls._product("SC late vendor", delay=60, critical=True)
        cls.spike = cls._product("SC demand spike", delay=14, critical=True)
        cls.saved = cls._product("SC saved by a receipt", delay=30, critical=True)
        cls.safe = cls._product("SC safe", delay=10, critical=True)
        cls.plain = cls._product("SC not critical", delay=10)
        for product, start, sold in (
            (cls.late, 160, 60),
            (cls.spike, 400, 300),
            (cls.saved, 80, 60),
            (cls.safe, 130, 30),
            (cls.plain, 70, 60),
        ):
            cls._stock(product, start)
            cls._deliver(product, sold, days_ago=5)
        # The spike's older sales fall outside the window.
        cls._stock(cls.spike, 500)
        cls._deliver(cls.spike, 500, days_ago=45)
        cls._incoming(cls.saved, 100)
        cls.env["unifyx.stock.risk"]._unifyx_refresh(cls.company, today=cls.today)

    def _risk(self, product, warehouse=None):
        return self.env["unifyx.stock.risk"].search(
            [("product_id", "=", product.id), ("warehouse_id", "=", (warehouse or self.wh_mrs).id)]
        )

    def test_forecast(self):
        d = self.today
        expected = {
            self.late: (100, 0, 2, 50, d + timedelta(50), 65, True),
            self.spike: (100, 0, 10, 10, d + timedelta(10), 19, True),
            self.saved: (20, 100, 2, 60, d + timedelta(60), 35, False),
            self.safe: (100, 0, 1, 100, d + timedelta(100), 15, False),
            self.plain: (10, 0, 2, 5, d + timedelta(5), 15, True),
        }
        for product, figures in expected.items():
            risk = self._risk(product)
            self.assertEqual(
                (
                    risk.on_hand,
                    risk.incoming,
                    risk.daily_demand,
                    risk.cover_days,
                    risk.stockout_date,
                    risk.lead_days,
                    risk.at_risk,
                ),
                figures,
                product.name,
            )
            self.assertEqual(risk.arrival_date, d + timedelta(days=figures[5]))
        self.assertEqual(
            [self._risk(p).critical for p in expected], [True, True, True, True, False]
        )
        # Nothing in Lyon: no risk line there.
        self.assertFalse(self._risk(self.late, self.wh_lyo))

    def test_replenishment_screen_and_product_show_the_risk(self):
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.late.id,
                "warehouse_id": self.wh_mrs.id,
                "location_id": self.wh_mrs.lot_stock_id.id,
                "product_min_qty": 0,
                "product_max_qty": 0,
            }
        )
        self.assertEqual(
            (
                orderpoint.unifyx_cover_days,
                orderpoint.unifyx_stockout_date,
                orderpoint.unifyx_at_risk,
            ),
            (50, self.today + timedelta(days=50), True),
        )
        self.assertEqual(self.late.product_tmpl_id.unifyx_stock_risk_ids, self._risk(self.late))

    def test_digest_lists_exactly_the_items_at_risk(self):
        self.assertEqual(self.company._unifyx_digest_risks().product_id, self.late | self.spike)
        mails = self.company._unifyx_send_stock_digest()
        self.assertEqual(len(mails), 1)
        self.assertEqual(
            mails.recipient_ids,
            (
                self.users["purchaser"] | self.users["purchasing_manager"] | self.users["director"]
            ).partner_id,
        )
        body = str(mails.body_html)
        for product in (self.late, self.spike):
            self.assertIn(product.name, body)
            self.assertIn(
                "/odoo/action-unifyx_stock_control.unifyx_stock_risk_action/%d"
                % self._risk(product).id,
                body,
            )
        for product in (self.saved, self.safe, self.plain):
            self.assertNotIn(product.name, body)

    def test_raise_rfq(self):
        risk = self._risk(self.late)
        with self.assertRaises(AccessError):
            risk.with_user(self.users["warehouse_operator"]).action_raise_rfq()
        risk.with_user(self.users["purchaser"]).action_raise_rfq()
        line = self.env["purchase.order.line"].search([("product_id", "=", self.late.id)])
        # 2 a day over the 65-day lead time and 30 days after, less the 100 on hand.
        self.assertEqual(line.product_qty, 2 * (65 + 30) - 100)
        self.assertEqual(line.order_id.partner_id, self.vendor)
        self.assertEqual(line.order_id.state, "draft")

    def test_stockout_kpi(self):
        """A critical item found out of stock three mornings (the event opens on
        the first, closes on the fourth, when stock is back): one event, 3 days."""
        empty = self._product("SC out of stock", delay=5, critical=True)
        self._stock(empty, 10)
        self._deliver(empty, 10, days_ago=10)
        Risk = self.env["unifyx.stock.risk"]
        start = self.today - timedelta(days=3)
        for offset in range(3):
            Risk._unifyx_refresh(self.company, today=start + timedelta(days=offset))
        self._stock(empty, 50)
        Risk._unifyx_refresh(self.company, today=self.today)
        event = self.env["unifyx.stockout.event"].search([("product_id", "=", empty.id)])
        self.assertEqual((event.date_start, event.date_end), (start, self.today))
        # The month the stock-out began (today's, or the previous one's first days).
        month = start.replace(day=1)
        next_month = (month + timedelta(days=32)).replace(day=1)
        figures = self.env["unifyx.stock.kpi"]._unifyx_stockout_figures(
            self.company, month, self.today
        )
        self.assertEqual(figures[self.company.id], (1, (min(self.today, next_month) - start).days))
        kpi = self.env["unifyx.stock.kpi"].search(
            [("company_id", "=", self.company.id), ("month", "=", self.today.replace(day=1))]
        )
        # This month's row: the event counts if it began this month, and its
        # days from the month's first day.
        this_month = self.today.replace(day=1)
        self.assertEqual(
            (kpi.stockout_events, kpi.stockout_days),
            (int(start >= this_month), (self.today - max(start, this_month)).days),
        )

    def test_overstock_kpi(self):
        """180 days of cover allowed (the default): "safe" has 100 at 1 a day,
        no excess; "spike" 10 a day, none either. A slow mover with 400 on hand
        and 1 a day has 220 too many, at 10 EUR: 2,200."""
        self.company.unifyx_overstock_cover_days = 180
        slow = self._product("SC slow mover", delay=5)
        self._stock(slow, 430)
        self._deliver(slow, 30, days_ago=2)
        self.env["unifyx.stock.risk"]._unifyx_refresh(self.company, today=self.today)
        self.assertEqual(
            (self._risk(slow).overstock_qty, self._risk(slow).overstock_value), (220, 2200)
        )
        kpi = self.env["unifyx.stock.kpi"].search(
            [("company_id", "=", self.company.id), ("month", "=", self.today.replace(day=1))]
        )
        self.assertEqual((kpi.overstock_count, kpi.overstock_value), (1, 2200))
