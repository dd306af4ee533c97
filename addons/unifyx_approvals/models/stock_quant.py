# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import models
from odoo.tools import float_is_zero

# Set only while an approved inventory request applies its quantities: a
# context key would not do, RPC callers choose their context.
_INVENTORY_APPROVED = ContextVar("unifyx_inventory_approved", default=False)


@contextmanager
def inventory_approved():
    token = _INVENTORY_APPROVED.set(True)
    try:
        yield
    finally:
        _INVENTORY_APPROVED.reset(token)


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def action_apply_inventory(self):
        request = self._unifyx_hold_for_approval()
        if request:
            return {
                "type": "ir.actions.act_window",
                "res_model": request._name,
                "res_id": request.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
            }
        return super().action_apply_inventory()

    def _apply_inventory(self):
        # Every path that applies counted quantities comes through here.
        if self._unifyx_hold_for_approval():
            return None
        return super()._apply_inventory()

    def _unifyx_hold_for_approval(self):
        """If the approval matrix requires it, record these counted quantities
        in an approval request instead of applying them, and return it."""
        if _INVENTORY_APPROVED.get() or self.env.su:
            return None
        quants = self.filtered(
            lambda q: (
                q.inventory_quantity_set
                and not float_is_zero(
                    q.inventory_diff_quantity, precision_rounding=q.product_uom_id.rounding
                )
            )
        )
        if not quants:
            return None
        Request = self.env["unifyx.inventory.approval"]
        company = quants.company_id[:1] or self.env.company
        has_rows = (
            self.env["tier.definition"]
            .sudo()
            .search_count(
                [("model", "=", Request._name), ("company_id", "in", [False, company.id])], limit=1
            )
        )
        if not has_rows:
            return None
        request = Request.create(
            {
                "company_id": company.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "quant_id": quant.id,
                            "product_id": quant.product_id.id,
                            "location_id": quant.location_id.id,
                            "lot_id": quant.lot_id.id,
                            "quantity": quant.quantity,
                            "counted_quantity": quant.inventory_quantity,
                            "difference": quant.inventory_diff_quantity,
                            "value": quant.inventory_diff_quantity
                            # sudo: an operator may not see costs; the value
                            # is the server's, as the approval band needs it.
                            * quant.product_id.sudo().with_company(company).standard_price,
                        },
                    )
                    for quant in quants
                ],
            }
        )
        if not request.need_validation:
            request.sudo().unlink()
            return None
        request.name = self.env["ir.sequence"].sudo().next_by_code("unifyx.inventory.approval")
        request.request_validation()
        request.message_post(
            body=self.env._("Count held for approval: the value of its differences needs it.")
        )
        return request
