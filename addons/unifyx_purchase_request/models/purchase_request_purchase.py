# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From approved requests to purchases: RFQs grouped by vendor (OCA's RFQ
wizard, once per vendor) and calls for tenders (OCA's agreement wizard) for the
lines whose category or estimated cost says so (company settings)."""

from odoo import models
from odoo.exceptions import UserError


# One _inherit per concern, on purpose (as unifyx_approvals' mixin files).
# pylint: disable=consider-merging-classes-inherited
class PurchaseRequest(models.Model):
    _inherit = "purchase.request"

    def _unifyx_lines_to_purchase(self):
        """Lines of approved requests with nothing on an RFQ or a tender yet."""
        return self.line_ids.filtered(
            lambda line: (
                not line.cancelled
                and line.product_qty > 0
                and not line.purchase_lines.filtered(lambda pol: pol.state != "cancel")
                and not line.requisition_lines.filtered(
                    lambda rl: rl.requisition_id.state != "cancel"
                )
            )
        )

    def action_unifyx_create_purchases(self):
        """Create the RFQs (one per vendor) and the call for tenders of these
        approved requests; returns the action showing what was created."""
        self._unifyx_check_purchaser()
        for request in self:
            if request.state not in ("approved", "in_progress"):
                raise UserError(self.env._("%s is not approved.", request.name))
        lines = self._unifyx_lines_to_purchase()
        if not lines:
            raise UserError(self.env._("Everything requested is already on an RFQ or a tender."))
        tender_lines = lines.filtered("unifyx_needs_tender")
        rfq_lines = lines - tender_lines
        missing = rfq_lines.filtered(lambda line: not line.supplier_id)
        if missing:
            raise UserError(
                self.env._(
                    "No vendor price for %(products)s: add one, or send them to a call "
                    "for tenders.",
                    products=", ".join(missing.product_id.mapped("display_name")),
                )
            )
        orders = self.env["purchase.order"]
        groups = rfq_lines.grouped(
            lambda line: (
                line.supplier_id,
                line.request_id.picking_type_id,
                line.request_id.group_id,
            )
        )
        for (vendor, _picking_type, _group), vendor_lines in groups.items():
            wizard = (
                self.env["purchase.request.line.make.purchase.order"]
                .with_context(active_model="purchase.request.line", active_ids=vendor_lines.ids)
                .create({"supplier_id": vendor.id})
            )
            action = wizard.make_purchase_order()
            orders |= orders.browse(action["domain"][0][2])
        tenders = self.env["purchase.requisition"]
        for _picking_type, picking_lines in tender_lines.grouped(
            lambda line: line.request_id.picking_type_id
        ).items():
            wizard = (
                self.env["purchase.request.line.make.purchase.requisition"]
                .with_context(active_model="purchase.request.line", active_ids=picking_lines.ids)
                .create({})
            )
            action = wizard.make_purchase_requisition()
            tenders |= tenders.browse(action["domain"][0][2])
        return self._unifyx_purchases_action(orders, tenders)

    def _unifyx_purchases_action(self, orders, tenders):
        if tenders and not orders:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Calls for Tenders"),
                "res_model": "purchase.requisition",
                "view_mode": "list,form",
                "domain": [("id", "in", tenders.ids)],
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests for Quotation"),
            "res_model": "purchase.order",
            "view_mode": "list,form",
            "domain": [("id", "in", orders.ids)],
        }
