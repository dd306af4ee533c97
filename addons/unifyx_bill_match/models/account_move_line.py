# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .match_flow import in_match_flow


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    unifyx_vendor_product_code = fields.Char(
        string="Vendor Product Code",
        copy=False,
        help="The vendor's code of the product, read from its e-invoice.",
    )
    unifyx_order_reference = fields.Char(
        string="Order Reference",
        copy=False,
        help="The purchase order the vendor's e-invoice names on this line.",
    )
    unifyx_order_line_reference = fields.Char(
        string="Order Line Reference",
        copy=False,
        help="The line of the purchase order the vendor's e-invoice names.",
    )

    def _unifyx_held_moves(self):
        return self.move_id._unifyx_held()

    @api.model_create_multi
    def create(self, vals_list):
        if not in_match_flow():
            moves = self.env["account.move"].browse(
                {vals["move_id"] for vals in vals_list if vals.get("move_id")}
            )
            moves._unifyx_held()._unifyx_refuse_held(self.env._("changed"))
        return super().create(vals_list)

    def write(self, vals):
        # Reconciliation marks and the like are not the bill's figures; payment of
        # a held bill is refused in reconcile() and the payment models.
        if not in_match_flow() and vals.keys() - {"matching_number", "full_reconcile_id"}:
            self._unifyx_held_moves()._unifyx_refuse_held(self.env._("changed"))
        return super().write(vals)

    def unlink(self):
        if not in_match_flow():
            self._unifyx_held_moves()._unifyx_refuse_held(self.env._("changed"))
        return super().unlink()

    def reconcile(self):
        self._unifyx_held_moves()._unifyx_refuse_held(self.env._("paid"))
        return super().reconcile()
