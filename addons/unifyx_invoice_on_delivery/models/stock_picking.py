# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.quantities import delivery_quantity

_logger = logging.getLogger(__name__)

INVOICING_FIELDS = ("unifyx_invoicing_state", "unifyx_invoicing_error")
RETRY_GROUP = "account.group_account_invoice"


class StockPicking(models.Model):
    _inherit = "stock.picking"

    unifyx_invoicing_state = fields.Selection(
        [("pending", "Pending"), ("done", "Invoiced"), ("failed", "Invoicing failed")],
        string="Invoicing on Delivery",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Pending: the invoice of this delivery is being created, posted and sent in "
        "the background. Failed: it could not be posted; the error says why, and "
        "accounting can retry once it is fixed.",
    )
    unifyx_invoicing_error = fields.Text(string="Invoicing Error", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(set(INVOICING_FIELDS) & set(vals) for vals in vals_list):
            raise AccessError(
                self.env._("The invoicing state of a delivery is set by the invoicing job only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        # The state is the job's: a client writing it would hide a failure or re-bill.
        if not self.env.su and set(INVOICING_FIELDS) & set(vals):
            raise AccessError(
                self.env._("The invoicing state of a delivery is set by the invoicing job only.")
            )
        return super().write(vals)

    def _action_done(self):
        res = super()._action_done()
        self._unifyx_invoice_on_delivery()
        return res

    def _unifyx_invoice_on_delivery(self):
        """Queue the invoice of each delivery (or credit note of each return) of
        the customers that ask for it. The delivery is done whatever happens to
        its invoice: posting and sending run after, in their own transaction."""
        # Read as superuser: a warehouse operator does not read sale orders.
        pickings = self.sudo().filtered(
            lambda picking: (
                picking.state == "done"
                and picking.sale_id.invoice_status == "to invoice"
                and picking.sale_id.partner_invoice_id._unifyx_invoices_on_delivery(
                    picking.sale_id.company_id
                )
            )
        )
        pickings.write({"unifyx_invoicing_state": "pending", "unifyx_invoicing_error": False})
        for picking in pickings:
            picking._unifyx_delay_invoicing()

    def _unifyx_delay_invoicing(self):
        self.ensure_one()
        self.with_delay(
            channel="root.invoicing",
            identity_key="unifyx_invoice_picking_%s" % self.id,
            description=self.env._("Invoice delivery %s", self.name),
        )._unifyx_invoice_job()

    def _unifyx_invoice_job(self):
        """The job: create and post the invoice of this delivery, then queue its
        sending. Idempotent: only a pending delivery is invoiced, once. An
        invoicing error (constraint, lock date, missing account...) leaves the
        delivery flagged "invoicing failed" with the message; a lock between
        transactions is raised so that the job queue retries it."""
        self.ensure_one()
        picking = self.sudo()
        if picking.unifyx_invoicing_state != "pending":
            return "Nothing to do (%s)" % picking.unifyx_invoicing_state
        try:
            with self.env.cr.savepoint():
                invoices = picking._unifyx_create_invoices()
        except psycopg2.OperationalError:
            raise
        except Exception as error:
            _logger.info("Invoicing of delivery %s failed: %s", picking.name, error)
            picking.write(
                {
                    "unifyx_invoicing_state": "failed",
                    "unifyx_invoicing_error": str(error.args[0] if error.args else error),
                }
            )
            return "Failed: %s" % error
        picking.write({"unifyx_invoicing_state": "done", "unifyx_invoicing_error": False})
        for invoice in invoices:
            invoice._unifyx_delay_sending()
        return (
            "Invoices: %s" % ", ".join(invoices.mapped("name")) if invoices else "Nothing to bill"
        )

    def _unifyx_create_invoices(self):
        """Odoo's invoicing of the order (prices, discounts, taxes, payment
        terms and fiscal position are the order's), each line limited to what
        this delivery moved (see tools.quantities); posted."""
        self.ensure_one()
        order = self.sale_id
        company = order.company_id
        order = order.with_company(company).with_context(allowed_company_ids=company.ids)
        if order.invoice_status != "to invoice":
            return self.env["account.move"]
        invoices = order._create_invoices(final=True)
        new_lines = invoices.invoice_line_ids
        for invoice in invoices:
            sign = -1 if invoice.move_type == "out_refund" else 1
            for line in invoice.invoice_line_ids.filtered("sale_line_ids"):
                wanted = self._unifyx_quantity_to_bill(
                    line.sale_line_ids[:1], sign * line.quantity, new_lines
                )
                if wanted:
                    if wanted != sign * line.quantity:
                        line.quantity = sign * wanted
                else:
                    line.unlink()
        empty = invoices.filtered(lambda move: not move.invoice_line_ids.filtered("sale_line_ids"))
        empty.unlink()
        invoices = (invoices - empty).exists()
        invoices.action_post()
        return invoices

    def _unifyx_quantity_to_bill(self, sale_line, to_invoice, new_lines):
        """Signed quantity of ``sale_line`` this delivery bills."""
        if not sale_line.move_ids:
            # Services and fees: billed with the first invoice, never after a credit note.
            earlier = (sale_line.invoice_lines - new_lines).filtered(
                lambda line: line.parent_state != "cancel"
            )
            return 0.0 if earlier else to_invoice
        outgoing, incoming = sale_line._get_outgoing_incoming_moves()
        mine = self.move_ids
        moved = sum(
            move.product_uom._compute_quantity(move.quantity, sale_line.product_uom)
            for move in outgoing & mine
        ) - sum(
            move.product_uom._compute_quantity(move.quantity, sale_line.product_uom)
            for move in incoming & mine
        )
        return delivery_quantity(to_invoice, moved)

    def action_unifyx_retry_invoicing(self):
        """Accounting retries a failed invoicing once its cause is fixed."""
        if not self.env.user.has_group(RETRY_GROUP):
            raise AccessError(self.env._("Only accounting may retry the invoicing of a delivery."))
        failed = self.filtered(lambda picking: picking.unifyx_invoicing_state == "failed")
        if failed != self:
            raise UserError(self.env._("Only a delivery whose invoicing failed can be retried."))
        failed.sudo().write({"unifyx_invoicing_state": "pending", "unifyx_invoicing_error": False})
        for picking in failed.sudo():
            picking._unifyx_delay_invoicing()
        return True
