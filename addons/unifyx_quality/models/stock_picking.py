# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        # Said before the backorder or immediate-transfer wizards open; the
        # moves' _action_done checks again on every other path.
        self.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel")
        )._unifyx_check_quality_gate()
        return super().button_validate()
