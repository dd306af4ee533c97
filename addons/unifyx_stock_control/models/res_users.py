# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    unifyx_warehouse_ids = fields.Many2many(
        "stock.warehouse",
        "unifyx_res_users_stock_warehouse_rel",
        "user_id",
        "warehouse_id",
        string="Allowed warehouses",
        help="The warehouses whose operations this user may carry out. Empty: all "
        "the warehouses of the user's companies.",
    )

    def _unifyx_allows_warehouse(self, warehouse):
        """True when this user may work operations of ``warehouse`` (none: a type
        without warehouse, as Odoo's inter-company or dropship types)."""
        self.ensure_one()
        allowed = self.sudo().unifyx_warehouse_ids
        return not warehouse or not allowed or warehouse in allowed
