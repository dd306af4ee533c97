# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14 by the paths the first attack tests did not take: Odoo's Lock
button of a purchase order (then Unlock), and a document created or copied
straight into a confirmed state. Each is tried as the role that must be
refused, and the database is re-read after the refusal."""

from odoo import Command
from odoo.tests import tagged

from .test_governance import REFUSED, GovernanceCase


@tagged("post_install", "-at_install")
class TestStatePaths(GovernanceCase):
    def test_lock_button_does_not_confirm_a_purchase(self):
        # draft -> done (Lock) -> purchase (Unlock) confirmed with no approval.
        order = self.purchase(10000).with_user(self.purchaser)
        for requested in (False, True):
            if requested:
                order.request_validation()
            before = self.state_of(order)
            for attempt in (
                order.button_done,
                lambda: order.write({"state": "done"}),
                lambda: order.write({"state": "to approve"}) and order.button_done(),
            ):
                with self.subTest(requested=requested, attempt=attempt):
                    with self.assertRaises(REFUSED):
                        attempt()
                    self.assertEqual(self.state_of(order), before)
        self.assertEqual(order.state, "draft")

    def test_approved_purchase_locked_is_confirmed_with_its_approval(self):
        order = self.approved_purchase(10000).with_user(self.purchaser)
        order.button_done()
        self.assertEqual(order.state, "done")
        # What was locked is what later changes are compared with.
        self.assertEqual(order.unifyx_approval_snapshot["unifyx_approval_amount"], 10000)
        order.button_unlock()
        with self.assertRaises(REFUSED):
            order.order_line.price_unit = 100000
        self.assertEqual(order.amount_untaxed, 10000)

    def test_document_not_created_confirmed(self):
        Purchase = self.env["purchase.order"].with_user(self.purchaser)
        Sale = self.env["sale.order"].with_user(self.salesperson)
        counts = Purchase.search_count([]), Sale.search_count([])
        for state in ("purchase", "done"):
            with self.subTest(state=state), self.assertRaises(REFUSED):
                Purchase.create(
                    {
                        "partner_id": self.vendor.id,
                        "company_id": self.company.id,
                        "state": state,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": self.product.id,
                                    "price_unit": 10000,
                                    "taxes_id": False,
                                }
                            )
                        ],
                    }
                )
        with self.assertRaises(REFUSED):
            self.sale(2000, state="sale")
        purchase, sale = self.purchase(10000), self.sale(2000)
        for record, state in ((purchase, "purchase"), (purchase, "done"), (sale, "sale")):
            with self.subTest(copy=record, state=state), self.assertRaises(REFUSED):
                record.copy({"state": state})
        self.assertEqual(
            (Purchase.search_count([]), Sale.search_count([])), (counts[0] + 1, counts[1] + 1)
        )
        self.assertEqual((purchase.state, sale.state), ("draft", "draft"))

    def test_small_document_still_created_as_asked(self):
        # Below every band, no approval is needed: creating it confirmed still works.
        order = (
            self.env["purchase.order"]
            .with_user(self.purchaser)
            .create(
                {
                    "partner_id": self.vendor.id,
                    "company_id": self.company.id,
                    "state": "purchase",
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "price_unit": 100, "taxes_id": False}
                        )
                    ],
                }
            )
        )
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.unifyx_approval_snapshot["unifyx_approval_amount"], 100)

    def test_restart_does_not_unbind_a_confirmed_order(self):
        # Confirmed without approval (under every band), Restart took away what
        # it was confirmed at: it could then grow without a check.
        purchase = self.purchase(1000)
        purchase.with_user(self.purchaser).button_confirm()
        sale = self.sale(500)
        sale.with_user(self.salesperson).action_confirm()
        for order, user, price in (
            (purchase, self.purchaser, 100000),
            (sale, self.salesperson, 5000),
        ):
            with self.subTest(order=order):
                self.assertIn(order.state, ("purchase", "sale"))
                self.assertIs(order.with_user(user).restart_validation(), True)
                self.assertTrue(order.unifyx_approval_snapshot)
                amount = order.amount_untaxed
                with self.assertRaises(REFUSED):
                    order.order_line.with_user(user).write({"price_unit": price})
                order.invalidate_recordset()
                self.assertEqual(order.amount_untaxed, amount)
