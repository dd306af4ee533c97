# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

# Writes that record what is moved (the operator's work on an operation).
_WORK_FIELDS = {
    "quantity",
    "picked",
    "location_id",
    "location_dest_id",
    "lot_id",
    "lot_name",
    "package_id",
    "result_package_id",
    "product_id",
}


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _unifyx_check_operator(self):
        """The user works only operations of the warehouses (and operation types)
        allowed to them; lines without operation type are bound by their
        internal location's warehouse."""
        if self.env.su or not self:
            return
        user = self.env.user
        lines = self.sudo()
        lines.picking_type_id.with_env(self.env)._unifyx_check_user_allowed(user)
        for line in lines.filtered(lambda ml: not ml.picking_type_id):
            for location in (line.location_id, line.location_dest_id):
                warehouse = location.warehouse_id
                if not user._unifyx_allows_warehouse(warehouse):
                    raise AccessError(
                        self.env._(
                            "You may not move stock in the warehouse %(warehouse)s: your "
                            "allowed warehouses are %(allowed)s.",
                            warehouse=warehouse.name,
                            allowed=", ".join(user.sudo().unifyx_warehouse_ids.mapped("name")),
                        )
                    )

    def _unifyx_check_count_lock(self):
        """No stock moves in or out of a location while it is being counted,
        but the count's own adjustment."""
        lines = self.sudo().filtered(lambda ml: not ml.move_id.is_inventory)
        locations = lines.location_id | lines.location_dest_id
        locked = self.env["stock.quant"]._unifyx_counting_locations(
            locations.filtered(lambda loc: loc.usage in ("internal", "transit"))
        )
        if locked:
            raise UserError(
                self.env._(
                    "The location %(locations)s is being counted: no stock moves in or "
                    "out of it until the count is applied or cancelled.",
                    locations=", ".join(locked.mapped("complete_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._unifyx_check_operator()
        return lines

    def write(self, vals):
        if _WORK_FIELDS & set(vals):
            self._unifyx_check_operator()
        res = super().write(vals)
        if {"location_id", "location_dest_id"} & set(vals):
            self._unifyx_check_operator()
        return res

    def _action_done(self):
        self._unifyx_check_operator()
        self._unifyx_check_count_lock()
        return super()._action_done()
