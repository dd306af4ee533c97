# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class StockValuationLayer(models.Model):
    _inherit = "stock.valuation.layer"

    def init(self):
        # The KPIs read a company's valuation layers by date (cost of goods
        # sold, stock value at a date, average costs): without this index every
        # layer and every move is read. A covering index on two columns, which
        # a field's index=True cannot declare.
        super().init()
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS unifyx_kpi_valuation_layer_date_index
                    ON stock_valuation_layer (company_id, create_date)
                    INCLUDE (product_id, stock_move_id, value, quantity)
                """
            )
        )
