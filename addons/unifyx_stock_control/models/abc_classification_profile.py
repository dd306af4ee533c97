# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.product_abc_classification_sale_stock.models.abc_classification_profile import (
    SaleStockData,
)


class CompanyValueData(SaleStockData):
    """OCA's collected data, writing a company-wide profile's empty warehouse
    as NULL in the history (OCA's bulk COPY would write "False")."""

    __slots__ = ()

    def _to_csv_line(self):
        return ["\\N" if value is False else value for value in super()._to_csv_line()]


class AbcClassificationProfile(models.Model):
    """OCA's sale/stock profile ranks products by the count of delivered sale
    lines; the distributor ranks them by value. The engine (cumulative
    percentages, levels, history, monthly cron) is OCA's: only the figure each
    product is ranked by changes, and a value profile may cover the whole
    company (no warehouse) or one warehouse where the classes differ."""

    _inherit = "abc.classification.profile"

    unifyx_value_basis = fields.Selection(
        [
            ("lines", "Delivered sale lines (OCA)"),
            ("cogs", "Cost of goods sold"),
            ("margin", "Margin"),
        ],
        string="Ranked by",
        default="lines",
        required=True,
        help="What ranks the products over the profile's period: OCA's count of "
        "delivered sale lines, the cost of goods delivered (valuation layers) or "
        "the margin of the deliveries (sale price less that cost). Values are in "
        "the company currency, rounded to the unit in the history.",
    )
    unifyx_auto_products = fields.Boolean(
        string="All storable products",
        help="Before each computation, the company's storable products are added "
        "to the profile, so that a new product gets its class the next month.",
    )

    @api.constrains("profile_type", "warehouse_id")
    def _check_warehouse_id(self):
        # A value profile without warehouse classifies the whole company.
        return super(
            AbcClassificationProfile,
            self.filtered(lambda p: p.unifyx_value_basis == "lines" or not p.company_id),
        )._check_warehouse_id()

    @api.model
    def _get_collected_data_class(self):
        return CompanyValueData

    def _get_sale_stock_data_query(self, from_date, customer_location_ids):
        if self.unifyx_value_basis == "lines":
            return super()._get_sale_stock_data_query(from_date, customer_location_ids)
        # Cost of goods sold: the valuation of moves to customers less their
        # returns; the margin: the delivered quantity at the sale line's price
        # (less the returned) minus that cost. One constant query for both.
        query = """
            SELECT sm.product_id,
                   GREATEST(ROUND(CASE
                       WHEN %(basis)s = 'cogs' THEN SUM(-mv.value)
                       ELSE SUM(CASE WHEN dest.usage = 'customer' THEN 1 ELSE -1 END
                                * sm.quantity * COALESCE(sol.price_reduce_taxexcl, 0))
                            - SUM(-mv.value)
                   END), 0) AS value
              FROM (SELECT stock_move_id, SUM(value) AS value
                      FROM stock_valuation_layer
                     WHERE company_id = %(company_id)s AND stock_move_id IS NOT NULL
                  GROUP BY stock_move_id) mv
              JOIN stock_move sm ON sm.id = mv.stock_move_id
              JOIN stock_location src ON src.id = sm.location_id
              JOIN stock_location dest ON dest.id = sm.location_dest_id
              JOIN abc_classification_profile_product_rel rel
                ON rel.product_id = sm.product_id AND rel.profile_id = %(profile_id)s
              JOIN product_product pp ON pp.id = sm.product_id
         LEFT JOIN sale_order_line sol ON sol.id = sm.sale_line_id
             WHERE pp.active
               AND sm.state = 'done'
               AND sm.date > %(start_date)s
               AND ((dest.usage = 'customer' AND src.usage = 'internal'
                     AND (%(warehouse_id)s IS NULL OR src.warehouse_id = %(warehouse_id)s))
                 OR (src.usage = 'customer' AND dest.usage = 'internal'
                     AND (%(warehouse_id)s IS NULL OR dest.warehouse_id = %(warehouse_id)s)))
          GROUP BY sm.product_id
          ORDER BY value DESC, sm.product_id
        """
        params = {
            "basis": self.unifyx_value_basis,
            "profile_id": self.id,
            "start_date": from_date,
            "company_id": self.company_id.id,
            "warehouse_id": self.warehouse_id.id or None,
        }
        return query, params

    def _unifyx_add_company_products(self):
        """Link the company's active storable products to the profiles that take them all."""
        for profile in self.filtered("unifyx_auto_products"):
            products = self.env["product.product"].search(
                [
                    ("is_storable", "=", True),
                    ("company_id", "in", [False, profile.company_id.id]),
                    ("id", "not in", profile.product_variant_ids.ids),
                ]
            )
            if products:
                profile.product_variant_ids = [(4, p) for p in products.ids]

    def _compute_abc_classification(self):
        self._unifyx_add_company_products()
        # OCA's engine reads with raw SQL: what the ORM holds goes to the database first.
        self.env.flush_all()
        res = super()._compute_abc_classification()
        # The new classes move the products' next counts.
        self.env["stock.quant"]._unifyx_schedule_class_counts(
            self.product_variant_ids, self.company_id
        )
        return res
