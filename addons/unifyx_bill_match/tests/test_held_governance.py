# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import BillMatchCase

HELD = "held by the three-way match"


@tagged("post_install", "-at_install")
class TestHeldGovernance(RpcClientMixin, BillMatchCase, HttpCase):
    """A held bill cannot be posted nor paid, by any path; the match's own
    records are written by the match only. Each refusal through the ORM as
    the user and over XML-RPC and JSON-RPC, and nothing changed."""

    def setUp(self):
        super().setUp()
        order = self.purchase([(self.product_fifo, 10, 10.0)])
        self.receive_po(order)
        self.bill_ = self.bill(order, {self.product_fifo: {"price_unit": 12.0}})
        self.bill_.action_post()
        self.assertEqual(self.bill_.unifyx_match_state, "held")

    def assertStillHeld(self):
        self.bill_.invalidate_recordset()
        self.assertEqual((self.bill_.state, self.bill_.unifyx_match_state), ("draft", "held"))
        self.assertAlmostEqual(self.bill_.invoice_line_ids.price_unit, 12.0)
        self.assertEqual(self.bill_.unifyx_review_id.state, "held")
        self.assertFalse(
            self.env["account.payment"].search([("partner_id", "=", self.vendor.id)]),
            "no payment was made",
        )

    def assertHeldRefused(self, call):
        # Odoo's assertRaises rolls back to a savepoint: nothing is left behind.
        with self.assertRaises(UserError) as refused:
            call()
        self.assertIn(HELD, str(refused.exception))

    def test_post_refused(self):
        self.assertHeldRefused(lambda: self.bill_.with_user(self.finance).action_post())
        self.assertHeldRefused(
            lambda: self.bill_.with_user(self.finance).write({"state": "posted"})
        )
        self.assertRpcRefused(HELD, self.finance, "account.move", "action_post", self.bill_.ids)
        self.assertRpcRefused(
            HELD, self.finance, "account.move", "write", self.bill_.ids, {"state": "posted"}
        )
        self.assertStillHeld()

    def test_match_fields_refused(self):
        for vals in ({"unifyx_match_state": False}, {"unifyx_match_state": "released"}):
            with self.assertRaises(UserError):
                self.bill_.with_user(self.finance).write(vals)
            self.assertRpcRefused(
                "three-way match sets", self.finance, "account.move", "write", self.bill_.ids, vals
            )
        line = self.bill_.invoice_line_ids
        self.assertRpcRefused(
            HELD, self.finance, "account.move.line", "write", line.ids, {"price_unit": 10.0}
        )
        self.assertRpcRefused(
            HELD,
            self.finance,
            "account.move",
            "write",
            self.bill_.ids,
            {"invoice_line_ids": [(1, line.id, {"price_unit": 10.0})]},
        )
        review = self.bill_.unifyx_review_id
        self.assertRpcRefused(
            "Validate and Reject",
            self.finance,
            "unifyx.bill.review",
            "write",
            review.ids,
            {"state": "released"},
        )
        self.assertRpcRefused(
            "come from the three-way match",
            self.finance,
            "unifyx.bill.review",
            "create",
            {"move_id": self.bill_.id},
        )
        match_line = self.bill_.unifyx_match_line_ids
        self.assertRpcRefused(
            "written by the three-way match",
            self.finance,
            "unifyx.bill.match.line",
            "write",
            match_line.ids,
            {"reason_price": False},
        )
        with self.assertRaises(AccessError):
            match_line.with_user(self.finance).write({"reason_price": False})
        self.assertStillHeld()

    def test_payment_refused(self):
        context = {"active_model": "account.move", "active_ids": self.bill_.ids}
        self.assertHeldRefused(
            lambda: (
                self.env["account.payment.register"]
                .with_user(self.finance)
                .with_context(**context)
                .create({})
            )
        )
        self.assertRpcRefused(
            HELD, self.finance, "account.payment.register", "create", {}, context=context
        )
        payable = self.bill_.line_ids.filtered(lambda aml: aml.display_type == "payment_term")
        self.assertRpcRefused(
            HELD,
            self.finance,
            "account.payment.register",
            "create",
            {"line_ids": [(6, 0, payable.ids)]},
        )
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "bank")], limit=1
        )
        payment_vals = {
            "payment_type": "outbound",
            "partner_type": "supplier",
            "partner_id": self.vendor.id,
            "amount": 120.0,
            "journal_id": journal.id,
            "date": fields.Date.to_string(fields.Date.today()),
            # Plain tuples: XML-RPC does not marshal Command.
            "invoice_ids": [(6, 0, self.bill_.ids)],
        }
        self.assertHeldRefused(
            lambda: self.env["account.payment"].with_user(self.finance).create(payment_vals)
        )
        self.assertRpcRefused(HELD, self.finance, "account.payment", "create", payment_vals)
        self.assertHeldRefused(lambda: payable.with_user(self.finance).reconcile())
        self.assertStillHeld()

    def test_purchaser_cannot_set_tolerances_over_rpc(self):
        self.assertRpcRefused(
            "bill tolerances",
            self.purchaser,
            "res.partner",
            "write",
            self.vendor.ids,
            {"unifyx_bill_tolerance_own": True, "unifyx_bill_price_tolerance_percent": 90.0},
        )
        self.assertFalse(self.vendor.unifyx_bill_tolerance_own)
