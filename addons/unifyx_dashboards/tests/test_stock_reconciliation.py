# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase


@tagged("post_install", "-at_install")
class TestStockReconciliation(UnifyxCase):
    """In a company of its own with the generic chart of accounts and a
    real-time valued product: 10 received at 12.00 make 120.00 of stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.finance = cls.users["finance"]
        category = cls.env["product.category"].create(
            {
                "name": "Reconciled Goods",
                "property_cost_method": "average",
                "property_valuation": "real_time",
            }
        )
        cls.stock_account = category.property_stock_valuation_account_id
        product = cls.env["product.product"].create(
            {"name": "Reconciled A", "is_storable": True, "categ_id": category.id}
        )
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])
        receipt = cls.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": warehouse.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "Reconciled A",
                            "product_id": product.id,
                            "product_uom_qty": 10,
                            "price_unit": 12.0,
                            "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        receipt.move_ids.quantity = 10
        receipt.button_validate()
        assert receipt.state == "done"

    def _reconcile(self, user=None):
        Reconciliation = self.env["unifyx.stock.reconciliation"]
        if user:
            Reconciliation = Reconciliation.with_user(user)
        rec = Reconciliation.create(
            # Tomorrow: a period end after every entry of the test, whatever the
            # time zone the entries were dated in (Paris is a day ahead at 23:00 UTC).
            {"company_id": self.company.id, "date": fields.Date.today() + timedelta(days=1)}
        )
        rec.action_compute()
        return rec

    def test_balanced_then_unbalanced_entry_found(self):
        self.assertTrue(self.stock_account, "the chart gives the category a valuation account")
        rec = self._reconcile(self.finance)
        self.assertEqual(rec.state, "balanced")
        self.assertAlmostEqual(rec.valuation_total, 120.0, places=2)
        account_line = rec.line_ids.filtered(
            lambda line: line.line_type == "account" and line.account_id == self.stock_account
        )
        self.assertAlmostEqual(account_line.valuation, 120.0, places=2)
        self.assertAlmostEqual(account_line.ledger, 120.0, places=2)

        # A manual entry on the stock account: the books no longer match the stock.
        other = self.env["account.account"].search(
            [("company_ids", "in", self.company.id), ("account_type", "=", "expense")], limit=1
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
        with self.assertRaises(AccessError):
            self._reconcile(self.users["warehouse_manager"])
