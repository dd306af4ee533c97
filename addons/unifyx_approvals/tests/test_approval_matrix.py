# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import UnifyxCase, UnifyxCompanyCase, decide


@tagged("post_install", "-at_install")
class TestPurchaseApprovalMatrix(UnifyxCompanyCase):
    """The brief's example matrix for purchases, entered as a consultant would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Matrix = cls.env["unifyx.approval.matrix"].with_user(cls.users["consultant"])
        cls.row_mid = Matrix.create(
            {
                "name": "PO 5,000 to 25,000",
                "sequence": 10,
                "company_id": cls.company.id,
                "amount_min": 5000,
                "amount_max": 25000,
                "step_ids": [
                    Command.create(
                        {"group_id": cls.env.ref("unifyx_base.group_purchasing_manager").id}
                    )
                ],
            }
        )
        cls.row_large = Matrix.create(
            {
                "name": "PO over 25,000",
                "sequence": 20,
                "company_id": cls.company.id,
                "amount_min": 25000.01,
                "step_ids": [
                    Command.create(
                        {
                            "sequence": 1,
                            "group_id": cls.env.ref("unifyx_base.group_purchasing_manager").id,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "group_id": cls.env.ref("unifyx_base.group_finance").id,
                        }
                    ),
                ],
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Vendor T", "company_id": cls.company.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Widget T", "type": "consu", "is_storable": True, "supplier_taxes_id": False}
        )
        cls.purchaser = cls.users["purchaser"]
        cls.manager = cls.users["purchasing_manager"]
        cls.finance = cls.users["finance"]

    def _order(self, amount, user=None, currency=None, lines=1):
        vals = {
            "partner_id": self.vendor.id,
            "company_id": self.company.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": self.product.id,
                        "product_qty": 1,
                        "price_unit": amount / lines,
                        "taxes_id": False,
                    }
                )
                for _i in range(lines)
            ],
        }
        if currency:
            vals["currency_id"] = currency.id
        return self.env["purchase.order"].with_user(user or self.purchaser).create(vals)

    def _steps(self, order):
        order.invalidate_recordset()
        return order.review_ids.sorted("sequence").mapped(
            "definition_id.unifyx_matrix_step_id.group_id"
        )

    def test_band_boundaries(self):
        below = self._order(4999.99)
        self.assertEqual(below.unifyx_approval_amount, 4999.99)
        self.assertIn("No approval needed", below.unifyx_approval_preview)
        below.button_confirm()
        self.assertEqual(below.state, "purchase")

        manager_group = self.env.ref("unifyx_base.group_purchasing_manager")
        finance_group = self.env.ref("unifyx_base.group_finance")
        for amount, expected in (
            (5000, manager_group),
            (25000, manager_group),
            (25000.01, manager_group | finance_group),
        ):
            order = self._order(amount)
            self.assertIn(manager_group.name, order.unifyx_approval_preview, amount)
            with self.assertRaises(ValidationError, msg=amount):
                order.button_confirm()
            order.request_validation()
            self.assertEqual(self._steps(order), expected, amount)
            self.assertIn(order.state, ("draft", "sent"))

    def test_sequential_steps_then_confirm(self):
        order = self._order(30000)
        order.request_validation()
        # Finance comes second: approving first changes nothing.
        decide(order, self.finance)
        self.assertFalse(order.review_ids.filtered(lambda r: r.status == "approved"))
        decide(order, self.manager)
        self.assertEqual(
            order.review_ids.sorted("sequence").mapped("status"), ["approved", "pending"]
        )
        decide(order, self.finance)
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "purchase")
        approvals = order.review_ids.sorted("sequence")
        self.assertEqual(approvals.mapped("done_by"), self.manager | self.finance)
        self.assertEqual(approvals.mapped("comment"), ["OK", "OK"])
        # Each decision is in the chatter: who approved, with the comment.
        bodies = " ".join(order.message_ids.mapped("body"))
        self.assertIn("OK", bodies)
        self.assertTrue(
            order.message_ids.filtered(lambda m: m.author_id == self.manager.partner_id)
        )

    def test_to_approve_by_me(self):
        small, large = self._order(10000), self._order(30000)
        (small | large).request_validation()
        action = self.env.ref("unifyx_approvals.purchase_order_action_to_approve")

        def to_approve(user):
            domain = safe_eval(action.domain, {"uid": user.id})
            return self.env["purchase.order"].with_user(user).search(domain)

        self.assertEqual(to_approve(self.manager), small | large)
        self.assertFalse(to_approve(self.finance), "finance waits for the manager")
        decide(large, self.manager)
        self.assertEqual(to_approve(self.finance), large)
        self.assertEqual(to_approve(self.manager), small)
        self.assertFalse(to_approve(self.purchaser))

    def test_nobody_approves_their_own_request(self):
        order = self._order(10000, user=self.manager)
        order.with_user(self.manager).request_validation()
        with self.assertRaises(UserError):
            decide(order, self.manager)
        # Nor by confirming it directly.
        with self.assertRaises(UserError):
            order.with_user(self.manager).button_confirm()
        self.assertNotIn("approved", order.review_ids.mapped("status"))

    def test_no_bypass_through_rpc(self):
        order = self._order(10000)
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).write({"state": "purchase"})
        order.request_validation()
        review = order.review_ids
        with self.assertRaises(AccessError):
            review.with_user(self.purchaser).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.purchaser).write(
                {"reviewer_ids": [Command.set(self.purchaser.ids)]}
            )
        with self.assertRaises(AccessError):
            review.with_user(self.purchaser).unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.purchaser).create(
                {
                    "model": "purchase.order",
                    "res_id": order.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertNotIn("approved", order.review_ids.mapped("status"))
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()

    def test_reject_with_reason_then_resubmit(self):
        order = self._order(10000)
        order.request_validation()
        decide(order, self.manager, "reject", comment="Price too high, renegotiate")
        self.assertEqual(order.validation_status, "rejected")
        self.assertEqual(order.review_ids.comment, "Price too high, renegotiate")
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()
        order.with_user(self.purchaser).restart_validation()
        order.with_user(self.purchaser).request_validation()
        decide(order, self.manager)
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_worse_after_approval_needs_approval_again(self):
        order = self._order(10000)
        order.request_validation()
        decide(order, self.manager)
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.purchaser).write(
            {"order_line": [Command.update(order.order_line.id, {"product_qty": 2})]}
        )
        self.assertEqual(order.unifyx_approval_amount, 20000)
        self.assertFalse(order.review_ids, "the approval was reset")
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()

    def test_cheaper_after_approval_keeps_approval(self):
        order = self._order(10000)
        order.request_validation()
        decide(order, self.manager)
        order.with_user(self.purchaser).write(
            {"order_line": [Command.update(order.order_line.id, {"price_unit": 9000})]}
        )
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_foreign_currency_compared_in_company_currency(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        self.env["res.currency.rate"].search(
            [("currency_id", "=", usd.id), ("company_id", "in", [self.company.id, False])]
        ).unlink()
        # 1 EUR = 2 USD: 9,000 USD is 4,500 EUR, under the first band.
        self.env["res.currency.rate"].create(
            {
                "currency_id": usd.id,
                "rate": 2.0,
                "name": "2000-01-01",
                "company_id": self.company.id,
            }
        )
        order = self._order(9000, currency=usd)
        self.assertAlmostEqual(order.unifyx_approval_amount, 4500, places=2)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        order = self._order(12000, currency=usd)
        with self.assertRaises(ValidationError):
            order.button_confirm()

    def test_editing_matrix_does_not_reroute_decided_reviews(self):
        order = self._order(10000)
        order.request_validation()
        decide(order, self.manager)
        old_definition = order.review_ids.definition_id
        self.row_mid.step_ids.with_user(self.users["consultant"]).write(
            {"group_id": self.env.ref("unifyx_base.group_finance").id}
        )
        self.assertFalse(old_definition.active, "the old definition is archived, not edited")
        self.assertEqual(order.review_ids.definition_id, old_definition)
        self.assertEqual(order.review_ids.done_by, self.manager)
        new_order = self._order(10000)
        new_order.request_validation()
        self.assertEqual(self._steps(new_order), self.env.ref("unifyx_base.group_finance"))

    def test_matrix_rights_and_multi_company(self):
        with self.assertRaises(AccessError):
            self.env["unifyx.approval.matrix"].with_user(self.users["purchasing_manager"]).create(
                {"name": "Sneaky", "company_id": self.company.id}
            )
        with self.assertRaises(AccessError):
            self.row_mid.with_user(self.users["director"]).write({"amount_min": 0})
        other = self.env["res.company"].create({"name": "Other Co T"})
        foreign_row = self.env["unifyx.approval.matrix"].create(
            {"name": "Other row", "company_id": other.id}
        )
        visible = self.env["unifyx.approval.matrix"].with_user(self.users["director"]).search([])
        self.assertIn(self.row_mid, visible)
        self.assertNotIn(foreign_row, visible)

    def test_archived_row_stops_applying(self):
        self.row_mid.with_user(self.users["consultant"]).active = False
        order = self._order(10000)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_invalid_bands_refused(self):
        with self.assertRaises(ValidationError):
            self.env["unifyx.approval.matrix"].create(
                {
                    "name": "Upside down",
                    "company_id": self.company.id,
                    "amount_min": 100,
                    "amount_max": 50,
                }
            )

    def test_approvers_get_activities_and_reminders(self):
        self.row_large.reminder_delay = 3
        order = self._order(30000)
        order.request_validation()
        approval = self.env.ref("unifyx_approvals.mail_activity_type_approval")
        todo = order.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        # Sequential: only the first step's approvers have a to-do, due when
        # the reminder would go out.
        self.assertIn(self.manager, todo.user_id)
        self.assertNotIn(self.finance, todo.user_id)
        today = fields.Date.context_today(order)
        self.assertEqual(set(todo.mapped("date_deadline")), {fields.Date.add(today, days=3)})
        decide(order, self.manager)
        todo = order.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        self.assertNotIn(self.manager, todo.user_id, "decided: the to-do is gone")
        self.assertIn(self.finance, todo.user_id, "the next step's turn")
        # The finance review waits longer than the delay: the reminder goes out.
        pending = order.review_ids.filtered(lambda r: r.status == "pending")
        self.env.cr.execute(
            "UPDATE tier_review SET create_date = %s WHERE id = %s",
            (fields.Datetime.subtract(fields.Datetime.now(), days=4), pending.id),
        )
        pending.invalidate_recordset(["create_date"])
        messages_before = order.message_ids
        activities_before = order.activity_ids
        self.env["tier.definition"]._cron_send_review_reminder()
        self.assertTrue(pending.last_reminder_date)
        # A group reviews: OCA posts the reminder on the order (one reviewer
        # would get a reminder activity instead).
        reminders = (order.message_ids - messages_before).filtered(
            lambda m: (
                m.subtype_id == self.env.ref("base_tier_validation.mt_tier_validation_reminder")
            )
        ) or (order.activity_ids - activities_before).filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("base_tier_validation.mail_act_tier_validation_reminder")
            )
        )
        self.assertTrue(reminders)
        decide(order, self.finance)
        self.assertFalse(order.activity_ids.filtered(lambda a: a.activity_type_id == approval))

    def test_requester_team_for_purchases(self):
        team = self.env["crm.team"].create(
            {"name": "Projects T", "company_id": self.company.id, "member_ids": [self.purchaser.id]}
        )
        self.row_mid.with_user(self.users["consultant"]).write(
            {"team_ids": [Command.set(team.ids)]}
        )
        self.assertEqual(self.purchaser.sale_team_id, team)
        from_team = self._order(10000)
        self.assertIn("Projects T", from_team.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            from_team.button_confirm()
        # The same amount asked by someone outside the team matches no row.
        outside = self._order(10000, user=self.manager)
        self.assertIn("No approval needed", outside.unifyx_approval_preview)
        outside.with_user(self.manager).button_confirm()
        self.assertEqual(outside.state, "purchase")


@tagged("post_install", "-at_install")
class TestApprovalQueryCount(UnifyxCompanyCase):
    """The approval's cost of confirming does not grow with the order's lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.governed, cls.free = cls.env["res.partner"].create(
            [
                {"name": "Governed vendor", "company_id": cls.company.id},
                {"name": "Free vendor", "company_id": cls.company.id},
            ]
        )
        cls.env["unifyx.approval.matrix"].create(
            {
                "name": "Governed vendor",
                "company_id": cls.company.id,
                "partner_ids": [Command.link(cls.governed.id)],
                "step_ids": [
                    Command.create(
                        {"group_id": cls.env.ref("unifyx_base.group_purchasing_manager").id}
                    )
                ],
            }
        )
        cls.products = cls.env["product.product"].create(
            [{"name": "Q%d" % i, "type": "consu", "is_storable": True} for i in range(12)]
        )

    def _order(self, vendor, lines):
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "company_id": self.company.id,
                "order_line": [
                    Command.create({"product_id": p.id, "price_unit": 10, "taxes_id": False})
                    for p in self.products[:lines]
                ],
            }
        )
        if vendor == self.governed:
            order.request_validation()
            order.review_ids.sudo().write({"status": "approved"})
        return order

    def _confirm_queries(self, order):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        order.button_confirm()
        self.env.flush_all()
        self.assertEqual(order.state, "purchase")
        return self.env.cr.sql_log_count - start

    def test_confirm_overhead_independent_of_lines(self):
        # Warm the caches of both paths first.
        self._confirm_queries(self._order(self.governed, 1))
        self._confirm_queries(self._order(self.free, 1))
        overhead = {}
        for lines in (2, 12):
            governed = self._confirm_queries(self._order(self.governed, lines))
            free = self._confirm_queries(self._order(self.free, lines))
            overhead[lines] = governed - free
        self.assertEqual(overhead[2], overhead[12], overhead)


@tagged("post_install", "-at_install")
class TestRequesterManager(UnifyxCase):
    def test_requester_manager_step(self):
        env = self.env(context=dict(self.env.context, allowed_company_ids=self.company.ids))
        purchaser, boss = self.users["purchaser"], self.users["finance"]
        purchaser.unifyx_approval_manager_id = boss
        env["unifyx.approval.matrix"].create(
            {
                "name": "Manager approves",
                "company_id": self.company.id,
                "step_ids": [Command.create({"approver_type": "manager"})],
            }
        )
        vendor = env["res.partner"].create({"name": "V M", "company_id": self.company.id})
        product = env["product.product"].create({"name": "P M", "type": "consu"})
        order = (
            env["purchase.order"]
            .with_user(purchaser)
            .create(
                {
                    "partner_id": vendor.id,
                    "company_id": self.company.id,
                    "order_line": [Command.create({"product_id": product.id, "price_unit": 5})],
                }
            )
        )
        order.request_validation()
        self.assertEqual(order.review_ids.reviewer_ids, boss)
        decide(order, boss)
        self.assertEqual(order.validation_status, "validated")
