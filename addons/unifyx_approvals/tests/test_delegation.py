# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import UnifyxCompanyCase, decide, matrix_row, purchase_order


@tagged("post_install", "-at_install")
class TestDelegation(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_purchasing_manager",
            name="PO from 5,000",
            amount_min=5000,
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Vendor D", "company_id": cls.company.id}
        )
        cls.product = cls.env["product.product"].create({"name": "Widget D", "type": "consu"})
        cls.manager = cls.users["purchasing_manager"]
        cls.stand_in = cls.users["warehouse_manager"]  # not a purchasing manager
        cls.today = fields.Date.context_today(cls.manager)

    def _order(self):
        order = purchase_order(self.env, self.users["purchaser"], self.vendor, self.product, 9000)
        order.request_validation()
        return order

    def _delegate(self, date_to, date_from=None):
        # People set their own delegation, from their preferences.
        self.manager.with_user(self.manager).write(
            {
                "unifyx_delegate_id": self.stand_in.id,
                "unifyx_delegate_date_from": date_from,
                "unifyx_delegate_date_to": date_to,
            }
        )

    def test_delegate_approves_during_delegation(self):
        order = self._order()
        self.assertNotIn(self.stand_in, order.review_ids.reviewer_ids)
        self._delegate(self.today + timedelta(days=7))
        self.assertIn(self.stand_in, order.review_ids.reviewer_ids, "open reviews follow")
        self.assertIn(self.stand_in, order.activity_ids.user_id, "with a to-do")
        self.assertIn(self.stand_in, self._order().review_ids.reviewer_ids, "and new ones")
        decide(order, self.stand_in)
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.review_ids.done_by, self.stand_in)

    def test_no_approval_after_delegation_ended(self):
        self._delegate(self.today)
        order = self._order()
        self.assertIn(self.stand_in, order.review_ids.reviewer_ids)
        with freeze_time(self.today + timedelta(days=1)):
            with self.assertRaises(UserError):
                decide(order, self.stand_in)
            self.env["tier.review"]._cron_unifyx_refresh_delegations()
            self.assertNotIn(self.stand_in, order.review_ids.reviewer_ids)
            self.assertNotIn(self.stand_in, order.activity_ids.user_id)
        self.assertNotIn("approved", order.review_ids.mapped("status"))

    def test_future_delegation_not_active_yet(self):
        """A delegation that starts later gives the delegate nothing to approve
        now (through the real approve path), and lets them approve once its
        period starts."""
        start = self.today + timedelta(days=3)
        self._delegate(self.today + timedelta(days=10), date_from=start)
        order = self._order()
        self.assertNotIn(self.stand_in, order.review_ids.reviewer_ids)
        # Before the period: the Validate button decides nothing for them.
        decide(order, self.stand_in)
        self.assertEqual(order.review_ids.mapped("status"), ["pending"])
        self.assertNotEqual(order.validation_status, "validated")
        self.assertFalse(order.review_ids.done_by)
        # Nor does deciding the review itself, as a crafted call would.
        order.with_user(self.stand_in)._validate_tier(order.review_ids)
        order.invalidate_recordset()
        self.assertEqual(order.review_ids.mapped("status"), ["pending"])
        with freeze_time(start):
            self.env["tier.review"]._cron_unifyx_refresh_delegations()
            self.assertIn(self.stand_in, order.review_ids.reviewer_ids)
            decide(order, self.stand_in)
            self.assertEqual(order.validation_status, "validated")
            self.assertEqual(order.review_ids.done_by, self.stand_in)

    def test_delegation_rules(self):
        with self.assertRaises(ValidationError):
            self.manager.with_user(self.manager).write({"unifyx_delegate_id": self.stand_in.id})
        with self.assertRaises(ValidationError):
            self.manager.with_user(self.manager).write(
                {"unifyx_delegate_id": self.manager.id, "unifyx_delegate_date_to": self.today}
            )

    def test_delegate_cannot_approve_own_request(self):
        self._delegate(self.today + timedelta(days=7))
        order = purchase_order(
            self.env(su=True), None, self.vendor, self.product, 9000, user_id=self.stand_in.id
        )
        order.sudo().request_validation()
        with self.assertRaises(UserError):
            decide(order, self.stand_in)
