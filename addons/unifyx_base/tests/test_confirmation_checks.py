# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import UnifyxCase


@tagged("post_install", "-at_install")
class TestConfirmationChecks(UnifyxCase):
    """The registry runs every registered check, in sequence order, once per
    confirmation, from the button and from a bare write of the state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Registry Customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Registry Product", "type": "consu", "list_price": 10.0}
        )
        cls.SaleOrder = cls.env.registry["sale.order"]

    def setUp(self):
        super().setUp()
        self.calls = []
        order_cls = self.SaleOrder
        calls = self.calls
        registered = order_cls._unifyx_confirmation_checks

        # Two checks registered as an addon would, out of order on purpose.
        def checks(records):
            return registered(records) + [
                (20, "_test_check_late"),
                (5, "_test_check_early"),
            ]

        def early(records):
            calls.append(("early", records.ids))

        def late(records):
            calls.append(("late", records.ids))
            if any(order.client_order_ref == "REFUSE" for order in records):
                raise UserError(records.env._("refused by the late check"))

        self.patch(order_cls, "_unifyx_confirmation_checks", checks)
        for name, check in (("_test_check_early", early), ("_test_check_late", late)):
            setattr(order_cls, name, check)
            self.addCleanup(delattr, order_cls, name)

    def _order(self, **vals):
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 1})],
                **vals,
            }
        )

    def test_button_runs_checks_in_order_once(self):
        order = self._order()
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        # Once each: the state write inside action_confirm does not re-run them.
        self.assertEqual(self.calls, [("early", order.ids), ("late", order.ids)])

    def test_state_write_runs_the_checks(self):
        order = self._order(client_order_ref="REFUSE")
        with self.assertRaises(UserError):
            order.write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        self.assertEqual([name for name, _ids in self.calls], ["early", "late"])

    def test_refused_confirmation_changes_nothing(self):
        order = self._order(client_order_ref="REFUSE")
        with self.assertRaises(UserError):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_confirmed_orders_are_not_checked_again(self):
        order = self._order()
        order.action_confirm()
        self.calls.clear()
        order.write({"state": "sale"})
        self.assertEqual(self.calls, [])
