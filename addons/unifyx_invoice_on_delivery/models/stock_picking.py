# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self._unifyx_invoice_on_delivery()
        return res

    def _unifyx_invoice_on_delivery(self):
        """Invoice what was just delivered (or credit what came back) for the
        customers that ask for it: Odoo's own invoicing of the sales order, so
        prices, discounts, taxes, payment terms and fiscal position are the
        order's. Runs as superuser: the warehouse validates, accounting books."""
        # Read as superuser too: a warehouse operator does not read sale orders.
        orders = (
            self.sudo()
            .filtered(lambda picking: picking.state == "done" and picking.sale_id)
            .sale_id.filtered(lambda order: order.invoice_status == "to invoice")
        )
        orders = orders.filtered(
            lambda order: order.partner_invoice_id._unifyx_invoices_on_delivery(order.company_id)
        )
        for company, company_orders in orders.grouped("company_id").items():
            invoices = (
                company_orders.sudo()
                .with_company(company)
                .with_context(allowed_company_ids=company.ids)
                ._create_invoices(final=True)
            )
            invoices.action_post()
