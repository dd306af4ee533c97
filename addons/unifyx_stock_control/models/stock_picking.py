# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        # Said at once, before Odoo's wizards (backorder, immediate transfer).
        self.picking_type_id._unifyx_check_user_allowed()
        self.move_line_ids._unifyx_check_count_lock()
        return super().button_validate()
