# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each scorecard figure against a hand count on a small dataset.

Vendor A, product P1, vendor price 9.50:
  Sep.  PO1 10 @ 10.00 approved 1 Sep 08:00, promised 5 Sep, 10 received 4 Sep (on time, 3 days)
        PO2 10 @ 10.00 approved 10 Sep 08:00, promised 15 Sep, 8 received 20 Sep (late, 10 days)
        inspections: 10 passed, 8 of which 2 rejected
        -> on time 1/2 = 50 %, accuracy (10 + 8) / (10 + 10) = 90 %, rejects 2/18 = 11.11 %,
           lead (3 + 10) / 2 = 6.5 days, vs vendor price 18 x 0.50 / (18 x 9.50) = 5.263 %,
           no previous month; score (50 + 90 + 88.889) / 3 = 76.296, rank 2
  Oct.  PO3 20 @ 11.00 approved 1 Oct 08:00, promised 10 Oct, 20 received 8 Oct (7 days)
        -> 100 %, 100 %, no inspection, vs previous 20 x 1 / (20 x 10) = 10 %,
           vs vendor price 20 x 1.50 / (20 x 9.50) = 15.789 %; score 100, rank 1
Vendor B, product P2 (its vendor price is the one Odoo records at confirmation):
  Sep.  PO4 5 @ 20.00 approved 2 Sep 08:00, promised 3 Sep, 5 received 3 Sep 08:00 (1 day)
        -> 100 %, 100 %, vs vendor price 0 %; score 100, rank 1
"""

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin


@tagged("post_install", "-at_install")
class TestVendorScorecard(RoleUsersMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.vendor_a = cls._partner("Vendor A")
        cls.vendor_b = cls._partner("Vendor B")
        cls.p1 = cls._product("P1")
        cls.p2 = cls._product("P2")
        cls.env["product.supplierinfo"].create(
            {
                "partner_id": cls.vendor_a.id,
                "product_tmpl_id": cls.p1.product_tmpl_id.id,
                "price": 9.5,
                "company_id": cls.company.id,
            }
        )
        po1 = cls._received(
            cls.vendor_a, cls.p1, 10, 10.0, "2026-09-01 08:00", "2026-09-05", 10, "2026-09-04 08:00"
        )
        po2 = cls._received(
            cls.vendor_a, cls.p1, 10, 10.0, "2026-09-10 08:00", "2026-09-15", 8, "2026-09-20 08:00"
        )
        cls._received(
            cls.vendor_a, cls.p1, 20, 11.0, "2026-10-01 08:00", "2026-10-10", 20, "2026-10-08 08:00"
        )
        cls._received(
            cls.vendor_b, cls.p2, 5, 20.0, "2026-09-02 08:00", "2026-09-03", 5, "2026-09-03 08:00"
        )
        inspections = cls.env["qc.inspection"].sudo()
        for order, qty, state, rejected in ((po1, 10, "success", 0), (po2, 8, "failed", 2)):
            inspections.create(
                {
                    "object_id": "stock.move,%d" % order.picking_ids.move_ids.id,
                    "qty": qty,
                    "state": state,
                    "unifyx_rejected_qty": rejected,
                    "date_done": "2026-09-25 10:00",
                }
            )
        cls.env.flush_all()

    @classmethod
    def _partner(cls, name):
        return cls.env["res.partner"].create(
            {"name": name, "is_company": True, "company_id": cls.company.id}
        )

    @classmethod
    def _product(cls, name):
        return cls.env["product.product"].create(
            {"name": name, "type": "consu", "is_storable": True, "supplier_taxes_id": False}
        )

    @classmethod
    def _received(cls, vendor, product, qty, price, approved, promised, received, done):
        order = cls.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "company_id": cls.company.id,
                "picking_type_id": cls.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": price,
                            "taxes_id": False,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        order.write({"date_approve": approved})
        order.order_line.date_planned = promised + " 12:00"
        picking = order.picking_ids
        picking.move_ids.quantity = received
        picking.move_ids.picked = True
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()
        picking.move_ids.write({"date": done})
        return order

    def row(self, vendor, month):
        rows = self.env["unifyx.vendor.scorecard"].search(
            [("partner_id", "=", vendor.id), ("month", "=", month)]
        )
        self.assertEqual(len(rows), 1)
        return rows

    def test_vendor_a_september(self):
        row = self.row(self.vendor_a, "2026-09-01")
        self.assertEqual(row.company_id, self.company)
        self.assertEqual((row.receipt_count, row.on_time_count), (2, 1))
        self.assertAlmostEqual(row.on_time_rate, 50.0)
        self.assertEqual((row.qty_ordered, row.qty_received), (20.0, 18.0))
        self.assertAlmostEqual(row.quantity_accuracy, 90.0)
        self.assertEqual((row.qty_inspected, row.qty_rejected), (18.0, 2.0))
        self.assertAlmostEqual(row.reject_rate, 200.0 / 18, places=3)
        self.assertAlmostEqual(row.lead_time_days, 6.5)
        self.assertAlmostEqual(row.price_drift_contract, 900.0 / 171, places=3)
        self.assertFalse(row.price_drift_previous)
        self.assertAlmostEqual(row.score, (50 + 90 + (100 - 200.0 / 18)) / 3, places=3)
        self.assertEqual(row.rank, 2)

    def test_vendor_a_october(self):
        row = self.row(self.vendor_a, "2026-10-01")
        self.assertEqual((row.receipt_count, row.on_time_count), (1, 1))
        self.assertAlmostEqual(row.on_time_rate, 100.0)
        self.assertAlmostEqual(row.quantity_accuracy, 100.0)
        self.assertEqual(row.qty_inspected, 0.0)
        self.assertAlmostEqual(row.lead_time_days, 7.0)
        self.assertAlmostEqual(row.price_drift_previous, 10.0)
        self.assertAlmostEqual(row.price_drift_contract, 3000.0 / 190, places=3)
        self.assertAlmostEqual(row.score, 100.0)
        self.assertEqual(row.rank, 1)

    def test_vendor_b_september(self):
        row = self.row(self.vendor_b, "2026-09-01")
        self.assertEqual((row.receipt_count, row.on_time_count), (1, 1))
        self.assertAlmostEqual(row.lead_time_days, 1.0)
        self.assertAlmostEqual(row.price_drift_contract, 0.0)
        self.assertAlmostEqual(row.score, 100.0)
        self.assertEqual(row.rank, 1)

    def test_vendor_form_and_tender_comparison(self):
        purchaser = self.users["purchaser"]
        vendor_a = self.vendor_a.with_user(purchaser)
        self.assertAlmostEqual(vendor_a.unifyx_vendor_score, 100.0)
        self.assertEqual(vendor_a.unifyx_vendor_rank, 1)
        self.assertEqual(vendor_a.unifyx_vendor_score_month, fields.Date.to_date("2026-10-01"))
        action = vendor_a.action_unifyx_view_scorecard()
        self.assertEqual(len(self.env["unifyx.vendor.scorecard"].search(action["domain"])), 2)
        rfq = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor_b.id,
                "company_id": self.company.id,
                "order_line": [Command.create({"product_id": self.p2.id, "product_qty": 1})],
            }
        )
        line = rfq.order_line.with_user(purchaser)
        self.assertAlmostEqual(line.unifyx_vendor_score, 100.0)
        self.assertEqual(line.unifyx_vendor_rank, 1)

    def test_read_only_per_company_and_role(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        scorecard = self.env["unifyx.vendor.scorecard"]
        self.assertEqual(
            set(scorecard.with_user(self.users["purchaser"]).search([]).company_id.ids),
            {self.company.id},
        )
        self.assertEqual(len(scorecard.with_user(self.users["purchaser"]).search([])), 3)
        # The same purchaser working in another company reads none of these.
        purchaser = self.users["purchaser"]
        purchaser.company_ids = [Command.link(other.id)]
        self.assertFalse(
            scorecard.with_user(purchaser).with_context(allowed_company_ids=other.ids).search([])
        )
        for role in ("warehouse_operator", "salesperson"):
            with self.assertRaises(AccessError):
                scorecard.with_user(self.users[role]).search([])
        row = scorecard.search([], limit=1)
        with self.assertRaises(AccessError):
            row.with_user(self.users["purchasing_manager"]).write({"score": 0})
