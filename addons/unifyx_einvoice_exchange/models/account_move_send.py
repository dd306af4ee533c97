# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _hook_if_success(self, moves_data):
        # Every customer invoice sent (by hand, by Odoo's cron, by the invoicing
        # job) is deposited on the company's platform, once its PDF exists.
        res = super()._hook_if_success(moves_data)
        moves = (
            self.env["account.move"]
            .union(*moves_data)
            .filtered(
                lambda move: (
                    move.is_sale_document()
                    and move.state == "posted"
                    and move.company_id.unifyx_einvoice_platform
                )
            )
        )
        moves._unifyx_einvoice_delay_deposit()
        return res
