# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PricingCase


@tagged("post_install", "-at_install")
class TestContract(PricingCase):
    def _vals(self, **vals):
        return {
            "name": "C",
            "partner_id": self.customer.id,
            "company_id": self.company.id,
            "line_ids": [
                Command.create(
                    {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}
                )
            ],
            **vals,
        }

    def test_roles(self):
        Contract = self.env["unifyx.price.contract"]
        with self.assertRaises(AccessError):
            Contract.with_user(self.salesperson).create(self._vals())
        # A consultant enters the contract; only a sales manager activates it.
        contract = Contract.with_user(self.consultant).create(self._vals())
        self.assertEqual(contract.with_user(self.salesperson).line_ids.fixed_price, 90)
        with self.assertRaises(AccessError):
            contract.with_user(self.consultant).action_activate()
        with self.assertRaises(AccessError):
            contract.with_user(self.consultant).write({"state": "active"})
        with self.assertRaises(AccessError):
            contract.with_user(self.salesperson).write({"state": "active"})
        contract.with_user(self.manager).action_activate()
        self.assertEqual(contract.state, "active")
        # An active contract prices orders: the consultant cannot change it any more.
        with self.assertRaises(AccessError):
            contract.line_ids.with_user(self.consultant).fixed_price = 1
        contract.line_ids.with_user(self.manager).fixed_price = 89
        contract.with_user(self.director).action_cancel()
        self.assertEqual(contract.state, "cancelled")

    def test_customer_or_segment_and_line_targets(self):
        Contract = self.env["unifyx.price.contract"]
        with self.assertRaises(ValidationError):
            Contract.create(self._vals(customer_segment_id=self.segment.id))
        with self.assertRaises(ValidationError):
            Contract.create(self._vals(partner_id=False))
        with self.assertRaises(ValidationError):
            Contract.create(
                self._vals(
                    line_ids=[
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "categ_id": self.categ.id,
                                "price_type": "fixed",
                            }
                        )
                    ]
                )
            )
        with self.assertRaises(ValidationError):
            Contract.create(self._vals(date_start=date(2026, 2, 1), date_end=date(2026, 1, 1)))

    def test_multi_company(self):
        contract = self.env["unifyx.price.contract"].create(self._vals())
        other = self.env["res.company"].create({"name": "Other Co T"})
        outsider = self.env["res.users"].create(
            {
                "name": "Other manager",
                "login": "other_manager_t",
                "company_id": other.id,
                "company_ids": [Command.set(other.ids)],
                "groups_id": [Command.set(self.manager.groups_id.ids)],
            }
        )
        Contract = (
            self.env["unifyx.price.contract"]
            .with_user(outsider)
            .with_context(allowed_company_ids=other.ids)
        )
        self.assertFalse(Contract.search([("id", "=", contract.id)]))
        self.assertTrue(
            self.env["unifyx.price.contract"]
            .with_user(self.manager)
            .search([("id", "=", contract.id)])
        )

    def test_expiry_and_reminder(self):
        today = fields.Date.context_today(self.env["unifyx.price.contract"])
        ended = self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
            date_start=today - timedelta(days=100),
            date_end=today - timedelta(days=1),
        )
        ending = self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            segment=self.segment,
            date_start=today - timedelta(days=100),
            date_end=today + timedelta(days=30),
        )
        later = self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.other_customer,
            date_start=today - timedelta(days=100),
            date_end=today + timedelta(days=31),
        )
        Contract = self.env["unifyx.price.contract"]
        Contract._cron_expire_and_remind()
        self.assertEqual(ended.state, "expired")
        self.assertEqual(ending.state, "active")
        self.assertEqual(len(ending.activity_ids), 1)
        self.assertEqual(ending.activity_ids.user_id, self.manager)
        self.assertFalse(later.activity_ids)
        # Run again: no second reminder.
        Contract._cron_expire_and_remind()
        self.assertEqual(len(ending.activity_ids), 1)
