# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.unifyx_base.models.product_product import COST_GROUP

from .stock_quant import _COUNT_APPLYING, is_stock_manager


def _adjusts_inventory(source, destination):
    """A move out of the inventory-adjustment location (usage 'inventory') makes
    stock appear, one into it makes stock vanish: what counts do. Scrapping is
    the one move into such a location a warehouse makes by itself."""
    return source.usage == "inventory" or (
        destination.usage == "inventory" and not destination.scrap_location
    )


def check_inventory_adjustment(env, pairs):
    """Refuse moves between stock and the inventory-adjustment location, but
    for the counts being applied (after their approval check) and stock
    managers."""
    if _COUNT_APPLYING.get() or is_stock_manager(env):
        return
    if any(_adjusts_inventory(source, destination) for source, destination in pairs):
        raise AccessError(
            env._(
                "Stock is adjusted by counting it (and approving the count when the "
                "approval matrix asks for it), not by a move to or from the "
                "inventory-adjustment location."
            )
        )


class StockMove(models.Model):
    _inherit = "stock.move"

    # The unit price of a receipt is its purchase cost: read, searched, grouped
    # and exported by those who see costs only.
    price_unit = fields.Float(groups=COST_GROUP)

    def _fetch_field(self, field):
        # The stock code of every role (an operator validating a receipt) reads
        # it on the server; only the client paths above are refused.
        if field.name == "price_unit" and not self.env.su:
            return super(StockMove, self.sudo())._fetch_field(field)
        return super()._fetch_field(field)

    unifyx_unapproved_count = fields.Boolean(
        string="Count Applied Without Approval",
        readonly=True,
        copy=False,
        help="Counted differences applied at once, under the approval matrix's "
        "threshold: they add up over the company's count window.",
    )

    def _action_done(self, cancel_backorder=False):
        check_inventory_adjustment(
            self.env,
            [(line.location_id, line.location_dest_id) for line in self.move_line_ids]
            + [(move.location_id, move.location_dest_id) for move in self],
        )
        return super()._action_done(cancel_backorder=cancel_backorder)

    def write(self, vals):
        if "unifyx_unapproved_count" in vals and not self.env.su:
            raise AccessError(self.env._("Counts are recorded by the server."))
        return super().write(vals)
