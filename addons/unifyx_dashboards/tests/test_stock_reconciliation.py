# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestStockReconciliation(TransactionCase):
    """On the demo distributor (real-time valuation on account 370000)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("unifyx_approvals.company_distributor_demo")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.finance = cls.env["res.users"].search([("login", "=", "finance")])
        cls.stock_account = cls.env["account.account"].search(
            [("company_ids", "in", cls.company.id), ("code", "=", "370000")]
        )

    def _reconcile(self, user=None):
        Reconciliation = self.env["unifyx.stock.reconciliation"]
        if user:
            Reconciliation = Reconciliation.with_user(user)
        rec = Reconciliation.create(
            {"company_id": self.company.id, "date": fields.Date.context_today(Reconciliation)}
        )
        rec.action_compute()
        return rec

    def test_balanced_then_unbalanced_entry_found(self):
        rec = self._reconcile(self.finance)
        self.assertEqual(rec.state, "balanced")
        self.assertGreater(rec.valuation_total, 0)
        account_line = rec.line_ids.filtered(
            lambda line: line.line_type == "account" and line.account_id == self.stock_account
        )
        self.assertAlmostEqual(account_line.valuation, account_line.ledger, places=2)

        # A manual entry on the stock account: the books no longer match the stock.
        other = self.env["account.account"].search(
            [("company_ids", "in", self.company.id), ("code", "=", "603700")]
        )
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "general")], limit=1
        )
        entry = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": fields.Date.context_today(journal),
                "line_ids": [
                    Command.create({"account_id": self.stock_account.id, "debit": 123.45}),
                    Command.create({"account_id": other.id, "credit": 123.45}),
                ],
            }
        )
        entry.action_post()
        rec = self._reconcile(self.finance)
        self.assertEqual(rec.state, "difference")
        self.assertAlmostEqual(rec.difference, 123.45, places=2)
        culprit = rec.line_ids.filtered(lambda line: line.line_type == "manual_entry")
        self.assertEqual(culprit.move_id, entry)
        self.assertAlmostEqual(culprit.difference, 123.45, places=2)

    def test_only_finance_reconciles(self):
        manager = self.env["res.users"].search([("login", "=", "wh_manager")])
        with self.assertRaises(AccessError):
            self._reconcile(manager)
