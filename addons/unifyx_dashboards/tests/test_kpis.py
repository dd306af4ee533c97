# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each KPI on a small dataset dated March 2025 in a company of its own,
checked against the figure worked out by hand."""

from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase, purchase_order

T = datetime(2025, 3, 10, 12, 0)
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@tagged("post_install", "-at_install")
class TestKpis(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])
        cls.stock = cls.warehouse.lot_stock_id
        cls.product = cls.env["product.product"].create(
            {"name": "KPI A", "is_storable": True, "standard_price": 10.0, "list_price": 20.0}
        )
        cls.other = cls.env["product.product"].create(
            {"name": "KPI B", "is_storable": True, "standard_price": 4.0}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "KPI Customer", "company_id": cls.company.id}
        )

    def _sql(self, query, *params):
        self.env.flush_all()
        self.env.cr.execute(query, params)
        self.env.invalidate_all()

    def _count(self, product, counted, location=None):
        quant = (
            self.env["stock.quant"]
            .with_context(inventory_mode=True)
            .create(
                {
                    "product_id": product.id,
                    "location_id": (location or self.stock).id,
                    "inventory_quantity": counted,
                }
            )
        )
        quant.action_apply_inventory()

    def _sale(self, qty, promised, deliver=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "warehouse_id": self.warehouse.id,
                "commitment_date": promised,
                "order_line": [
                    Command.create({"product_id": self.product.id, "product_uom_qty": qty})
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        picking.move_ids.quantity = deliver if deliver is not None else qty
        action = picking.button_validate()
        if isinstance(action, dict):  # partial: the backorder question
            self.env["stock.backorder.confirmation"].with_context(**action["context"]).create(
                {}
            ).process()
        return order, picking

    def _values(self, period=MARCH):
        rows = self.env["unifyx.kpi.value"]._compute(self.company, *period)
        return {(r["kpi"], r.get("warehouse_id")): r for r in rows}

    def test_kpis_by_hand(self):
        # Counts: 50 of A found where the system had none, B counted right.
        self.env["stock.quant"]._update_available_quantity(self.other, self.stock, 20)
        self._count(self.product, 50)
        self._count(self.other, 20)
        # Two sales of 5 in March: the first delivered 2 days after its order,
        # before its promise; the second 4 days after, 3 days late.
        first, first_picking = self._sale(5, T + timedelta(days=3))
        second, second_picking = self._sale(5, T + timedelta(days=1))
        for order, picking, created, done in (
            (first, first_picking, 1, 2),
            (second, second_picking, 3, 4),
        ):
            self._sql(
                "UPDATE sale_order SET date_order = %s, create_date = %s WHERE id = %s",
                T,
                T - timedelta(days=created),
                order.id,
            )
            self._sql(
                "UPDATE stock_picking SET date_done = %s WHERE id = %s",
                T + timedelta(days=done),
                picking.id,
            )
        company_layers = "UPDATE stock_valuation_layer SET create_date = %s WHERE company_id = %s"
        self._sql(company_layers, T, self.company.id)
        self._sql("UPDATE unifyx_count_log SET date = %s WHERE company_id = %s", T, self.company.id)
        # The books of March are locked on 6 April.
        self.company.sudo().fiscalyear_lock_date = date(2025, 3, 31)
        log = self.env["unifyx.lock.date.log"].search([("company_id", "=", self.company.id)])
        self.assertEqual((log.old_date, log.new_date), (False, date(2025, 3, 31)))
        self._sql(
            "UPDATE unifyx_lock_date_log SET date = %s WHERE id = %s",
            datetime(2025, 4, 6, 9, 0),
            log.id,
        )

        values = self._values()
        on_time = values[("on_time_delivery", None)]
        self.assertEqual((on_time["numerator"], on_time["denominator"]), (1, 2))
        self.assertAlmostEqual(on_time["value"], 50.0)
        counted = values[("discrepancy_count", None)]
        self.assertEqual((counted["numerator"], counted["denominator"]), (1, 2))
        # |50 x 10| over the stock value at the end of March: 500 counted, 100 delivered.
        value = values[("discrepancy_value", None)]
        self.assertAlmostEqual(value["numerator"], 500.0)
        self.assertAlmostEqual(value["denominator"], 400.0)
        self.assertAlmostEqual(value["value"], 125.0)
        self.assertAlmostEqual(values[("sale_to_confirm", None)]["value"], 2.0)  # median of 1, 3
        self.assertAlmostEqual(values[("sale_to_deliver", None)]["value"], 3.0)  # of 2, 4
        self.assertEqual(values[("sale_to_deliver", None)]["denominator"], 2)
        self.assertEqual(values[("close_duration", None)]["value"], 6)
        # Rotation: cost of goods sold 100 over the average stock (0 + 400) / 2.
        self.assertAlmostEqual(values[("rotation", None)]["value"], 0.5)

        # Stored, with the records behind each value: a locked month's values
        # are frozen (test_kpi_frozen), so the books of March are reopened here.
        self.company.sudo().fiscalyear_lock_date = False
        self.env["unifyx.kpi.value"]._store(self.company, *MARCH, list(values.values()))
        stored = self.env["unifyx.kpi.value"].search(
            [("company_id", "=", self.company.id), ("kpi", "=", "on_time_delivery")]
        )
        action = stored.action_open_records()
        pickings = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(pickings, first_picking | second_picking)
        # Storing again updates, never duplicates.
        self.env["unifyx.kpi.value"]._store(self.company, *MARCH, list(values.values()))
        self.assertEqual(len(stored.search([("id", "=", stored.id)])), 1)
        self.assertEqual(
            self.env["unifyx.kpi.value"].search_count(
                [("company_id", "=", self.company.id), ("kpi", "=", "on_time_delivery")]
            ),
            1,
        )

    def test_rotation_per_warehouse(self):
        south = self.env["stock.warehouse"].create(
            {"name": "KPI South", "code": "KPIS", "company_id": self.company.id}
        )
        # In March, at a cost of 10: 50 of A counted in the first warehouse and
        # 30 in the second, 10 sold from the first, then 10 moved from the
        # first to the second (a transfer: no valuation layer).
        self._count(self.product, 50)
        self._count(self.product, 30, location=south.lot_stock_id)
        self._sale(10, T)
        transfer = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.int_type_id.id,
                "location_id": self.stock.id,
                "location_dest_id": south.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "KPI transfer",
                            "product_id": self.product.id,
                            "product_uom_qty": 10,
                            "location_id": self.stock.id,
                            "location_dest_id": south.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        transfer.action_confirm()
        transfer.move_ids.quantity = 10
        transfer.button_validate()
        self.assertEqual(transfer.state, "done")
        self._sql("UPDATE stock_move SET date = %s WHERE company_id = %s", T, self.company.id)
        layers = "UPDATE stock_valuation_layer SET create_date = %s WHERE company_id = %s"
        self._sql(layers, T, self.company.id)

        values = self._values()
        # The company: cost of goods sold 100 over (0 + 700) / 2.
        self.assertAlmostEqual(values[("rotation", None)]["value"], 100 / 350)
        # The first warehouse ends March with 50 - 10 - 10 = 30 (300): 100 over
        # (0 + 300) / 2; the second with 30 + 10 = 40 (400) and nothing sold.
        first = values[("rotation", self.warehouse.id)]
        self.assertAlmostEqual((first["numerator"], first["denominator"]), (100.0, 150.0))
        self.assertAlmostEqual(first["value"], 100 / 150)
        second = values[("rotation", south.id)]
        self.assertAlmostEqual((second["numerator"], second["denominator"]), (0.0, 200.0))
        self.assertEqual(second["value"], 0.0)
        # April opens and closes with March's closing stock: 300 and 400.
        april = self._values((date(2025, 4, 1), date(2025, 4, 30)))
        self.assertAlmostEqual(april[("rotation", self.warehouse.id)]["denominator"], 300.0)
        self.assertAlmostEqual(april[("rotation", south.id)]["denominator"], 400.0)

        # Stored per warehouse; a warehouse's value opens the layers of its moves.
        Kpi = self.env["unifyx.kpi.value"]
        Kpi._store(self.company, *MARCH, list(values.values()))
        stored = Kpi.search(
            [
                ("company_id", "=", self.company.id),
                ("kpi", "=", "rotation"),
                ("warehouse_id", "=", south.id),
            ]
        )
        action = stored.action_open_records()
        south_layers = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(south_layers.stock_move_id.location_dest_id, south.lot_stock_id)
        whole = Kpi.search(
            [
                ("company_id", "=", self.company.id),
                ("kpi", "=", "rotation"),
                ("warehouse_id", "=", False),
            ]
        )
        action = whole.action_open_records()
        self.assertEqual(len(self.env[action["res_model"]].search(action["domain"])), 3)

    def test_snapshots_slow_movers_and_backorders(self):
        self._count(self.product, 50)
        order, picking = self._sale(10, fields.Datetime.now(), deliver=4)
        backorder = order.picking_ids - picking
        self.assertTrue(backorder)
        # The last move out of the warehouse was in March 2025: A is a slow mover.
        self._sql("UPDATE stock_move SET date = %s WHERE product_id = %s", T, self.product.id)
        today = fields.Date.context_today(self.env["unifyx.kpi.value"])
        period = (today.replace(day=1), fields.Date.end_of(today, "month"))
        values = self._values(period)
        slow = values[("slow_moving_value", self.warehouse.id)]
        self.assertAlmostEqual(slow["value"], 46 * 10.0)
        self.assertEqual(values[("open_backorders", None)]["value"], 1)
        Kpi = self.env["unifyx.kpi.value"]
        stored = [("company_id", "=", self.company.id), ("kpi", "=", "slow_moving_value")]
        Kpi._refresh(self.company, months=2)
        self.assertEqual(Kpi.search(stored).mapped("value"), [46 * 10.0])
        # A move out today makes it move again: its stored value goes too.
        self._sql("UPDATE stock_move SET date = now() WHERE id IN %s", tuple(picking.move_ids.ids))
        values = self._values(period)
        self.assertNotIn(("slow_moving_value", self.warehouse.id), values)
        Kpi._refresh(self.company, months=2)
        self.assertFalse(Kpi.search(stored), "no stale slow-mover value after a refresh")
        self.assertEqual(
            Kpi.search(
                [("company_id", "=", self.company.id), ("kpi", "=", "open_backorders")]
            ).mapped("value"),
            [1.0],
        )

    def test_refresh_and_access(self):
        self._count(self.product, 5)
        self.env["unifyx.kpi.value"]._refresh(self.company, months=12)
        values = self.env["unifyx.kpi.value"].search([("company_id", "=", self.company.id)])
        self.assertEqual(len(set(values.mapped("date_from"))), 12, "a trend over 12 periods")
        for role in ("sales_manager", "warehouse_manager", "finance", "director"):
            self.assertTrue(values.with_user(self.users[role]).read(["value"]), role)
        for role in ("salesperson", "purchaser", "warehouse_operator"):
            with self.assertRaises(AccessError, msg=role):
                values.with_user(self.users[role]).read(["value"])
        logs = self.env["unifyx.count.log"].search([("company_id", "=", self.company.id)])
        self.assertEqual(len(logs), 1)
        with self.assertRaises(AccessError):
            logs.with_user(self.users["warehouse_manager"]).write({"counted_qty": 0})

    def test_supplier_cost_drift(self):
        vendor = self.env["res.partner"].create(
            {"name": "KPI Vendor", "company_id": self.company.id}
        )
        for price, when in ((10.0, datetime(2025, 2, 5)), (12.0, datetime(2025, 3, 5))):
            order = self.env["purchase.order"].create(
                {
                    "partner_id": vendor.id,
                    "company_id": self.company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_qty": 3,
                                "price_unit": price,
                                "taxes_id": False,
                            }
                        )
                    ],
                }
            )
            order.button_confirm()
            self._sql("UPDATE purchase_order SET date_approve = %s WHERE id = %s", when, order.id)
        rows = self.env["unifyx.supplier.price.report"].search(
            [("product_id", "=", self.product.id)], order="date"
        )
        self.assertEqual(rows.mapped("price"), [10.0, 12.0])
        self.assertAlmostEqual(rows[1].previous_price, 10.0)
        self.assertAlmostEqual(rows[1].change, 20.0)
        # Against the 10.00 cost the margins use: +20 %.
        self.assertAlmostEqual(rows[1].cost, 10.0)
        self.assertAlmostEqual(rows[1].change_vs_cost, 20.0)

    def test_purchase_cycle_times(self):
        """Two March purchases: confirmed 1 and 3 days after their creation,
        received 2 and 4 days after their confirmation; one more confirmed in
        February and one not received yet do not count."""
        vendor = self.env["res.partner"].create(
            {"name": "KPI Cycle Vendor", "company_id": self.company.id}
        )
        for created, approved, received in (
            (1, T, 2),
            (3, T, 4),
            (1, datetime(2025, 2, 10), None),
            (5, T, None),
        ):
            order = purchase_order(self.env, None, vendor, self.product, 10.0)
            order.order_line.product_qty = 5
            order.button_confirm()
            if received is not None:
                order.picking_ids.move_ids.quantity = 5
                order.picking_ids.button_validate()
                self._sql(
                    "UPDATE stock_picking SET date_done = %s WHERE id IN %s",
                    approved + timedelta(days=received),
                    tuple(order.picking_ids.ids),
                )
            self._sql(
                "UPDATE purchase_order SET date_approve = %s, create_date = %s WHERE id = %s",
                approved,
                approved - timedelta(days=created),
                order.id,
            )
        values = self._values()
        confirm = values[("purchase_to_confirm", None)]
        self.assertEqual((confirm["value"], confirm["denominator"]), (3.0, 3))  # of 1, 3, 5
        receive = values[("purchase_to_receive", None)]
        self.assertEqual((receive["value"], receive["denominator"]), (3.0, 2))  # of 2, 4
