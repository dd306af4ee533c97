# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A warehouse operator tries to get a count past the approval matrix: forged
request lines, lines added to an approved request, split counts, stock moved
after the approval, another company's stock, direct quant writes and moves to
and from the inventory-adjustment location. Each attempt is refused and
changes nothing (quants, valuation layers, requests); through the ORM as the
operator, and over real XML-RPC and JSON-RPC calls."""

import xmlrpc.client

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException

from .common import (
    RoleUsersMixin,
    counts_matrix_row,
    decide,
    picked_transfer,
    stocked_product,
)


class InventoryGovernanceMixin(RoleUsersMixin):
    """The brief's row "inventory differences over 1,000 EUR: warehouse manager"
    in a company of its own, a product at 84.30 EUR with 50 on the shelf, and a
    second company with stock of the same product."""

    @classmethod
    def _setup_inventory(cls):
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        counts_matrix_row(cls.env, cls.company)
        cls.warehouse, cls.product = stocked_product(
            cls.env, cls.company, "Drill G", 84.30, 50, cost_method="standard"
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.quant = cls.env["stock.quant"].search(
            [("product_id", "=", cls.product.id), ("location_id", "=", cls.stock.id)]
        )
        cls.adjustment = cls.product.with_company(cls.company).property_stock_inventory
        cls.other_company = cls.env["res.company"].create({"name": "Other Distributor G"})
        other_stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.other_company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"].with_company(cls.other_company)._update_available_quantity(
            cls.product, other_stock, 30
        )
        cls.other_quant = (
            cls.env["stock.quant"]
            .with_context(allowed_company_ids=cls.other_company.ids)
            .search([("product_id", "=", cls.product.id), ("location_id", "=", other_stock.id)])
        )
        cls.operator = cls.users["warehouse_operator"]
        cls.manager = cls.users["warehouse_manager"]

    def _snapshot(self):
        """What a refused call must leave as it was."""
        self.env.invalidate_all()
        quants = self.env["stock.quant"].sudo().search([("product_id", "=", self.product.id)])
        return {
            "quants": sorted(quants.mapped(lambda q: (q.id, q.quantity, q.location_id.id))),
            "layers": self.env["stock.valuation.layer"]
            .sudo()
            .search_count([("product_id", "=", self.product.id)]),
            "moves": self.env["stock.move"]
            .sudo()
            .search_count([("product_id", "=", self.product.id)]),
            "requests": sorted(
                self.env["unifyx.inventory.approval"]
                .sudo()
                .search([])
                .mapped(
                    lambda r: (
                        r.id,
                        r.state,
                        r.unifyx_approval_amount,
                        tuple(r.line_ids.mapped(lambda line: (line.id, line.counted_quantity))),
                    )
                )
            ),
        }

    def _on_hand(self, company=None):
        self.env.invalidate_all()
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("product_id", "=", self.product.id),
                    ("company_id", "=", (company or self.company).id),
                    ("location_id.usage", "=", "internal"),
                ]
            )
        )
        return sum(quants.mapped("quantity"))

    def _held_count(self, counted):
        """The operator counts the shelf and applies it: held for approval."""
        quant = self.quant.with_user(self.operator)
        quant.with_context(inventory_mode=True).inventory_quantity = counted
        action = quant.action_apply_inventory()
        self.assertEqual(action["res_model"], "unifyx.inventory.approval")
        return self.env["unifyx.inventory.approval"].browse(action["res_id"])

    def _forged_line(self):
        """The values of a request line as the report forges them: the shelf's
        50 counted as 0, valued 0."""
        return {
            "quant_id": self.quant.id,
            "product_id": self.product.id,
            "location_id": self.stock.id,
            "quantity": 50,
            "counted_quantity": 0,
            "difference": 0,
            "value": 0,
        }

    def _approve(self, request):
        decide(request, self.manager, comment="Recounted")
        self.assertEqual(request.validation_status, "validated")

    def _adjustment_picking(self, user, source, destination, quantity=20):
        return picked_transfer(
            self.env, user, self.warehouse, self.product, quantity, source, destination
        )


@tagged("post_install", "-at_install")
class TestInventoryGovernance(InventoryGovernanceMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_inventory()

    # -- request lines are the server's -------------------------------------

    def test_line_values_are_computed_from_the_quant(self):
        request = self._held_count(38)  # 12 x 84.30
        line = request.line_ids
        self.assertEqual((line.quantity, line.counted_quantity, line.difference), (50, 38, -12))
        self.assertAlmostEqual(line.value, -1011.60)
        self.assertAlmostEqual(request.unifyx_approval_amount, 1011.60)
        before = self._snapshot()
        for vals in ({"value": 0}, {"difference": 0}, {"quantity": 39}, {"counted_quantity": 50}):
            with self.assertRaises(AccessError, msg=vals):
                line.with_user(self.operator).write(vals)
        # Nor does a second line valued 0 cancel it out.
        with self.assertRaises(AccessError):
            line.with_user(self.operator).create(
                {
                    "approval_id": request.id,
                    "quant_id": self.quant.id,
                    "product_id": self.product.id,
                    "location_id": self.stock.id,
                    "counted_quantity": 50,
                    "value": 0,
                }
            )
        self.assertEqual(self._snapshot(), before)

    def test_operator_cannot_create_a_request_of_their_own(self):
        """The report's request with a line valued 0, to apply at once."""
        before = self._snapshot()
        with self.assertRaises(AccessError):
            self.env["unifyx.inventory.approval"].with_user(self.operator).create(
                {"line_ids": [Command.create(self._forged_line())]}
            )
        request = self._held_count(30)
        with self.assertRaises(AccessError):
            self.env["unifyx.inventory.approval.line"].with_user(self.operator).create(
                {"approval_id": request.id, "quant_id": self.quant.id}
            )
        self.assertEqual(self._on_hand(), 50)
        self.assertEqual(len(self._snapshot()["requests"]), len(before["requests"]) + 1)

    def test_approved_request_keeps_its_lines(self):
        request = self._held_count(10)  # 40 x 84.30
        self._approve(request)
        line = request.line_ids
        before = self._snapshot()
        attempts = [
            [Command.create({"quant_id": self.quant.id, "counted_quantity": 0})],
            [Command.update(line.id, {"counted_quantity": 0})],
            [Command.delete(line.id)],
            [Command.unlink(line.id)],
            [Command.clear()],
            [Command.set([])],
        ]
        for commands in attempts:
            # Refused by this suite (AccessError) or by OCA under validation.
            with self.assertRaises(UserError, msg=commands):
                request.with_user(self.operator).write({"line_ids": commands})
        # The report's path: a line created on its own, naming the request.
        with self.assertRaises(AccessError):
            self.env["unifyx.inventory.approval.line"].with_user(self.operator).create(
                {
                    "approval_id": request.id,
                    "quant_id": self.quant.id,
                    "product_id": self.product.id,
                    "location_id": self.stock.id,
                    "counted_quantity": 0,
                    "value": 0,
                }
            )
        with self.assertRaises(AccessError):
            line.with_user(self.operator).unlink()
        for vals in ({"company_id": self.other_company.id}, {"user_id": self.manager.id}):
            with self.assertRaises(AccessError, msg=vals):
                request.with_user(self.operator).write(vals)
        self.assertEqual(self._snapshot(), before)
        request.with_user(self.operator).action_apply()
        self.assertEqual(self._on_hand(), 10)

    # -- what the threshold sees ----------------------------------------------

    def test_split_counts_add_up_over_the_day(self):
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        quant.inventory_quantity = 40  # 10 x 84.30 = 843: applied at once
        self.assertIs(quant.action_apply_inventory(), True)
        self.assertEqual(self._on_hand(), 40)
        before = self._snapshot()
        quant.inventory_quantity = 30  # another 843 the same day: 1,686 counted
        action = quant.action_apply_inventory()
        self.assertEqual(self._on_hand(), 40, "the second half waits for approval")
        request = self.env["unifyx.inventory.approval"].browse(action["res_id"])
        self.assertAlmostEqual(request.line_ids.window_value, 843)
        self.assertAlmostEqual(request.unifyx_approval_amount, 1686)
        self.assertEqual(self._snapshot()["layers"], before["layers"])

    def test_split_counts_add_up_whatever_the_timezone_sent(self):
        # "The day" is the company's: a client's tz (in its context, or its own
        # preference changed between counts) moved midnight between the halves.
        self.company.partner_id.tz = "Europe/Paris"
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        with freeze_time("2026-06-01 09:00:00"):
            quant.inventory_quantity = 40  # 843: applied at once
            self.assertIs(quant.action_apply_inventory(), True)
        for context, user_tz, when in (
            ({"tz": "Pacific/Kiritimati"}, "Europe/Paris", "2026-06-01 11:00:00"),
            ({}, "Pacific/Kiritimati", "2026-06-01 11:00:00"),
        ):
            with self.subTest(context=context, user_tz=user_tz), freeze_time(when):
                self.operator.tz = user_tz
                counting = quant.with_context(**context)
                counting.inventory_quantity = 30  # another 843 that day in Paris
                action = counting.action_apply_inventory()
                self.assertIsInstance(action, dict, "held: 1,686 counted in the day")
                self.assertEqual(self._on_hand(), 40)
                request = self.env["unifyx.inventory.approval"].browse(action["res_id"])
                self.assertAlmostEqual(request.unifyx_approval_amount, 1686)
                request.sudo().action_cancel()
                quant.sudo().inventory_quantity_set = False

    def test_count_window_is_a_company_setting(self):
        self.company.unifyx_count_window_days = 0  # each count alone
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        for counted in (40, 30):
            quant.inventory_quantity = counted
            self.assertIs(quant.action_apply_inventory(), True)
        self.assertEqual(self._on_hand(), 30)

    def test_counts_with_approval_do_not_add_up(self):
        request = self._held_count(30)  # 1,686
        self._approve(request)
        request.with_user(self.operator).action_apply()
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        quant.inventory_quantity = 29
        self.assertIs(quant.action_apply_inventory(), True)
        self.assertEqual(self._on_hand(), 29)

    def test_apply_rechecks_the_count(self):
        request = self._held_count(30)  # 20 x 84.30 = 1,686
        self._approve(request)
        # Stock arrives after the approval: applying 30 is now a loss of 40.
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock, 20)
        before = self._snapshot()
        result = request.with_user(self.operator).action_apply()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(self._on_hand(), 70, "nothing applied")
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.validation_status, "pending", "back to approval")
        self.assertAlmostEqual(request.unifyx_approval_amount, 40 * 84.30)
        self.assertEqual(self._snapshot()["layers"], before["layers"])
        self._approve(request)
        request.with_user(self.operator).action_apply()
        self.assertEqual(self._on_hand(), 30)

    # -- whose stock ------------------------------------------------------------

    def test_other_companys_quant_is_not_counted(self):
        before = self._snapshot()
        other = self.other_quant.with_user(self.operator)
        with self.assertRaises(AccessError):
            other.with_context(inventory_mode=True).inventory_quantity = 0
        with self.assertRaises(AccessError):
            other.action_apply_inventory()
        # Not through a request line either (the report's review applied there).
        request = self._held_count(30)
        with self.assertRaises(AccessError):
            request.with_user(self.operator).write(
                {"line_ids": [Command.create({"quant_id": self.other_quant.id})]}
            )
        self.assertEqual(self._on_hand(self.other_company), 30)
        self.assertEqual(len(self._snapshot()["requests"]), len(before["requests"]) + 1)

    def test_quant_created_in_inventory_mode_is_held(self):
        """Odoo creates counted quants as superuser: that is no approval."""
        before = self._snapshot()
        self.env["stock.quant"].with_user(self.operator).with_context(inventory_mode=True).create(
            {
                "product_id": self.product.id,
                "location_id": self.stock.id,
                "inventory_quantity_auto_apply": 500,
            }
        )
        self.assertEqual(self._on_hand(), 50)
        self.assertEqual(self._snapshot()["layers"], before["layers"])
        request = self.env["unifyx.inventory.approval"].search([("user_id", "=", self.operator.id)])
        self.assertAlmostEqual(request.unifyx_approval_amount, 450 * 84.30)

    # -- stock changed outside a count ---------------------------------------

    def test_quant_quantity_is_not_written(self):
        before = self._snapshot()
        Quant = self.env["stock.quant"].with_user(self.operator)
        for vals in ({"quantity": 1000}, {"location_id": self.adjustment.id}):
            with self.assertRaises(AccessError, msg=vals):
                Quant.browse(self.quant.id).write(vals)
        with self.assertRaises(AccessError):
            Quant.create(
                {"product_id": self.product.id, "location_id": self.stock.id, "quantity": 9}
            )
        self.assertEqual(self._snapshot(), before)

    def test_no_transfer_to_or_from_the_adjustment_location(self):
        for source, destination in ((self.adjustment, self.stock), (self.stock, self.adjustment)):
            picking = self._adjustment_picking(self.operator, source, destination)
            before = self._snapshot()
            with self.assertRaises(AccessError):
                picking.with_user(self.operator).button_validate()
            self.assertEqual(self._snapshot(), before)
            self.assertEqual(self._on_hand(), 50)
        # A warehouse manager may; scrapping stays the operator's.
        self._adjustment_picking(self.manager, self.adjustment, self.stock).button_validate()
        self.assertEqual(self._on_hand(), 70)
        scrap = (
            self.env["stock.scrap"]
            .with_user(self.operator)
            .create({"product_id": self.product.id, "scrap_qty": 2, "location_id": self.stock.id})
        )
        scrap.action_validate()
        self.assertEqual(self._on_hand(), 68)

    def test_done_count_is_not_edited(self):
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        quant.inventory_quantity = 49
        quant.action_apply_inventory()
        move_line = self.env["stock.move.line"].search(
            [("product_id", "=", self.product.id), ("move_id.is_inventory", "=", True)]
        )
        self.assertEqual(move_line.state, "done")
        before = self._snapshot()
        for vals in ({"quantity": 500}, {"location_id": self.adjustment.id}):
            with self.assertRaises(AccessError, msg=vals):
                move_line.with_user(self.operator).write(vals)
        self.assertEqual(self._snapshot(), before)

    def test_barcode_count_goes_through_approval(self):
        """The barcode inventory screen (OCA stock_barcodes) applies through
        the adjustment reason wizard."""
        quant = self.quant.with_user(self.operator).with_context(inventory_mode=True)
        quant.inventory_quantity = 20
        wizard = (
            self.env["stock.inventory.adjustment.name"]
            .with_user(self.operator)
            .with_context(default_quant_ids=quant.ids, barcode_apply_inventory=True)
            .create({})
        )
        action = wizard.action_apply()
        self.assertEqual(action["res_model"], "unifyx.inventory.approval")
        self.assertEqual(self._on_hand(), 50)

    def test_mixed_companies_are_not_counted_together(self):
        self.operator.company_ids |= self.other_company
        quants = (self.quant | self.other_quant).with_user(self.operator)
        quants = quants.with_context(
            allowed_company_ids=(self.company | self.other_company).ids, inventory_mode=True
        )
        quants.inventory_quantity = 0
        with self.assertRaises(UserError):
            quants.action_apply_inventory()


@tagged("post_install", "-at_install")
class TestInventoryGovernanceRpc(InventoryGovernanceMixin, HttpCase):
    """The same attempts from an integration, over XML-RPC and JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_inventory()

    def _xmlrpc(self, model, method, *args, **kwargs):
        login = self.operator.login
        kwargs.setdefault("context", {"allowed_company_ids": self.company.ids})
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.operator.id, login, model, method, list(args), kwargs
        )

    def _jsonrpc(self, model, method, *args, **kwargs):
        login = self.operator.login
        kwargs.setdefault("context", {"allowed_company_ids": self.company.ids})
        return self.make_jsonrpc_request(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.operator.id,
                    login,
                    model,
                    method,
                    list(args),
                    kwargs,
                ],
            },
        )

    def _refused(self, call, *args, **kwargs):
        error = xmlrpc.client.Fault if call == self._xmlrpc else JsonRpcException
        with self.assertRaises(error):
            call(*args, **kwargs)

    def test_forged_requests_over_rpc(self):
        """The report's request valued 0, and a line valued 0 in a held one."""
        held = self._held_count(30)
        line = self._forged_line()
        before = self._snapshot()
        for call in (self._xmlrpc, self._jsonrpc):
            self._refused(call, "unifyx.inventory.approval", "create", {"line_ids": [(0, 0, line)]})
            self._refused(
                call, "unifyx.inventory.approval.line", "create", dict(line, approval_id=held.id)
            )
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(self._on_hand(), 50)

    def test_approved_request_gains_no_line_over_rpc(self):
        request = self._held_count(10)
        self._approve(request)
        before = self._snapshot()
        for call in (self._xmlrpc, self._jsonrpc):
            for commands in (
                [(0, 0, {"quant_id": self.other_quant.id, "counted_quantity": 0})],
                [(1, request.line_ids.id, {"counted_quantity": 49})],
                [(2, request.line_ids.id)],
            ):
                self._refused(
                    call, "unifyx.inventory.approval", "write", [request.id], {"line_ids": commands}
                )
            # The report's path: a line created on its own, naming the approved request.
            self._refused(
                call,
                "unifyx.inventory.approval.line",
                "create",
                {
                    "approval_id": request.id,
                    "quant_id": self.other_quant.id,
                    "product_id": self.product.id,
                    "location_id": self.other_quant.location_id.id,
                    "counted_quantity": 0,
                },
            )
        self.assertEqual(self._snapshot(), before)

    def test_quant_writes_over_rpc(self):
        before = self._snapshot()
        for call in (self._xmlrpc, self._jsonrpc):
            self._refused(call, "stock.quant", "write", [self.quant.id], {"quantity": 1000})
            self._refused(
                call,
                "stock.quant",
                "create",
                {"product_id": self.product.id, "location_id": self.stock.id, "quantity": 5},
            )
        self.assertEqual(self._snapshot(), before)
        # Created in inventory mode and applied at once: held for approval.
        self._jsonrpc(
            "stock.quant",
            "create",
            {
                "product_id": self.product.id,
                "location_id": self.stock.id,
                "inventory_quantity_auto_apply": 500,
            },
            context={"allowed_company_ids": self.company.ids, "inventory_mode": True},
        )
        self.assertEqual(self._on_hand(), 50)
        self.assertEqual(self._snapshot()["layers"], before["layers"])

    def test_split_counts_over_rpc(self):
        context = {"allowed_company_ids": self.company.ids, "inventory_mode": True}
        self._xmlrpc(
            "stock.quant", "write", [self.quant.id], {"inventory_quantity": 40}, context=context
        )
        # Odoo's action_apply_inventory returns None: JSON-RPC.
        self._jsonrpc("stock.quant", "action_apply_inventory", [self.quant.id], context=context)
        self.assertEqual(self._on_hand(), 40)
        self._jsonrpc(
            "stock.quant", "write", [self.quant.id], {"inventory_quantity": 30}, context=context
        )
        action = self._jsonrpc(
            "stock.quant", "action_apply_inventory", [self.quant.id], context=context
        )
        self.assertEqual(action["res_model"], "unifyx.inventory.approval")
        self.assertEqual(self._on_hand(), 40)

    def test_adjustment_transfer_over_rpc(self):
        picking = self._adjustment_picking(self.operator, self.adjustment, self.stock)
        before = self._snapshot()
        for call in (self._xmlrpc, self._jsonrpc):
            self._refused(call, "stock.picking", "button_validate", [picking.id])
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(self._on_hand(), 50)
