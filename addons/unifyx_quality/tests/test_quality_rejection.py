# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A failed inspection: 4 of 10 valves at 10.00 rejected. Hand-worked figures:
receipt +10 units / +100.00 (Dr stock valuation, Cr stock interim received),
return -4 units / -40.00 (the reverse entry), 6 units worth 60.00 in stock;
a bill of the 10 received (100.00) gets a draft credit note of 4 x 10.00."""

from odoo.tests import TransactionCase, tagged

from .common import QualityMixin


@tagged("post_install", "-at_install")
class TestQualityRejection(QualityMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_quality()

    def reject(self, inspection, qty, reason="Scratched bodies"):
        self.answer(inspection, ok=False)
        inspection.with_user(self.operator).action_confirm()
        self.assertEqual(inspection.state, "waiting")
        action = inspection.with_user(self.manager).action_approve()
        self.assertEqual(action["res_model"], "unifyx.quality.reject")
        wizard = (
            self.env["unifyx.quality.reject"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"quantity": qty, "reason": reason})
        )
        self.assertEqual(wizard.inspection_id, inspection)
        wizard.action_reject()
        return inspection.unifyx_return_picking_id

    def balance(self, account):
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", account.id),
                ("product_id", "=", self.product.id),
                ("parent_state", "=", "posted"),
            ]
        )
        return round(sum(lines.mapped("debit")) - sum(lines.mapped("credit")), 2)

    def test_failed_inspection_returns_rejected_quantity(self):
        order = self.purchase(qty=10.0, price=10.0)
        inspection, storage = self.receive_to_quality(order)
        self.assertEqual(self.balance(self.accounts["stock_valuation"]), 100.0)
        self.assertEqual(self.balance(self.accounts["stock_in"]), -100.0)
        back = self.reject(inspection, 4.0)

        self.assertEqual(inspection.state, "failed")
        self.assertEqual(inspection.unifyx_rejected_qty, 4.0)
        self.assertEqual(inspection.unifyx_reject_reason, "Scratched bodies")
        self.assertEqual(back.location_id, self.warehouse.wh_qc_stock_loc_id)
        self.assertEqual(back.location_dest_id.usage, "supplier")
        self.assertEqual(back.partner_id, self.vendor)
        self.assertEqual(back.move_ids.product_uom_qty, 4.0)
        self.assertEqual(back.state, "assigned")
        self.assertEqual(back.move_ids.origin_returned_move_id, order.picking_ids[0].move_ids[:1])
        self.assertEqual(storage.move_ids.product_uom_qty, 6.0)
        self.assertEqual(storage.state, "assigned")
        # Not billed yet: finance is told on the order, no credit note.
        self.assertFalse(inspection.unifyx_credit_note_id)
        activity = order.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.finance)
        self.assertIn("4.0", activity.summary)
        self.assertIn("Valve DN50", activity.summary)
        self.assertIn("Scratched bodies", activity.note)

        self.validate(back)
        self.validate(storage)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 6.0)
        self.assertEqual(self.quants(self.warehouse.wh_qc_stock_loc_id), 0.0)
        self.assertEqual(self.quants(self.warehouse.wh_input_stock_loc_id), 0.0)
        layers = self.env["stock.valuation.layer"].search(
            [("product_id", "=", self.product.id)], order="id"
        )
        self.assertEqual(layers.mapped("quantity"), [10.0, -4.0])
        self.assertEqual(layers.mapped("value"), [100.0, -40.0])
        self.assertEqual(self.product.with_company(self.company).value_svl, 60.0)
        self.assertEqual(self.balance(self.accounts["stock_valuation"]), 60.0)
        self.assertEqual(self.balance(self.accounts["stock_in"]), -60.0)
        self.assertEqual(order.order_line.qty_received, 6.0)

    def test_billed_rejection_drafts_the_vendor_credit_note(self):
        order = self.purchase(qty=10.0, price=10.0)
        inspection, storage = self.receive_to_quality(order)
        order.action_create_invoice()
        bill = order.invoice_ids
        bill.invoice_date = bill.date
        bill.action_post()
        self.assertEqual(bill.amount_total, 100.0)
        back = self.reject(inspection, 4.0)

        credit = inspection.unifyx_credit_note_id
        self.assertEqual(credit.move_type, "in_refund")
        self.assertEqual(credit.state, "draft")
        self.assertEqual(credit.partner_id, self.vendor)
        self.assertEqual(credit.invoice_line_ids.quantity, 4.0)
        self.assertEqual(credit.invoice_line_ids.price_unit, 10.0)
        self.assertEqual(credit.amount_total, 40.0)
        self.assertEqual(credit.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertIn("draft credit note", order.activity_ids.note.lower())
        self.assertEqual(order.order_line.qty_invoiced, 6.0)

        self.validate(back)
        self.validate(storage)
        credit.invoice_date = credit.date
        credit.action_post()
        # Receipt -100, bill +100, return +40, credit note -40: interim cleared.
        self.assertEqual(self.balance(self.accounts["stock_in"]), 0.0)
        self.assertEqual(self.balance(self.accounts["stock_valuation"]), 60.0)
        self.assertEqual(order.order_line.qty_received, 6.0)
        self.assertEqual(order.order_line.qty_invoiced, 6.0)

    def test_whole_quantity_rejected_cancels_storage(self):
        order = self.purchase(qty=3.0, price=10.0)
        inspection, storage = self.receive_to_quality(order)
        back = self.reject(inspection, 3.0, reason="Wrong model")
        self.assertEqual(storage.state, "cancel")
        self.validate(back)
        self.assertEqual(self.quants(self.warehouse.wh_qc_stock_loc_id), 0.0)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 0.0)
        self.assertEqual(order.order_line.qty_received, 0.0)
