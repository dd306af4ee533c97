# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14, the pricing part: each way around a pricing rule, tried as the
role the rule binds, through the ORM and over the external API, refused with
the database unchanged.

- class 2: a discount raised (or a price lowered) on a confirmed order line;
- class 4: authority borrowed from whoever set the line before (a client
  context saying the write comes from Odoo's computation);
- classes 2 and 6: price exception lines moved between exceptions, an approved
  exception's state, approver and prices written directly;
- class 6: a contract's state written directly, its lines edited past its state;
- bad input: negative, absurd or non-numeric prices and discounts.
"""

import math
from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_approvals.tests.common import decide
from odoo.addons.unifyx_base.tests.common import RpcClientMixin

from .common import PricingCase, excess_discount_row

FROM_COMPUTE = {"sale_write_from_compute": True}


class GovernanceCase(PricingCase):
    """An excess discount needs a sales manager (the brief's matrix row); a
    confirmed order with a 10 % discount the manager approved; an active
    contract and an approved price exception of 370 EUR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.row = excess_discount_row(cls.env, cls.company)
        cls.limit_salesperson = cls.env.ref("unifyx_pricing.discount_limit_salesperson")
        cls.contract = cls._contract(
            [{"product_id": cls.boiler.id, "price_type": "fixed", "fixed_price": 90}],
            partner=cls.other_customer,
        )
        cls.exception = cls._exception([(cls.product, 370)])
        cls.exception.with_user(cls.manager).action_approve()
        cls.draft_exception = cls._exception(
            [(cls.product_b, 1)], submit=False, reason="Next tender"
        )

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaises (which rolls back what the refused call changed) and
        the message says why."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(text, str(caught.exception))

    def _confirmed_order(self, discount=10.0):
        """A salesperson's order with a 10 % discount, approved by the sales
        manager and confirmed."""
        order = self._order([(self.product_b, 2, {"discount": discount})])
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _line_state(self, line):
        line.invalidate_recordset()
        return (
            line.price_unit,
            line.discount,
            line.unifyx_price_manual_user_id,
            len(line.order_id.order_line),
            line.order_id.amount_untaxed,
        )

    def _exception_state(self, exception):
        exception.invalidate_recordset()
        exception.line_ids.invalidate_recordset()
        return (
            exception.state,
            exception.approved_by_id,
            exception.partner_id,
            [(line.product_id, line.price) for line in exception.line_ids],
        )

    def _contract_state(self, contract):
        contract.invalidate_recordset()
        contract.line_ids.invalidate_recordset()
        return (
            contract.state,
            contract.write_date,
            [(line.product_id, line.fixed_price) for line in contract.line_ids],
        )

    def _segment_contract(self):
        """A segment of wholesalers with an active contract at 50 EUR, and a
        customer in no segment."""
        wholesalers = self.env["unifyx.customer.segment"].create(
            {"name": "Wholesalers T", "company_id": self.company.id}
        )
        self._contract(
            [{"product_id": self.boiler.id, "price_type": "fixed", "fixed_price": 50}],
            segment=wholesalers,
        )
        customer = self.env["res.partner"].create(
            {"name": "Customer Z", "company_id": self.company.id, "is_company": True}
        )
        return wholesalers, customer


@tagged("post_install", "-at_install")
class TestPricingGovernance(GovernanceCase):
    # -- class 2: discounts on confirmed lines -----------------------------------

    def test_confirmed_line_discount_raised_by_every_path_is_refused(self):
        order = self._confirmed_order()
        line = order.order_line
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        before = self._line_state(line)
        seller_line = line.with_user(self.salesperson)
        seller_order = order.with_user(self.salesperson)
        attempts = {
            "line write": lambda: seller_line.write({"discount": 40}),
            "line write, compute context": lambda: seller_line.with_context(**FROM_COMPUTE).write(
                {"discount": 40}
            ),
            "order x2many": lambda: seller_order.write(
                {"order_line": [Command.update(line.id, {"discount": 40})]}
            ),
            "price lowered": lambda: seller_line.write({"price_unit": 60}),
            "new line": lambda: (
                self.env["sale.order.line"]
                .with_user(self.salesperson)
                .create({"order_id": order.id, "product_id": self.product_b.id, "discount": 40})
            ),
            # The sales manager's own limit is 15 %.
            "manager": lambda: line.with_user(self.manager).write({"discount": 40}),
        }
        for name, attempt in attempts.items():
            with self.subTest(name), self.assertRefused(UserError, "beyond your limit"):
                attempt()
            self.assertEqual(self._line_state(line), before, name)
        # Onchange then save, as the web client does: warned, then refused.
        spec = {key: {} for key in ("order_id", "product_id", "product_uom_qty", "price_unit")}
        result = (
            self.env["sale.order.line"]
            .with_user(self.salesperson)
            .onchange(
                {
                    "order_id": order.id,
                    "product_id": self.product_b.id,
                    "product_uom_qty": 2,
                    "price_unit": line.price_unit,
                    "discount": 40,
                },
                ["discount"],
                dict(spec, discount={}),
            )
        )
        self.assertIn("40.00 %", result["warning"]["message"])
        with self.assertRefused(UserError, "needs approval"):
            seller_order.web_save(
                {"order_line": [Command.update(line.id, {"discount": 40})]}, {"order_line": {}}
            )
        self.assertEqual(self._line_state(line), before)
        # Import.
        result = (
            self.env["sale.order.line"]
            .with_user(self.salesperson)
            .load([".id", "discount"], [[str(line.id), "40"]])
        )
        self.assertFalse(result["ids"])
        self.assertIn("beyond your limit", result["messages"][0]["message"])
        self.assertEqual(self._line_state(line), before)

    def test_confirmed_line_within_authority_changes(self):
        order = self._confirmed_order()
        line = order.order_line
        # Less discount is always allowed; more within one's own limit too.
        line.with_user(self.salesperson).discount = 4
        line.with_user(self.manager).discount = 15
        self.assertEqual(line.unifyx_price_manual_user_id, self.manager)
        line.with_user(self.director).discount = 40
        self.assertEqual((line.discount, line.unifyx_price_manual_user_id), (40, self.director))
        # A blocking limit says so.
        self.limit_salesperson.policy = "block"
        with self.assertRefused(UserError, "which blocks it"):
            line.with_user(self.salesperson).discount = 45
        self.assertEqual(line.discount, 40)

    def test_confirmed_line_is_judged_as_its_confirmation_was(self):
        order = self._confirmed_order()
        line = order.order_line
        # Without a matrix row routing excess discounts, the limit only warns,
        # at confirmation as after it.
        self.row.active = False
        line.with_user(self.salesperson).discount = 20
        self.assertEqual((line.discount, line.unifyx_price_manual_user_id), (20, self.salesperson))
        self.limit_salesperson.policy = "block"
        with self.assertRefused(UserError, "which blocks it"):
            line.with_user(self.salesperson).discount = 30
        self.assertEqual(line.discount, 20)

    # -- class 4: borrowed authority ----------------------------------------------

    def test_authority_is_the_current_users_whatever_the_context(self):
        order = self._order([(self.product_b, 2, {})])
        line = order.order_line
        line.with_user(self.manager).discount = 12
        self.assertEqual(line.unifyx_price_manual_user_id, self.manager)
        self.assertFalse(order.unifyx_exception_type_ids, "the manager's 15 % covers 12 %")
        # Warned while typing, as the one whose limit will apply.
        spec = {key: {} for key in ("order_id", "product_id", "price_unit", "discount")}
        result = line.with_user(self.salesperson).onchange({"discount": 14}, ["discount"], spec)
        self.assertIn("5.00 %", result["warning"]["message"])
        line.with_user(self.salesperson).with_context(**FROM_COMPUTE).discount = 14
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        self.assertEqual(line.unifyx_discount_alert, "approve")
        self.assertIn("excess_discount", order.unifyx_exception_type_ids.mapped("code"))
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).with_context(**FROM_COMPUTE).action_confirm()
        self.assertEqual(order.state, "draft")
        # Through the order's x2many, with the same context: the same.
        line.with_user(self.manager).discount = 13
        order.with_user(self.salesperson).with_context(**FROM_COMPUTE).write(
            {"order_line": [Command.update(line.id, {"discount": 14})]}
        )
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        self.limit_salesperson.policy = "block"
        with self.assertRefused(UserError, "more discount than allowed"):
            order.with_user(self.salesperson).with_context(**FROM_COMPUTE).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_authority_on_an_approved_order_is_the_current_users(self):
        order = self._order([(self.product_b, 2, {"discount": 10})])
        order.with_user(self.salesperson).request_validation()
        decide(order, self.manager)
        line = order.order_line
        # The manager raises the discount within their own limit: still approved.
        line.with_user(self.manager).discount = 12
        self.assertEqual(order.validation_status, "validated")
        line.with_user(self.salesperson).with_context(**FROM_COMPUTE).discount = 14
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        self.assertFalse(order.review_ids, "more discount than the seller may grant: approve again")
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "draft")

    # -- classes 2 and 6: price exceptions ------------------------------------------

    def test_exception_line_cannot_move_into_an_approved_exception(self):
        before = self._exception_state(self.exception)
        draft_line = self.draft_exception.line_ids
        for user in (self.salesperson, self.manager):
            with self.assertRefused(UserError, "cannot move"):
                draft_line.with_user(user).write({"exception_id": self.exception.id})
            with self.assertRaises(UserError):
                self.exception.with_user(user).write({"line_ids": [Command.link(draft_line.id)]})
            with self.assertRaises(UserError):
                self.exception.with_user(user).write({"line_ids": [Command.set(draft_line.ids)]})
        self.assertEqual(self._exception_state(self.exception), before)
        self.assertEqual(draft_line.exception_id, self.draft_exception)
        # The product is still priced as approved, nowhere at 1.00.
        line = self._order([(self.product_b, 1, {})]).order_line
        self.assertEqual((line.price_unit, line.unifyx_price_source), (100, "pricelist"))

    def test_approved_exception_state_and_prices_are_frozen(self):
        exception = self.exception
        line = exception.line_ids
        before = self._exception_state(exception)
        self.assertEqual(before[1], self.manager)
        seller = exception.with_user(self.salesperson)
        for vals in ({"state": "draft"}, {"state": "rejected"}, {"approved_by_id": False}):
            with self.assertRaises(AccessError):
                seller.write(vals)
        with self.assertRefused(UserError, "cannot go back to draft"):
            seller.action_draft()
        for user in (self.salesperson, self.manager):
            exception_as = exception.with_user(user)
            for command in (
                Command.update(line.id, {"price": 10}),
                Command.create({"product_id": self.boiler.id, "price": 1}),
                Command.delete(line.id),
                Command.clear(),
            ):
                with self.assertRaises(UserError):
                    exception_as.write({"line_ids": [command]})
            with self.assertRaises(UserError):
                exception_as.write({"partner_id": self.other_customer.id})
            with self.assertRaises(UserError):
                line.with_user(user).write({"price": 10})
            with self.assertRaises(UserError):
                line.with_user(user).write({"product_id": self.boiler.id})
            with self.assertRaises(UserError):
                line.with_user(user).unlink()
            with self.assertRaises(UserError):
                self.env["unifyx.price.exception.line"].with_user(user).create(
                    {"exception_id": exception.id, "product_id": self.boiler.id, "price": 1}
                )
        self.assertEqual(self._exception_state(exception), before)
        sale_line = self._order([(self.product, 1, {})]).order_line
        self.assertEqual((sale_line.price_unit, sale_line.unifyx_price_source), (370, "exception"))

    def test_exception_transitions_check_the_role_and_clear_the_approver(self):
        request = self._exception([(self.boiler, 50)])
        with self.assertRaises(AccessError):
            request.with_user(self.salesperson).write({"state": "approved"})
        with self.assertRaises(AccessError):
            request.with_user(self.salesperson).action_approve()
        own = self._exception([(self.boiler, 50)], user=self.manager)
        with self.assertRaises(AccessError):
            own.with_user(self.manager).action_approve()
        with self.assertRaises(AccessError):
            request.with_user(self.salesperson).action_reject()
        self.assertEqual(request.state, "to_approve")
        # A sales manager withdraws an approval: the approver goes with it.
        self.exception.with_user(self.manager).action_reject()
        self.assertEqual(self.exception.state, "rejected")
        self.assertFalse(self.exception.approved_by_id)
        self.assertFalse(self.exception.approved_date)
        self.exception.with_user(self.salesperson).action_draft()
        self.assertEqual(self.exception.state, "draft")
        self.assertFalse(self.exception.approved_by_id)
        sale_line = self._order([(self.product, 1, {})]).order_line
        self.assertEqual(sale_line.unifyx_price_source, "pricelist")

    # -- class 6: contracts ----------------------------------------------------------

    def test_contract_state_moves_only_through_its_actions(self):
        contract = self.contract
        before = self._contract_state(contract)
        consultant = contract.with_user(self.consultant)
        for vals in ({"state": "cancelled"}, {"state": "draft"}, {"activated_by_id": False}):
            with self.assertRaises(AccessError):
                consultant.write(vals)
        for action in ("action_cancel", "action_draft"):
            with self.assertRaises(AccessError):
                getattr(consultant, action)()
        with self.assertRaises(AccessError):
            contract.line_ids.with_user(self.consultant).write({"fixed_price": 1})
        with self.assertRaises(AccessError):
            consultant.write(
                {"line_ids": [Command.update(contract.line_ids.id, {"fixed_price": 1})]}
            )
        self.assertEqual(self._contract_state(contract), before)
        # Created straight as active: still a draft, activated by nobody.
        forged = (
            self.env["unifyx.price.contract"]
            .with_user(self.consultant)
            .create(
                {
                    "name": "Forged",
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "state": "active",
                    "activated_by_id": self.manager.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 1}
                        )
                    ],
                }
            )
        )
        self.assertEqual(forged.state, "draft")
        line = self._order([(self.boiler, 1, {})], partner=self.other_customer).order_line
        self.assertEqual(line.price_unit, 90)
        self.assertEqual(contract.activated_by_id, self.manager)
        self.assertFalse(forged.activated_by_id)

    def test_contract_leaving_active_clears_the_activation(self):
        contract = self.contract
        contract.with_user(self.manager).action_cancel()
        self.assertEqual(contract.state, "cancelled")
        # Cancelled, it changes no more, not even for a sales manager.
        with self.assertRaises(UserError):
            contract.line_ids.with_user(self.manager).fixed_price = 1
        with self.assertRaises(UserError):
            contract.with_user(self.consultant).date_end = date(2030, 1, 1)
        self.assertFalse(contract.activated_by_id)
        self.assertFalse(contract.activated_date)
        contract.with_user(self.manager).action_draft()
        # Back in draft the consultant edits it; it prices nothing until a
        # sales manager activates it again.
        contract.line_ids.with_user(self.consultant).fixed_price = 1
        line = self._order([(self.boiler, 1, {})], partner=self.other_customer).order_line
        self.assertEqual(line.price_unit, 100)
        contract.with_user(self.manager).action_activate()
        self.assertEqual(contract.activated_by_id, self.manager)
        # The path the design allows: a sales manager edits an active contract.
        contract.line_ids.with_user(self.manager).fixed_price = 88
        self.assertEqual(contract.line_ids.fixed_price, 88)
        with self.assertRefused(UserError, "cannot move"):
            contract.line_ids.with_user(self.manager).contract_id = self._contract(
                [{"product_id": self.product.id, "fixed_price": 5}], partner=self.customer
            )

    def test_active_contract_is_deleted_by_a_sales_manager_only(self):
        before = self._contract_state(self.contract)
        with self.assertRefused(AccessError, "delete an active contract"):
            self.contract.with_user(self.consultant).unlink()
        self.assertEqual(self._contract_state(self.contract), before)
        line = self._order([(self.boiler, 1, {})], partner=self.other_customer).order_line
        self.assertEqual(line.price_unit, 90, "still priced by the contract")
        # A draft one is the consultant's to delete.
        draft = self._contract(
            [{"product_id": self.boiler.id}], partner=self.customer, activate=False
        )
        draft.with_user(self.consultant).unlink()
        self.assertFalse(draft.exists())

    # -- class 4: a customer moved into a better-priced segment ---------------------

    def test_salesperson_does_not_place_a_customer_in_a_segment(self):
        wholesalers, customer = self._segment_contract()
        # Contact Creation, as Odoo gives new internal users: the salesperson
        # edits customers, and the warehouse manager (Inventory / Administrator).
        self.salesperson.groups_id += self.env.ref("base.group_partner_manager")
        Partner = self.env["res.partner"].with_user(self.salesperson)
        with self.assertRefused(AccessError, "customer segment"):
            Partner.browse(customer.id).write({"unifyx_customer_segment_id": wholesalers.id})
        with self.assertRefused(AccessError, "customer segment"):
            Partner.browse(self.customer.id).write({"unifyx_customer_segment_id": wholesalers.id})
        with self.assertRefused(AccessError, "customer segment"):
            Partner.create({"name": "Customer Y", "unifyx_customer_segment_id": wholesalers.id})
        with self.assertRaises(AccessError):
            wholesalers.with_user(self.salesperson).write(
                {"partner_ids": [Command.link(customer.id)]}
            )
        customer.invalidate_recordset()
        self.assertFalse(customer.unifyx_customer_segment_id)
        self.assertEqual(self.customer.unifyx_customer_segment_id, self.segment)
        line = self._order([(self.boiler, 1, {})], partner=customer).order_line
        self.assertEqual(line.price_unit, 100, "not the segment's 50")
        # A contact keeps its company's segment; a sales manager places customers.
        contact = self.env["res.partner"].create({"name": "Buyer P", "parent_id": self.customer.id})
        Partner.browse(contact.id).write(
            {"unifyx_customer_segment_id": self.segment.id, "phone": "1"}
        )
        self.assertEqual(contact.unifyx_customer_segment_id, self.segment)
        customer.with_user(self.manager).unifyx_customer_segment_id = wholesalers
        line = self._order([(self.boiler, 1, {})], partner=customer).order_line
        self.assertEqual(line.price_unit, 50)
        warehouse_manager = self.env["res.users"].create(
            {
                "name": "Warehouse Manager T",
                "login": "unifyx_pricing_wm_t",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [
                    Command.set([self.env.ref("unifyx_base.group_warehouse_manager").id])
                ],
            }
        )
        with self.assertRefused(AccessError, "customer segment"):
            customer.with_user(warehouse_manager).unifyx_customer_segment_id = self.segment
        self.assertEqual(customer.unifyx_customer_segment_id, wholesalers)

    # -- bad input ----------------------------------------------------------------

    def test_bad_pricing_values_are_refused_clearly(self):
        draft = self._contract(
            [{"product_id": self.product.id, "fixed_price": 90}],
            partner=self.customer,
            activate=False,
        )
        contract_line = draft.line_ids.with_user(self.consultant)
        for vals, message in (
            ({"fixed_price": -5}, "cannot be negative"),
            ({"min_qty": -1}, "cannot be negative"),
            ({"price_type": "discount", "discount": 150}, "between 0 and 100"),
            ({"price_type": "discount", "discount": -1}, "between 0 and 100"),
            ({"price_type": "cost_plus", "markup": 5000}, "markup is between"),
            ({"fixed_price": 1e12}, "the most a price"),
            ({"fixed_price": math.nan}, "must be a number"),
            ({"markup": math.inf}, "must be a number"),
        ):
            with self.subTest(vals), self.assertRefused(ValidationError, message):
                contract_line.write(vals)
            self.assertEqual(draft.line_ids.fixed_price, 90)
        exception_line = self.draft_exception.line_ids.with_user(self.salesperson)
        for vals, message in (
            ({"price": -1}, "cannot be negative"),
            ({"price": 1e12}, "beyond any price"),
            ({"price": math.nan}, "must be a number"),
        ):
            with self.subTest(vals), self.assertRefused(ValidationError, message):
                exception_line.write(vals)
            self.assertEqual(self.draft_exception.line_ids.price, 1)
        order = self._order([(self.product_b, 1, {})])
        for vals, message in (
            ({"discount": 150}, "at most 100"),
            ({"discount": math.nan}, "are numbers"),
            ({"price_unit": math.inf}, "are numbers"),
        ):
            with self.subTest(vals), self.assertRefused(ValidationError, message):
                order.order_line.with_user(self.salesperson).write(vals)
        self.assertEqual(order.order_line.discount, 0)


@tagged("post_install", "-at_install")
class TestPricingGovernanceRpc(RpcClientMixin, GovernanceCase, HttpCase):
    """The same, from an integration: plain xmlrpc.client on /xmlrpc/2/object
    and JSON-RPC on /jsonrpc, against the running test server."""

    def test_confirmed_discount_over_rpc(self):
        order = self._confirmed_order()
        line = order.order_line
        before = self._line_state(line)
        self.assertXmlrpcRefused(
            "beyond your limit",
            self.salesperson,
            "sale.order.line",
            "write",
            [line.id],
            {"discount": 40},
            context=FROM_COMPUTE,
        )
        self.assertEqual(self._line_state(line), before)
        self.assertJsonrpcRefused(
            "beyond your limit",
            self.salesperson,
            "sale.order",
            "write",
            [order.id],
            {"order_line": [Command.update(line.id, {"price_unit": 50})]},
        )
        self.assertEqual(self._line_state(line), before)

    def test_borrowed_authority_over_rpc(self):
        order = self._order([(self.product_b, 2, {})])
        line = order.order_line
        line.with_user(self.manager).discount = 12
        self.xmlrpc_call(
            self.salesperson,
            "sale.order.line",
            "write",
            [line.id],
            {"discount": 14},
            context=FROM_COMPUTE,
        )
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        for call in (self.assertXmlrpcRefused, self.assertJsonrpcRefused):
            call(
                "validat",
                self.salesperson,
                "sale.order",
                "action_confirm",
                [order.id],
                context=FROM_COMPUTE,
            )
            self.assertEqual(order.state, "draft")

    def test_price_exception_over_rpc(self):
        before = self._exception_state(self.exception)
        self.assertXmlrpcRefused(
            "cannot move",
            self.salesperson,
            "unifyx.price.exception.line",
            "write",
            self.draft_exception.line_ids.ids,
            {"exception_id": self.exception.id},
        )
        self.assertJsonrpcRefused(
            "changes state only through its buttons",
            self.salesperson,
            "unifyx.price.exception",
            "write",
            self.exception.ids,
            {"state": "draft"},
        )
        self.assertJsonrpcRefused(
            "Only a draft price exception",
            self.salesperson,
            "unifyx.price.exception",
            "write",
            self.exception.ids,
            {"line_ids": [Command.update(self.exception.line_ids.id, {"price": 10})]},
        )
        self.assertXmlrpcRefused(
            "Only a draft price exception",
            self.salesperson,
            "unifyx.price.exception.line",
            "write",
            self.exception.line_ids.ids,
            {"price": 10},
        )
        self.assertEqual(self._exception_state(self.exception), before)
        self.assertEqual(self.draft_exception.line_ids.exception_id, self.draft_exception)

    def test_contract_state_over_rpc(self):
        before = self._contract_state(self.contract)
        for call, state in (
            (self.assertXmlrpcRefused, "cancelled"),
            (self.assertJsonrpcRefused, "draft"),
        ):
            call(
                "changes state only through its buttons",
                self.consultant,
                "unifyx.price.contract",
                "write",
                self.contract.ids,
                {"state": state},
            )
            self.assertEqual(self._contract_state(self.contract), before)
        self.assertXmlrpcRefused(
            "Only a sales manager",
            self.consultant,
            "unifyx.price.contract.line",
            "write",
            self.contract.line_ids.ids,
            {"fixed_price": 1},
        )
        self.assertEqual(self._contract_state(self.contract), before)

    def test_bad_pricing_values_over_rpc(self):
        draft = self._contract(
            [{"product_id": self.product.id, "fixed_price": 90}],
            partner=self.customer,
            activate=False,
        )
        self.assertXmlrpcRefused(
            "between 0 and 100",
            self.consultant,
            "unifyx.price.contract.line",
            "write",
            draft.line_ids.ids,
            {"price_type": "discount", "discount": 150},
        )
        self.assertJsonrpcRefused(
            "must be a number",
            self.consultant,
            "unifyx.price.contract.line",
            "write",
            draft.line_ids.ids,
            {"fixed_price": math.nan},
        )
        self.assertXmlrpcRefused(
            "cannot be negative",
            self.salesperson,
            "unifyx.price.exception.line",
            "write",
            self.draft_exception.line_ids.ids,
            {"price": -1},
        )
        draft.line_ids.invalidate_recordset()
        self.assertEqual((draft.line_ids.fixed_price, draft.line_ids.discount), (90, 0))
        self.assertEqual(self.draft_exception.line_ids.price, 1)

    def test_segment_and_contract_deletion_over_rpc(self):
        wholesalers, customer = self._segment_contract()
        self.salesperson.groups_id += self.env.ref("base.group_partner_manager")
        self.assertXmlrpcRefused(
            "customer segment",
            self.salesperson,
            "res.partner",
            "write",
            customer.ids,
            {"unifyx_customer_segment_id": wholesalers.id},
        )
        self.assertJsonrpcRefused(
            "customer segment",
            self.salesperson,
            "res.partner",
            "create",
            {"name": "Customer Y", "unifyx_customer_segment_id": wholesalers.id},
        )
        self.assertFalse(customer.unifyx_customer_segment_id)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Customer Y")]))
        before = self._contract_state(self.contract)
        self.assertXmlrpcRefused(
            "delete an active contract",
            self.consultant,
            "unifyx.price.contract",
            "unlink",
            self.contract.ids,
        )
        self.assertEqual(self._contract_state(self.contract), before)

    def test_actions_answer_plain_xmlrpc(self):
        """An integration retrying on a fault would act twice: the actions
        return what xmlrpc.client reads."""
        request = self._exception([(self.boiler, 50)])
        self.assertIs(
            self.xmlrpc_call(self.manager, "unifyx.price.exception", "action_approve", request.ids),
            True,
        )
        self.assertEqual(request.state, "approved")
        draft = self._contract(
            [{"product_id": self.product.id, "fixed_price": 90}],
            partner=self.customer,
            activate=False,
        )
        for method, state in (
            ("action_activate", "active"),
            ("action_cancel", "cancelled"),
            ("action_draft", "draft"),
        ):
            self.assertIs(
                self.xmlrpc_call(self.manager, "unifyx.price.contract", method, draft.ids), True
            )
            self.assertEqual(draft.state, state)
