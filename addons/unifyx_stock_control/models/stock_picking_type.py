# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    unifyx_group_ids = fields.Many2many(
        "res.groups",
        "unifyx_picking_type_res_groups_rel",
        "picking_type_id",
        "group_id",
        string="Roles allowed",
        help="The roles whose members may carry out operations of this type "
        "(validate them, record what was moved). Empty: every inventory user.",
    )

    def _unifyx_check_user_allowed(self, user=None):
        """Refuse, saying why, when ``user`` may not work operations of these
        types: a warehouse outside the user's allowed warehouses, or a role the
        type does not allow. The superuser (Odoo's own jobs) is not bound."""
        if self.env.su:
            return
        user = user or self.env.user
        for ptype in self.sudo():
            if not user._unifyx_allows_warehouse(ptype.warehouse_id):
                raise AccessError(
                    self.env._(
                        "You may not carry out operations of the warehouse %(warehouse)s "
                        "(operation type %(type)s): your allowed warehouses are "
                        "%(allowed)s.",
                        warehouse=ptype.warehouse_id.name,
                        type=ptype.name,
                        allowed=", ".join(user.sudo().unifyx_warehouse_ids.mapped("name")),
                    )
                )
            if ptype.unifyx_group_ids and not (ptype.unifyx_group_ids & user.groups_id):
                raise AccessError(
                    self.env._(
                        "The operation type %(type)s is reserved to the roles %(roles)s.",
                        type=ptype.display_name,
                        roles=", ".join(ptype.unifyx_group_ids.mapped("name")),
                    )
                )
