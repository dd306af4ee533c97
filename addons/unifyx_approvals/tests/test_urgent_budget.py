# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import UnifyxCompanyCase, purchase_order


@tagged("post_install", "-at_install")
class TestUrgentAndBudget(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = cls.env.ref("unifyx_base.group_purchasing_manager")
        finance = cls.env.ref("unifyx_base.group_finance")
        Matrix = cls.env["unifyx.approval.matrix"].with_user(cls.users["consultant"])
        Matrix.create(
            {
                "name": "PO from 5,000",
                "company_id": cls.company.id,
                "amount_min": 5000,
                "step_ids": [Command.create({"group_id": group.id})],
            }
        )
        cls.budget_row = Matrix.create(
            {
                "name": "Over budget",
                "sequence": 50,
                "company_id": cls.company.id,
                "over_budget": True,
                "step_ids": [Command.create({"group_id": finance.id})],
            }
        )
        cls.category = cls.env["product.category"].create({"name": "Cables T"})
        cls.sub_category = cls.env["product.category"].create(
            {"name": "Copper T", "parent_id": cls.category.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Cable T", "type": "consu", "categ_id": cls.sub_category.id}
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Vendor U", "company_id": cls.company.id}
        )
        today = fields.Date.context_today(cls.env["res.users"])
        cls.budget = (
            cls.env["unifyx.purchase.budget"]
            .with_user(cls.users["finance"])
            .create(
                {
                    "company_id": cls.company.id,
                    "category_id": cls.category.id,
                    "date_from": today.replace(day=1),
                    "date_to": today.replace(day=1) + timedelta(days=40),
                    "amount": 3000,
                }
            )
        )

    def _order(self, amount, **vals):
        return purchase_order(
            self.env, self.users["purchaser"], self.vendor, self.product, amount, **vals
        )

    def test_budget_consumption_and_release(self):
        first = self._order(2000)
        self.assertFalse(first.unifyx_budget_exceeded)
        first.button_confirm()
        self.assertEqual(first.state, "purchase")
        self.assertEqual(self.budget.committed, 2000)
        self.assertEqual(self.budget.remaining, 1000)
        # 1,500 more would exceed the 3,000 budget: finance must approve, even
        # under the purchaser's amount limit.
        second = self._order(1500)
        self.assertTrue(second.unifyx_budget_exceeded)
        self.assertIn("Finance", second.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            second.button_confirm()
        # Cancelling the first order releases its budget.
        first.with_user(self.users["purchaser"]).button_cancel()
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.committed, 0)
        second.invalidate_recordset()
        self.assertFalse(second.unifyx_budget_exceeded)
        second.button_confirm()
        self.assertEqual(second.state, "purchase")

    def test_budget_per_analytic_account(self):
        plan = self.env["account.analytic.plan"].create({"name": "Projects T"})
        project = self.env["account.analytic.account"].create(
            {"name": "Site Lyon T", "plan_id": plan.id, "company_id": self.company.id}
        )
        other = self.env["account.analytic.account"].create(
            {"name": "Site Nice T", "plan_id": plan.id, "company_id": self.company.id}
        )
        budget = (
            self.env["unifyx.purchase.budget"]
            .with_user(self.users["finance"])
            .create(
                {
                    "company_id": self.company.id,
                    "analytic_account_id": project.id,
                    "date_from": self.budget.date_from,
                    "date_to": self.budget.date_to,
                    "amount": 1000,
                }
            )
        )
        # Half of this line goes to the project: 750 of 1,500 is committed.
        first = self._order(1500)
        first.order_line.analytic_distribution = {str(project.id): 50, str(other.id): 50}
        self.assertFalse(first.unifyx_budget_exceeded)
        first.button_confirm()
        self.assertAlmostEqual(budget.committed, 750)
        self.assertAlmostEqual(budget.remaining, 250)
        # Lines of another account or without distribution do not count...
        elsewhere = self._order(400)
        elsewhere.order_line.analytic_distribution = {str(other.id): 100}
        self.assertFalse(elsewhere.unifyx_budget_exceeded)
        # ...300 more on the project would exceed it: finance must approve.
        second = self._order(300)
        second.order_line.analytic_distribution = {str(project.id): 100}
        self.assertTrue(second.unifyx_budget_exceeded)
        self.assertIn("Finance", second.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            second.button_confirm()
        first.with_user(self.users["purchaser"]).button_cancel()
        budget.invalidate_recordset()
        self.assertEqual(budget.committed, 0)

    def test_budget_scope_is_category_or_account(self):
        account = self.env["account.analytic.account"].create(
            {
                "name": "Both T",
                "plan_id": self.env["account.analytic.plan"].create({"name": "P T"}).id,
            }
        )
        Budget = self.env["unifyx.purchase.budget"].with_user(self.users["finance"])
        vals = {
            "company_id": self.company.id,
            "date_from": self.budget.date_from,
            "date_to": self.budget.date_to,
            "amount": 10,
        }
        with self.assertRaises(ValidationError):
            Budget.create(vals)
        with self.assertRaises(ValidationError):
            Budget.create(dict(vals, category_id=self.category.id, analytic_account_id=account.id))

    def test_budget_rights(self):
        with self.assertRaises(AccessError):
            self.budget.with_user(self.users["purchasing_manager"]).write({"amount": 1e9})
        with self.assertRaises(ValidationError):
            self.budget.with_user(self.users["finance"]).write({"amount": -1})

    def test_urgent_purchase_confirms_now_and_is_approved_after(self):
        with self.assertRaises(ValidationError):
            self._order(8000, unifyx_urgent=True)
        order = self._order(8000, unifyx_urgent=True, unifyx_urgent_reason="Site stopped")
        order.button_confirm()
        self.assertEqual(order.state, "purchase", "confirmed at once")
        self.assertEqual(order.unifyx_urgent_state, "to_approve")
        self.assertEqual(
            order.unifyx_urgent_deadline,
            fields.Date.add(fields.Date.context_today(order), days=2),
        )
        self.assertIn(
            self.users["purchasing_manager"], order.activity_ids.user_id, "approver notified"
        )
        # The approval fields cannot be written directly, nor approved by the requester.
        with self.assertRaises(AccessError):
            order.with_user(self.users["purchaser"]).write({"unifyx_urgent_state": "approved"})
        with self.assertRaises(AccessError):
            order.with_user(self.users["purchaser"]).action_unifyx_approve_urgent()
        order.with_user(self.users["purchasing_manager"]).action_unifyx_approve_urgent()
        self.assertEqual(order.unifyx_urgent_state, "approved")
        self.assertEqual(order.unifyx_urgent_approved_by, self.users["purchasing_manager"])

    def test_urgent_overdue_is_escalated(self):
        order = self._order(8000, unifyx_urgent=True, unifyx_urgent_reason="Stock-out")
        order.button_confirm()
        order.sudo().unifyx_urgent_deadline = fields.Date.subtract(
            fields.Date.context_today(order), days=1
        )
        escalated = self.env["purchase.order"]._cron_unifyx_escalate_urgent()
        self.assertIn(order, escalated)
        self.assertEqual(order.unifyx_urgent_state, "overdue")
        self.assertIn(self.users["finance"], order.activity_ids.user_id)
        action = self.env.ref("unifyx_approvals.purchase_order_action_urgent")
        self.assertIn(order, self.env["purchase.order"].search(safe_eval(action.domain)))
        order.with_user(self.users["finance"]).action_unifyx_approve_urgent()
        self.assertEqual(order.unifyx_urgent_state, "approved")

    def test_confirmed_order_cannot_become_urgent(self):
        order = self._order(100)
        order.button_confirm()
        with self.assertRaises(UserError):
            order.with_user(self.users["purchaser"]).write(
                {"unifyx_urgent": True, "unifyx_urgent_reason": "late"}
            )

    def test_negative_line_does_not_dodge_the_budget(self):
        # +4,000 and -2,000: 2,000 net fits the 3,000 budget, 4,000 bought does not.
        order = self._order(4000)
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "price_unit": -2000, "taxes_id": False}
                    )
                ]
            }
        )
        self.assertTrue(order.unifyx_budget_exceeded)
        with self.assertRaises(ValidationError):
            order.with_user(self.users["purchaser"]).button_confirm()
        self.assertEqual(order.state, "draft")
        # Nor does a confirmed order's negative line free budget for the next one.
        first = self._order(2000)
        first.order_line.create(
            {"order_id": first.id, "product_id": self.product.id, "price_unit": -2000}
        )
        first.sudo().button_confirm()
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.committed, 2000)

    def test_approved_urgent_purchase_cannot_get_worse(self):
        purchaser = self.users["purchaser"]
        order = self._order(1000, unifyx_urgent=True, unifyx_urgent_reason="Site stopped")
        order.button_confirm()
        order.with_user(self.users["purchasing_manager"]).action_unifyx_approve_urgent()
        line = order.order_line.with_user(purchaser)
        Line = self.env["purchase.order.line"].with_user(purchaser)
        new_line = {"product_id": self.product.id, "price_unit": 100000, "taxes_id": False}
        for attempt in (
            lambda: line.write({"price_unit": 100000}),
            lambda: line.write({"product_qty": 100}),
            lambda: order.with_user(purchaser).write({"order_line": [Command.create(new_line)]}),
            lambda: Line.create(dict(new_line, order_id=order.id)),
            lambda: order.with_user(purchaser).write(
                {"partner_id": self.users["finance"].partner_id.id}
            ),
        ):
            with self.subTest(attempt=attempt), self.assertRaises(UserError):
                attempt()
        order.invalidate_recordset()
        self.assertEqual((order.amount_untaxed, order.partner_id), (1000, self.vendor))
        # Less is not worse.
        line.write({"price_unit": 500})
        self.assertEqual(order.amount_untaxed, 500)

    def test_urgent_approval_does_not_outlive_its_order(self):
        # Approved at 1,000, cancelled, back to draft, 100,000, confirmed: the
        # old approval after the fact stood for the new order.
        order = self._order(1000, unifyx_urgent=True, unifyx_urgent_reason="Site stopped")
        order.button_confirm()
        order.with_user(self.users["purchasing_manager"]).action_unifyx_approve_urgent()
        order = order.with_user(self.users["purchaser"])
        order.button_cancel()
        order.button_draft()
        self.assertFalse(order.unifyx_urgent_state)
        order.order_line.price_unit = 100000
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.unifyx_urgent_state, "to_approve", "approved again, after the fact")
        self.assertFalse(order.unifyx_urgent_approved_by)
