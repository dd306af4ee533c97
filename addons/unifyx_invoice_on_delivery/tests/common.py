# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A company with a chart of accounts (Odoo's test chart, no demo data), one
customer, one storable product in stock, a warehouse operator, a salesperson
and an accountant; the invoicing jobs run on demand (``_run_invoicing_jobs``),
each as the job runner would run it."""

from odoo import Command
from odoo.tests import Form

from odoo.addons.account.tests.common import (
    AccountTestInvoicingCommon,
    AccountTestInvoicingHttpCommon,
)
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.unifyx_base.tools.jobs import run_pending_jobs


class InvoiceOnDeliveryMixin:
    @classmethod
    def _setup_invoice_on_delivery(cls):
        cls.company = cls.company_data["company"]
        cls.env = cls.env(
            context=dict(
                cls.env.context, tracking_disable=True, allowed_company_ids=cls.company.ids
            )
        )
        cls.operator = mail_new_test_user(
            cls.env,
            login="unifyx_iod_operator",
            groups="base.group_user,unifyx_base.group_warehouse_operator",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "IOD customer", "email": "iod.customer@example.com"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "IOD widget",
                "type": "consu",
                "is_storable": True,
                "invoice_policy": "delivery",
                "list_price": 100.0,
                "taxes_id": [Command.set(cls.company_data["default_tax_sale"].ids)],
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 50
        )
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="unifyx_iod_salesperson",
            groups="base.group_user,unifyx_base.group_salesperson",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.accountant = mail_new_test_user(
            cls.env,
            login="unifyx_iod_finance",
            groups="base.group_user,unifyx_base.group_finance",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )

    def _invoicing_jobs(self, state="pending"):
        return (
            self.env["queue.job"]
            .sudo()
            .search([("channel", "=", "root.invoicing"), ("state", "=", state)], order="id")
        )

    def _run_invoicing_jobs(self):
        """Run the pending jobs of the invoicing channel (and those they
        queue) in order, each as the job runner runs it: performed as the user
        who queued it, then marked done. Returns the jobs run."""
        return run_pending_jobs(self.env, [("channel", "=", "root.invoicing")])

    def _sell(self, quantity, discount=0.0):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": quantity,
                            "discount": discount,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        return order

    def _validate(self, picking, quantity=None, user=None):
        """Validate ``picking`` as the warehouse operator, ``quantity`` of the
        product (all by default); returns the backorder, if any."""
        picking = picking.with_user(user or self.operator)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty if quantity is None else quantity
        picking.move_ids.picked = True
        result = picking.button_validate()
        if isinstance(result, dict):
            # Partial: the backorder wizard, "Create Backorder".
            Form.from_action(picking.env, result).save().process()
        self.assertEqual(picking.state, "done")
        return picking.backorder_ids

    def _return(self, picking, quantity):
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_ids=picking.ids, active_id=picking.id, active_model="stock.picking"
            )
        ).save()
        wizard.product_return_moves.quantity = quantity
        return self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])


class InvoiceOnDeliveryCase(InvoiceOnDeliveryMixin, AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_invoice_on_delivery()


class InvoiceOnDeliveryHttpCase(InvoiceOnDeliveryMixin, AccountTestInvoicingHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_invoice_on_delivery()
