# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PricingCase


@tagged("post_install", "-at_install")
class TestPriceException(PricingCase):
    def _request(self, user=None):
        return self._exception([(self.product, 70)], user=user, expiry=date(2026, 6, 30))

    def test_applies_only_once_approved_and_until_expiry(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        exception = self._request()
        self.assertEqual(exception.state, "to_approve")
        line = self._order([(self.product, 1, {})]).order_line
        self.assertEqual((line.price_unit, line.unifyx_price_source), (90, "contract"))
        exception.with_user(self.manager).action_approve()
        self.assertEqual(exception.approved_by_id, self.manager)
        line = self._order([(self.product, 1, {})]).order_line
        self.assertEqual((line.price_unit, line.unifyx_price_source), (70, "exception"))
        self.assertIn(exception.name, line.unifyx_price_reason)
        # An approved exception is no discount of the salesperson's.
        self.assertFalse(line.order_id.unifyx_exception_type_ids)
        for day, price in ((date(2026, 6, 30), 70), (date(2026, 7, 1), 90)):
            line = self._order([(self.product, 1, {})], day=day).order_line
            self.assertEqual(line.price_unit, price, day)
        # Another customer does not get it.
        line = self._order([(self.product, 1, {})], partner=self.other_customer).order_line
        self.assertEqual(line.price_unit, 100)

    def test_nobody_approves_their_own_or_by_rpc(self):
        exception = self._request()
        for vals in ({"state": "approved"}, {"approved_by_id": self.manager.id}):
            with self.assertRaises(AccessError):
                exception.with_user(self.salesperson).write(vals)
        with self.assertRaises(AccessError):
            exception.with_user(self.salesperson).action_approve()
        own = self._request(user=self.manager)
        with self.assertRaises(AccessError):
            own.with_user(self.manager).action_approve()
        # Created straight as approved over RPC: still a draft.
        forged = (
            self.env["unifyx.price.exception"]
            .with_user(self.salesperson)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "reason": "x",
                    "date_expiry": date(2026, 12, 31),
                    "state": "approved",
                    "line_ids": [Command.create({"product_id": self.product.id, "price": 1})],
                }
            )
        )
        self.assertEqual(forged.state, "draft")

    def test_approved_exception_is_frozen(self):
        exception = self._request()
        exception.with_user(self.manager).action_approve()
        with self.assertRaises(UserError):
            exception.line_ids.with_user(self.salesperson).price = 1
        with self.assertRaises(UserError):
            exception.with_user(self.salesperson).date_expiry = date(2030, 1, 1)

    def test_salespeople_see_their_own_requests(self):
        exception = self._request()
        other = self.env["res.users"].create(
            {
                "name": "Second seller",
                "login": "second_seller_t",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [Command.set(self.salesperson.groups_id.ids)],
            }
        )
        Exception_ = self.env["unifyx.price.exception"]
        self.assertFalse(Exception_.with_user(other).search([("id", "=", exception.id)]))
        self.assertTrue(Exception_.with_user(self.manager).search([("id", "=", exception.id)]))
        # Yet once approved it prices their quotations too, and says why.
        exception.with_user(self.manager).action_approve()
        line = self._order([(self.product, 1, {})], user=other).order_line
        line.invalidate_recordset()
        self.assertEqual(line.with_user(other).unifyx_price_source, "exception")
        self.assertIn(exception.name, line.with_user(other).unifyx_price_reason)
