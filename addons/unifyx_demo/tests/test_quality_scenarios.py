# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Quality at receipt and the vendor scorecard on the demo distributor: Lyon
in 3 steps, quality points on two categories, the rejected receipt gone back to
its vendor, the receipt waiting at quality released by the warehouse manager,
and four months of scorecards (counted again here from the documents)."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestQualityScenarios(DemoCompanyCase):
    def test_lyon_quality_setup(self):
        self.assertEqual(self.lyon.reception_steps, "three_steps")
        trigger = self.env["qc.trigger"].search([("picking_type_id", "=", self.lyon.qc_type_id.id)])
        lines = self.env["qc.trigger.product_category_line"].search([("trigger", "=", trigger.id)])
        self.assertEqual(
            set(lines.product_category.ids),
            {
                self.env.ref("unifyx_demo.product_category_cab_demo").id,
                self.env.ref("unifyx_demo.product_category_rac_demo").id,
            },
        )

    def test_failed_inspection_returned_to_vendor(self):
        failed = self.env["qc.inspection"].search(
            [("company_id", "=", self.company.id), ("state", "=", "failed")]
        )
        self.assertEqual(len(failed), 1)
        back = failed.unifyx_return_picking_id
        self.assertEqual(back.state, "done")
        self.assertEqual(back.location_id, self.lyon.wh_qc_stock_loc_id)
        self.assertEqual(back.location_dest_id.usage, "supplier")
        self.assertEqual(back.partner_id, failed.unifyx_vendor_id)
        self.assertEqual(back.move_ids.quantity, failed.unifyx_rejected_qty)
        self.assertTrue(failed.unifyx_reject_reason)
        receipt = back.move_ids.origin_returned_move_id
        line = receipt.purchase_line_id
        # The order counts the accepted quantity only; finance was asked for the credit.
        self.assertEqual(line.qty_received, receipt.quantity - failed.unifyx_rejected_qty)
        self.assertTrue(
            line.order_id.activity_ids.filtered(lambda a: "credit" in a.summary.lower())
        )

    def test_receipt_waits_at_quality_until_passed(self):
        waiting = self.env["qc.inspection"].search(
            [("company_id", "=", self.company.id), ("state", "=", "ready")]
        )
        self.assertTrue(waiting)
        inspection = waiting[0]
        storage = inspection.object_id.move_dest_ids.picking_id
        self.assertEqual(storage.picking_type_id, self.lyon.store_type_id)
        operator, manager = self.user["wh_operator"], self.user["wh_manager"]
        for move in storage.move_ids:
            move.quantity = move.product_uom_qty
        storage.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "quality control"):
            storage.with_user(operator).button_validate()
        for insp in waiting.filtered(lambda i: i.object_id.move_dest_ids.picking_id == storage):
            for line in insp.inspection_lines:
                line.with_user(operator).qualitative_value = line.possible_ql_values.filtered("ok")
            insp.with_user(operator).action_confirm()
            self.assertEqual(insp.state, "waiting")
            insp.with_user(manager).action_approve()
            self.assertEqual(insp.state, "success")
        storage.with_user(operator).button_validate()
        self.assertEqual(storage.state, "done")

    def test_scorecard_reads_like_a_real_one(self):
        rows = (
            self.env["unifyx.vendor.scorecard"]
            .with_user(self.user["purchaser"])
            .search([("company_id", "=", self.company.id), ("qty_inspected", ">", 0)])
        )
        self.assertGreaterEqual(len(set(rows.mapped("month"))), 4)
        self.assertGreaterEqual(len(rows.partner_id), 3)
        failed = self.env["qc.inspection"].search(
            [("company_id", "=", self.company.id), ("state", "=", "failed")]
        )
        month = failed.date_done.date().replace(day=1)
        row = rows.filtered(lambda r: r.partner_id == failed.unifyx_vendor_id and r.month == month)
        # Counted again from the inspections of that vendor and month.
        decided = (
            self.env["qc.inspection"]
            .search(
                [
                    ("unifyx_vendor_id", "=", failed.unifyx_vendor_id.id),
                    ("state", "in", ("success", "failed")),
                    ("company_id", "=", self.company.id),
                ]
            )
            .filtered(lambda i: i.date_done.date().replace(day=1) == month)
        )
        self.assertAlmostEqual(
            row.reject_rate,
            100 * failed.unifyx_rejected_qty / sum(decided.mapped("qty")),
            places=3,
        )
        self.assertLess(row.score, 100)
        for month in set(rows.mapped("month")):
            self.assertIn(1, rows.filtered(lambda r, m=month: r.month == m).mapped("rank"))
        vendor = failed.unifyx_vendor_id.with_user(self.user["purchaser"])
        self.assertTrue(vendor.unifyx_vendor_rank)
