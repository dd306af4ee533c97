# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The decisions and the rejection of qc.inspection: split on purpose (size).
# pylint: disable=consider-merging-classes-inherited
"""A failed inspection: the rejected quantity goes back to the vendor through
Odoo's return wizard, the moves to stock carry only what was accepted, and
finance gets the vendor credit request."""

from odoo import Command, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from .qc_inspection import OPEN_STATES, _deciding, _flag


class QcInspection(models.Model):
    _inherit = "qc.inspection"

    def _unifyx_check_rejectable(self):
        self.ensure_one()
        move = self._unifyx_move()
        if self.state not in OPEN_STATES:
            raise UserError(self.env._("Only an open inspection can be rejected."))
        if not move or move.state != "done":
            raise UserError(
                self.env._(
                    "Inspection %(name)s can be rejected once its goods are received "
                    "(its transfer is done).",
                    name=self.name,
                )
            )
        if not move._unifyx_vendor_receipt_move():
            raise UserError(
                self.env._(
                    "Inspection %(name)s is not about goods received from a vendor.", name=self.name
                )
            )

    def _unifyx_reject(self, quantity, reason):
        """Fail the inspection, rejecting ``quantity`` (in the move's unit) for
        ``reason``. The caller checked the role; runs as superuser after it."""
        self.ensure_one()
        self._unifyx_check_rejectable()
        move = self._unifyx_move()
        rounding = move.product_uom.rounding
        if (
            float_compare(quantity, 0, precision_rounding=rounding) <= 0
            or float_compare(quantity, move.quantity, precision_rounding=rounding) > 0
        ):
            raise UserError(
                self.env._(
                    "The rejected quantity must be more than 0 and at most the %(qty)s received.",
                    qty=move.quantity,
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the rejection."))
        inspection = self.sudo()
        move = move.sudo()
        move._unifyx_reduce_downstream(quantity)
        return_picking = move._unifyx_return_to_vendor(quantity, inspection)
        with _flag(_deciding):
            inspection.write(
                {
                    "state": "failed",
                    "unifyx_rejected_qty": quantity,
                    "unifyx_reject_reason": reason.strip(),
                    "unifyx_return_picking_id": return_picking.id,
                }
            )
            credit_note = inspection._unifyx_credit_request()
            if credit_note:
                inspection.unifyx_credit_note_id = credit_note
        inspection.message_post(
            body=self.env._(
                "Rejected %(qty)s %(uom)s: %(reason)s. Returned with %(picking)s.",
                qty=quantity,
                uom=move.product_uom.name,
                reason=reason.strip(),
                picking=return_picking.name,
            )
        )
        return return_picking

    def _unifyx_credit_request(self):
        """Odoo bills received quantities: a rejected quantity not billed yet is
        simply not billed (the return lowers the received quantity), finance is
        told on the order. What was billed already gets a draft credit note,
        from the order's own invoice preparation. Returns the credit note."""
        self.ensure_one()
        move = self._unifyx_move()._unifyx_vendor_receipt_move()
        line = move.purchase_line_id
        if not line:
            return self.env["account.move"]
        order = line.order_id
        qty = move.product_uom._compute_quantity(self.unifyx_rejected_qty, line.product_uom)
        # Billed beyond what is kept once the return leaves.
        billed_excess = min(qty, line.qty_invoiced - (line.qty_received - qty))
        credit_note = self.env["account.move"]
        if not float_is_zero(max(billed_excess, 0.0), precision_rounding=line.product_uom.rounding):
            invoice_vals = order.with_company(order.company_id)._prepare_invoice()
            line_vals = line._prepare_account_move_line()
            line_vals["quantity"] = billed_excess
            invoice_vals.update(
                move_type="in_refund",
                ref=self.env._("Rejected at inspection %(name)s", name=self.name),
                invoice_line_ids=[Command.create(line_vals)],
            )
            credit_note = (
                self.env["account.move"]
                .with_company(order.company_id)
                .with_context(default_move_type="in_refund")
                .create(invoice_vals)
            )
        finance = self._unifyx_finance_user(order.company_id) or order.user_id or self.env.user
        summary = self.env._(
            "Vendor credit: %(qty)s %(uom)s of %(product)s rejected",
            qty=qty,
            uom=line.product_uom.name,
            product=line.product_id.display_name,
        )
        note = self.env._(
            "Inspection %(name)s: %(reason)s. Return %(picking)s. %(credit)s",
            name=self.name,
            reason=self.unifyx_reject_reason,
            picking=self.unifyx_return_picking_id.name,
            credit=self.env._("Draft credit note to check and post.")
            if credit_note
            else self.env._("Not billed yet: bill only the accepted quantity."),
        )
        order.activity_schedule(
            "mail.mail_activity_data_todo", summary=summary, note=note, user_id=finance.id
        )
        return credit_note

    def _unifyx_finance_user(self, company):
        return self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref("unifyx_base.group_finance").id),
                ("company_ids", "in", company.id),
                ("share", "=", False),
            ],
            order="id",
            limit=1,
        )
