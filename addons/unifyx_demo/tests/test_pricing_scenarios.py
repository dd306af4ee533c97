# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scenario on the demo distributor: a B2B order priced by the customer's
contract, with a manual discount within the salesperson's limit, then one
beyond it routed to the sales manager; delivered, invoiced, and the stock
valuation still equal to the stock account."""

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DemoCompanyCase


@tagged("post_install", "-at_install")
class TestPricingScenario(DemoCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].search(
            [
                ("default_code", "=like", "UX-%"),
                ("tracking", "=", "none"),
                ("uom_id", "=", cls.unit.id),
            ],
            order="default_code",
            limit=1,
        )
        cls.contract_price = round(cls.product.list_price * 0.9, 2)

    def _stock(self, qty):
        order = (
            self.env["purchase.order"]
            .with_user(self.user["purchaser"])
            .create(
                {
                    "partner_id": self.product.seller_ids[:1].partner_id.id,
                    "picking_type_id": self.lyon.in_type_id.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "product_qty": qty})
                    ],
                }
            )
        )
        order.button_confirm()
        self._validate(order.picking_ids, self.user["wh_operator"])

    def _contract(self):
        # A consultant enters it, the sales manager activates it.
        contract = (
            self.env["unifyx.price.contract"]
            .with_user(self.user["consultant"])
            .create(
                {
                    "name": "Confort Lyon 3 - 2026",
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "date_start": fields.Date.today(),
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "price_type": "fixed",
                                "fixed_price": self.contract_price,
                            }
                        )
                    ],
                }
            )
        )
        contract.with_user(self.user["sales_manager"]).action_activate()
        return contract

    def _quote(self, discount):
        order = self._sale((self.product, 5))
        line = order.order_line
        self.assertEqual(line.unifyx_price_source, "contract")
        self.assertAlmostEqual(line.price_unit, self.contract_price)
        line.with_user(self.user["salesperson"]).discount = discount
        self.assertEqual(line.unifyx_price_source, "manual")
        self.assertEqual(line.unifyx_price_manual_user_id, self.user["salesperson"])
        return order

    def test_contract_price_and_manual_discount_delivered_and_invoiced(self):
        self.assertTrue(self.product and self.customer and self.stock_account)
        self._stock(10)
        self._contract()
        order = self._quote(4)
        self.assertFalse(order.unifyx_exception_type_ids, "4 % is within the salesperson's 5 %")
        order.with_user(self.user["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")
        self._validate(order.picking_ids, self.user["wh_operator"])
        self.assertEqual(order.order_line.qty_delivered, 5)
        invoice = order.with_user(self.user["finance"])._create_invoices()
        invoice.action_post()
        inv_line = invoice.invoice_line_ids
        self.assertAlmostEqual(inv_line.price_unit, self.contract_price)
        self.assertEqual(inv_line.discount, 4)
        self.assertAlmostEqual(
            invoice.amount_untaxed, round(5 * self.contract_price * 0.96, 2), places=2
        )
        layers = self.env["stock.valuation.layer"].search([("company_id", "=", self.company.id)])
        lines = self.env["account.move.line"].search(
            [("account_id", "=", self.stock_account.id), ("parent_state", "=", "posted")]
        )
        self.assertAlmostEqual(sum(layers.mapped("value")), sum(lines.mapped("balance")), places=2)

    def test_discount_beyond_the_limit_goes_to_the_sales_manager(self):
        excess = self.env.ref("unifyx_pricing.exception_type_excess_discount")
        # The demo matrix holds the brief's row: discounts beyond the
        # seller's limit go to a sales manager.
        row = self.env.ref("unifyx_demo.approval_matrix_so_excess_discount_demo")
        self.assertEqual(row.exception_type_ids, excess)
        self.assertEqual(row.step_ids.group_id, self.env.ref("unifyx_base.group_sales_manager"))
        self._contract()
        order = self._quote(8)
        self.assertIn(excess, order.unifyx_exception_type_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.user["salesperson"]).action_confirm()
        order.with_user(self.user["salesperson"]).request_validation()
        self._approve(order, "sales_manager", "Strategic account")
        order.with_user(self.user["salesperson"]).action_confirm()
        self.assertEqual(order.state, "sale")
