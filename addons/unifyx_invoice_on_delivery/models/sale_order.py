# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    unifyx_invoicing_failed = fields.Boolean(
        string="Invoicing Failed",
        compute="_compute_unifyx_invoicing_failed",
        store=True,
        help="The invoice of one of this order's deliveries could not be posted.",
    )
    unifyx_invoicing_error = fields.Text(
        string="Invoicing Error", compute="_compute_unifyx_invoicing_error"
    )

    @api.depends("picking_ids.unifyx_invoicing_state")
    def _compute_unifyx_invoicing_failed(self):
        for order in self:
            order.unifyx_invoicing_failed = "failed" in order.picking_ids.mapped(
                "unifyx_invoicing_state"
            )

    @api.depends("picking_ids.unifyx_invoicing_state", "picking_ids.unifyx_invoicing_error")
    def _compute_unifyx_invoicing_error(self):
        for order in self:
            failed = order.picking_ids.filtered(
                lambda picking: picking.unifyx_invoicing_state == "failed"
            )
            order.unifyx_invoicing_error = "\n".join(
                "%s: %s" % (picking.name, picking.unifyx_invoicing_error) for picking in failed
            )

    def action_unifyx_retry_invoicing(self):
        """Retry the failed invoicing of the order's deliveries (rights: the
        delivery's action checks them)."""
        pickings = self.picking_ids.filtered(
            lambda picking: picking.unifyx_invoicing_state == "failed"
        )
        return pickings.action_unifyx_retry_invoicing()
