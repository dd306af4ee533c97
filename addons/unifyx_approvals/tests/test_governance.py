# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Governance that holds: each path a low-privilege user tried around the
approval matrix (issue 14), tried again through the ORM as that user. Every
test asserts the refusal and that nothing changed. The same attacks over
JSON-RPC and XML-RPC are in test_governance_rpc.py."""

from contextlib import contextmanager
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UnifyxCompanyCase, count, decide

# AccessError and ValidationError are UserErrors too.
REFUSED = UserError
# OCA's context keys that skipped its checks, as a client sends them.
SKIP = {"skip_validation_check": True, "skip_check_state_condition": True}


class GovernanceCase(UnifyxCompanyCase):
    """A matrix in the test company: purchases 5,000-25,000 (purchasing
    manager), over 25,000 (purchasing manager then finance); sales from 1,000
    or with longer payment terms (sales manager); counts over 1,000 (warehouse
    manager)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = cls.env.ref
        Matrix = cls.env["unifyx.approval.matrix"]
        rows = [
            ("purchase", {"amount_min": 5000, "amount_max": 25000}, ["group_purchasing_manager"]),
            ("purchase", {"amount_min": 25000.01}, ["group_purchasing_manager", "group_finance"]),
            ("sale", {"amount_min": 1000}, ["group_sales_manager"]),
            (
                "sale",
                {
                    "exception_type_ids": [
                        Command.link(group("unifyx_approvals.exception_type_payment_terms").id)
                    ]
                },
                ["group_sales_manager"],
            ),
            ("inventory", {"amount_min": 1000.01}, ["group_warehouse_manager"]),
        ]
        for index, (document_type, conditions, groups) in enumerate(rows):
            Matrix.create(
                dict(
                    conditions,
                    name="Row %d" % index,
                    sequence=index,
                    document_type=document_type,
                    company_id=cls.company.id,
                    step_ids=[
                        Command.create({"sequence": i, "group_id": group("unifyx_base.%s" % g).id})
                        for i, g in enumerate(groups)
                    ],
                )
            )
        cls.vendor, cls.vendor2, cls.customer, cls.customer2 = cls.env["res.partner"].create(
            [{"name": name, "company_id": cls.company.id} for name in ("V1", "V2", "C1", "C2")]
        )
        cls.terms_30 = cls.env.ref("account.account_payment_term_30days")
        cls.customer.with_company(cls.company).property_payment_term_id = cls.terms_30
        cls.product = cls.env["product.product"].create(
            {
                "name": "Governed widget",
                "type": "consu",
                "is_storable": True,
                "list_price": 100,
                "taxes_id": False,
                "supplier_taxes_id": False,
            }
        )
        cls.product.with_company(cls.company).standard_price = 100.0
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.warehouse2 = cls.env["stock.warehouse"].create(
            {"name": "Second", "code": "GOV2", "company_id": cls.company.id}
        )
        cls.team, cls.team2 = cls.env["crm.team"].create(
            [{"name": name, "company_id": cls.company.id} for name in ("Team 1", "Team 2")]
        )
        cls.purchaser = cls.users["purchaser"]
        cls.buyer_boss = cls.users["purchasing_manager"]
        cls.salesperson = cls.users["salesperson"]
        cls.sales_manager = cls.users["sales_manager"]
        cls.operator = cls.users["warehouse_operator"]
        cls.wh_manager = cls.users["warehouse_manager"]

    # -- documents ----------------------------------------------------------------

    def purchase(self, *prices, user=None, qty=1):
        return (
            self.env["purchase.order"]
            .with_user(user or self.purchaser)
            .create(
                {
                    "partner_id": self.vendor.id,
                    "company_id": self.company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_qty": qty,
                                "price_unit": price,
                                "taxes_id": False,
                            }
                        )
                        for price in prices
                    ],
                }
            )
        )

    def sale(self, price=2000, user=None, **vals):
        return (
            self.env["sale.order"]
            .with_user(user or self.salesperson)
            .create(
                dict(
                    {
                        "partner_id": self.customer.id,
                        "company_id": self.company.id,
                        "team_id": self.team.id,
                        "warehouse_id": self.warehouse.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": self.product.id,
                                    "product_uom_qty": 1,
                                    "price_unit": price,
                                }
                            )
                        ],
                    },
                    **vals,
                )
            )
        )

    def approved_purchase(self, price=10000):
        order = self.purchase(price)
        order.with_user(self.purchaser).request_validation()
        decide(order, self.buyer_boss)
        self.assertEqual(order.validation_status, "validated")
        return order

    def approved_sale(self, price=2000):
        order = self.sale(price)
        order.with_user(self.salesperson).request_validation()
        decide(order, self.sales_manager)
        self.assertEqual(order.validation_status, "validated")
        return order

    def inventory_request(self, counted=39):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 50
        )
        quant = count(self.env, self.operator, self.product, self.warehouse.lot_stock_id, counted)
        action = quant.action_apply_inventory()
        return self.env["unifyx.inventory.approval"].browse(action["res_id"])

    @contextmanager
    def refused(self, message):
        """A ValidationError saying ``message``, rolled back (Odoo's assertRaises)."""
        with self.assertRaises(ValidationError) as error:
            yield
        self.assertIn(message, str(error.exception))

    def state_of(self, record):
        """What an attack must leave unchanged."""
        record.invalidate_recordset()
        reviews = record.review_ids
        return {
            "state": record.state,
            "validation_status": record.validation_status,
            "reviews": sorted((r.id, r.status) for r in reviews),
            "amount": record.unifyx_approval_amount,
        }


@tagged("post_install", "-at_install")
class TestForgedReviews(GovernanceCase):
    """Class 1: reviews change only through the review flow."""

    def _forge(self, record, user):
        """Every x2many command, field write and context key a client may send to
        create, approve or remove a review: each refused, nothing changed, and
        the document still does not confirm."""
        record = record.with_user(user)
        before = self.state_of(record)
        review = record.review_ids[:1]
        attempts = [
            {
                "review_ids": [
                    Command.create(
                        {
                            "model": record._name,
                            "definition_id": review.definition_id.id,
                            "status": "approved",
                        }
                    )
                ]
            },
            {"review_ids": [Command.update(review.id, {"status": "approved"})]},
            {"review_ids": [Command.delete(review.id)]},
            {"review_ids": [Command.unlink(review.id)]},
            {"review_ids": [Command.clear()]},
            {"review_ids": [Command.set([])]},
            {"validation_status": "validated"},
            {"unifyx_approval_amount": 0.0},
            {"unifyx_approval_snapshot": False},
        ]
        for vals in attempts:
            for context in (
                {},
                SKIP,
            ):
                with self.subTest(vals=vals, context=context):
                    with self.assertRaises(REFUSED):
                        record.with_context(**context).write(vals)
                    self.assertEqual(self.state_of(record), before)
        # The review itself, written or deleted directly.
        for method, args in (("write", [{"status": "approved"}]), ("unlink", [])):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(review.with_user(user), method)(*args)
        self.assertEqual(self.state_of(record), before)

    def test_purchase_reviews_cannot_be_forged(self):
        order = self.purchase(10000)
        order.with_user(self.purchaser).request_validation()
        self._forge(order, self.purchaser)
        for context in ({}, SKIP):
            with self.assertRaises(ValidationError):
                order.with_user(self.purchaser).with_context(**context).button_confirm()
            with self.assertRaises(ValidationError):
                order.with_user(self.purchaser).with_context(**context).write({"state": "purchase"})
        self.assertEqual(order.state, "draft")

    def test_sale_reviews_cannot_be_forged(self):
        order = self.sale()
        order.with_user(self.salesperson).request_validation()
        self._forge(order, self.salesperson)
        for context in ({}, SKIP):
            with self.assertRaises(ValidationError):
                order.with_user(self.salesperson).with_context(**context).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_inventory_reviews_cannot_be_forged(self):
        request = self.inventory_request()
        self._forge(request, self.operator)
        with self.assertRaises(ValidationError):
            request.with_user(self.operator).action_apply()
        self.assertEqual(request.state, "draft")

    def test_skip_context_does_not_reopen_an_approved_order(self):
        """With OCA's skip_validation_check, an approved order's vendor,
        customer, warehouse or team changed and it confirmed on the old approval."""
        order = self.approved_purchase()
        for vals in (
            {"partner_id": self.vendor2.id},
            {"picking_type_id": self.warehouse2.in_type_id.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                order.with_user(self.purchaser).with_context(**SKIP).write(vals)
        self.assertEqual(order.partner_id, self.vendor)
        self.assertEqual(order.picking_type_id.warehouse_id, self.warehouse)
        sale = self.approved_sale()
        for vals in (
            {"partner_id": self.customer2.id},
            {"warehouse_id": self.warehouse2.id},
            {"team_id": self.team2.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                sale.with_user(self.salesperson).with_context(**SKIP).write(vals)
        self.assertEqual(
            (sale.partner_id, sale.warehouse_id, sale.team_id),
            (self.customer, self.warehouse, self.team),
        )
        self.assertEqual(sale.validation_status, "validated")

    def test_comment_wizard_decides_only_its_own_document(self):
        """A sales manager approved the review of their own order through a
        wizard naming another salesperson's order."""
        own = self.sale(user=self.sales_manager)
        own.with_user(self.sales_manager).request_validation()
        other = self.sale()
        other.with_user(self.salesperson).request_validation()
        before = self.state_of(own), self.state_of(other)
        Wizard = self.env["comment.wizard"].with_user(self.sales_manager)
        for res_id, reviews in (
            (other.id, own.review_ids),  # someone else's document, my reviews
            (own.id, own.review_ids),  # my own request
            (own.id, other.review_ids),  # my document, reviews of another
        ):
            wizard = Wizard.create(
                {
                    "res_model": "sale.order",
                    "res_id": res_id,
                    "review_ids": [Command.set(reviews.ids)],
                    "validate_reject": "validate",
                    "comment": "forged",
                }
            )
            with self.subTest(res_id=res_id), self.assertRaises(UserError):
                wizard.add_comment()
            self.assertEqual((self.state_of(own), self.state_of(other)), before)
        self.assertFalse((own | other).review_ids.filtered("comment"))

    def test_comment_wizard_keeps_the_turn(self):
        """Finance, second step of a large purchase, cannot decide before the
        purchasing manager through a wizard naming its review."""
        order = self.purchase(30000)
        order.with_user(self.purchaser).request_validation()
        finance_review = order.review_ids.sorted("sequence")[-1]
        before = self.state_of(order)
        for decision in ("validate", "reject"):
            wizard = (
                self.env["comment.wizard"]
                .with_user(self.users["finance"])
                .create(
                    {
                        "res_model": "purchase.order",
                        "res_id": order.id,
                        "review_ids": [Command.set(finance_review.ids)],
                        "validate_reject": decision,
                        "comment": "out of turn",
                    }
                )
            )
            with self.subTest(decision=decision), self.assertRaises(UserError):
                wizard.add_comment()
            self.assertEqual(self.state_of(order), before)

    def test_delegation_ended_on_the_wizard_path(self):
        today = fields.Date.context_today(self.buyer_boss)
        stand_in = self.users["warehouse_manager"]  # not a purchasing manager
        self.buyer_boss.with_user(self.buyer_boss).write(
            {"unifyx_delegate_id": stand_in.id, "unifyx_delegate_date_to": today}
        )
        order = self.purchase(10000)
        order.with_user(self.purchaser).request_validation()
        action = order.with_user(stand_in).validate_tier()
        before = self.state_of(order)
        with freeze_time(today + timedelta(days=1)):
            wizard = (
                self.env["comment.wizard"]
                .with_user(stand_in)
                .with_context(**action["context"])
                .create({"comment": "late"})
            )
            with self.assertRaises(UserError):
                wizard.add_comment()
        self.assertEqual(self.state_of(order), before)


@tagged("post_install", "-at_install")
class TestGotWorse(GovernanceCase):
    """Classes 2 and 3: one "got worse" check on every path, on gross amounts."""

    def test_purchase_line_written_directly_restarts_approval(self):
        order = self.approved_purchase(10000)
        order.order_line.with_user(self.purchaser).write({"price_unit": 100000})
        self.assertFalse(order.review_ids, "a 10,000 approval does not cover 100,000")
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "draft")

    def test_purchase_line_created_directly_restarts_approval(self):
        order = self.approved_purchase(10000)
        self.env["purchase.order.line"].with_user(self.purchaser).create(
            {
                "order_id": order.id,
                "product_id": self.product.id,
                "product_qty": 9,
                "price_unit": 10000,
                "taxes_id": False,
            }
        )
        self.assertFalse(order.review_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "draft")

    def test_negative_line_deleted_does_not_dodge_the_band(self):
        order = self.purchase(20000, -15000)
        self.assertEqual(order.unifyx_approval_amount, 20000, "gross, not 5,000 net")
        order.with_user(self.purchaser).request_validation()
        decide(order, self.buyer_boss)
        order.order_line.filtered(lambda line: line.price_unit < 0).with_user(
            self.purchaser
        ).unlink()
        self.assertEqual(order.validation_status, "validated", "nothing got worse")
        order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_confirmed_purchase_cannot_get_worse(self):
        order = self.approved_purchase(10000)
        order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "purchase")
        for attempt in (
            lambda: order.order_line.with_user(self.purchaser).write({"product_qty": 10}),
            lambda: (
                self.env["purchase.order.line"]
                .with_user(self.purchaser)
                .create(
                    {
                        "order_id": order.id,
                        "product_id": self.product.id,
                        "price_unit": 90000,
                        "taxes_id": False,
                    }
                )
            ),
            lambda: order.with_user(self.purchaser).write(
                {"order_line": [Command.update(order.order_line.id, {"price_unit": 99000})]}
            ),
        ):
            with self.assertRaises(UserError):
                attempt()
            order.invalidate_recordset()
            self.assertEqual(order.amount_untaxed, 10000)
            self.assertEqual(len(order.order_line), 1)
        # Less is fine.
        order.order_line.with_user(self.purchaser).write({"price_unit": 9000})
        self.assertEqual(order.amount_untaxed, 9000)

    def test_gross_amount_meets_the_bands(self):
        """+30,000 and -26,000 lines: 4,000 net, 30,000 for the matrix."""
        order = self.purchase(30000, -26000)
        self.assertEqual(order.amount_untaxed, 4000)
        self.assertEqual(order.unifyx_approval_amount, 30000)
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()
        self.assertEqual(order.state, "draft")
        order.with_user(self.purchaser).request_validation()
        self.assertEqual(len(order.review_ids), 2, "manager then finance: over 25,000")

    def test_sale_line_written_or_created_restarts_approval(self):
        order = self.approved_sale(2000)
        order.order_line.with_user(self.salesperson).write({"price_unit": 2500})
        self.assertFalse(order.review_ids)
        order = self.approved_sale(2000)
        self.env["sale.order.line"].with_user(self.salesperson).create(
            {"order_id": order.id, "product_id": self.product.id, "price_unit": 5000}
        )
        self.assertFalse(order.review_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_confirmed_sale_cannot_get_worse(self):
        order = self.approved_sale(2000)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        with self.assertRaises(UserError):
            order.order_line.with_user(self.salesperson).write({"price_unit": 3000})
        with self.assertRaises(UserError):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {"order_id": order.id, "product_id": self.product.id, "price_unit": 5000}
            )
        order.invalidate_recordset()
        self.assertEqual(order.amount_untaxed, 2000)
        self.assertEqual(len(order.order_line), 1)

    def test_line_added_to_an_approved_count_is_refused(self):
        request = self.inventory_request(39)
        decide(request, self.wh_manager)
        self.assertEqual(request.validation_status, "validated")
        lines_before = request.line_ids
        amount_before = request.unifyx_approval_amount
        with self.assertRaises(AccessError):
            self.env["unifyx.inventory.approval.line"].with_user(self.operator).create(
                {
                    "approval_id": request.id,
                    "quant_id": request.line_ids.quant_id.id,
                    "product_id": self.product.id,
                    "location_id": self.warehouse.lot_stock_id.id,
                    "quantity": 50,
                    "counted_quantity": 0,
                    "difference": -50,
                    "value": -5000,
                }
            )
        request.invalidate_recordset()
        self.assertEqual(request.line_ids, lines_before)
        self.assertEqual(request.unifyx_approval_amount, amount_before)
        self.assertEqual(request.validation_status, "validated")
        self.assertEqual(
            self.product.with_context(location=self.warehouse.lot_stock_id.id).qty_available, 50
        )


@tagged("post_install", "-at_install")
class TestMatchedFieldsRestart(GovernanceCase):
    """Class 6: a change to any field the matrix matches on restarts approval."""

    def test_watched_fields_come_from_the_matrix(self):
        self.env["unifyx.approval.matrix"].create(
            {
                "name": "Governed vendor, warehouse, team, category",
                "document_type": "purchase",
                "company_id": self.company.id,
                "partner_ids": [Command.link(self.vendor.id)],
                "warehouse_ids": [Command.link(self.warehouse.id)],
                "team_ids": [Command.link(self.team.id)],
                "category_ids": [Command.link(self.product.categ_id.id)],
                "step_ids": [
                    Command.create(
                        {"group_id": self.env.ref("unifyx_base.group_purchasing_manager").id}
                    )
                ],
            }
        )
        paths = self.env["purchase.order"]._unifyx_watched_paths()
        for path in (
            "partner_id",
            "picking_type_id.warehouse_id",
            "user_id.sale_team_id",
            "order_line.product_id.categ_id",
            "unifyx_approval_amount",
            "user_id",
            "currency_id",
            "company_id",
        ):
            self.assertIn(path, paths)

    def test_matched_field_allowed_under_approval_still_restarts(self):
        """A consultant lets the vendor be edited under approval (OCA's
        exceptions): a new vendor still needs a new approval."""
        self.env["tier.validation.exception"].create(
            {
                "model_id": self.env["ir.model"]._get_id("purchase.order"),
                "field_ids": [
                    Command.set(
                        [
                            self.env["ir.model.fields"]._get("purchase.order", "partner_id").id,
                            self.env["ir.model.fields"]._get("purchase.order", "user_id").id,
                        ]
                    )
                ],
                "allowed_to_write_under_validation": True,
            }
        )
        for vals in ({"partner_id": self.vendor2.id}, {"user_id": self.buyer_boss.id}):
            order = self.approved_purchase()
            order.with_user(self.purchaser).write(vals)
            self.assertFalse(order.review_ids, vals)
            with self.assertRaises(ValidationError):
                order.with_user(self.purchaser).button_confirm()

    def test_leaving_approved_state_clears_approval(self):
        order = self.approved_purchase()
        order.with_user(self.purchaser).button_confirm()
        order.with_user(self.buyer_boss).button_cancel()
        self.assertFalse(order.review_ids)
        self.assertFalse(order.unifyx_approval_snapshot)
        order.with_user(self.purchaser).button_draft()
        with self.assertRaises(ValidationError):
            order.with_user(self.purchaser).button_confirm()


@tagged("post_install", "-at_install")
class TestBadInput(GovernanceCase):
    """Build 8: bad input refused with a clear error, nothing changed."""

    def test_negative_sale_quantity_refused(self):
        for user in (self.salesperson, self.sales_manager):
            with self.subTest(user=user.login), self.refused("negative"):
                self.sale(user=user).order_line.write({"product_uom_qty": -5})
        order = self.sale(price=50)
        with self.assertRaises(ValidationError):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {"order_id": order.id, "product_id": self.product.id, "product_uom_qty": -5}
            )
        self.assertEqual(len(order.order_line), 1)
        self.assertEqual(order.order_line.product_uom_qty, 1)

    def test_negative_purchase_quantity_for_managers_only(self):
        with self.refused("negative"):
            self.purchase(100, qty=-3)
        self.assertFalse(self.env["purchase.order"].search([("partner_id", "=", self.vendor.id)]))
        order = self.purchase(100, qty=-3, user=self.buyer_boss)
        self.assertEqual(order.order_line.product_qty, -3)

    def test_sanity_bounds(self):
        order = self.sale(price=50)
        for vals in ({"product_uom_qty": 5000000}, {"price_unit": 5000000}):
            with self.subTest(vals=vals), self.refused("beyond"):
                order.order_line.with_user(self.salesperson).write(vals)
        with self.refused("beyond"):
            self.purchase(2000000)
        self.assertEqual(
            (order.order_line.product_uom_qty, order.order_line.price_unit), (1.0, 50.0)
        )
        # The bound is the company's.
        self.company.unifyx_max_unit_price = 10000
        with self.assertRaises(ValidationError):
            self.purchase(20000)
        self.company.unifyx_max_unit_price = 0
        self.assertTrue(self.purchase(2000000))


@tagged("post_install", "-at_install")
class TestReturnValues(GovernanceCase):
    """Build 7: the flow's public methods return what XML-RPC can marshal."""

    def test_public_methods_return_true_or_an_action(self):
        order = self.purchase(10000)
        self.assertIs(order.with_user(self.purchaser).request_validation(), True)
        self.assertIs(order.with_user(self.purchaser).validate_tier(), True, "nothing to decide")
        action = order.with_user(self.buyer_boss).validate_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.buyer_boss)
            .with_context(**action["context"])
            .create({"comment": "OK"})
        )
        self.assertIs(wizard.add_comment(), True)
        self.assertIs(order.with_user(self.purchaser).restart_validation(), True)
