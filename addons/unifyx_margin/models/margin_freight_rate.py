# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from ..tools.margin import freight_amount


class UnifyxMarginFreightRate(models.Model):
    """Outbound logistics cost charged against a sale line's margin.

    The most specific rate wins: the more of category / warehouse / delivery
    method it names, the more specific; among categories, the deepest."""

    _name = "unifyx.margin.freight.rate"
    _description = "Outbound Freight Rate"
    _order = "sequence, id"

    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Applies to this category and its sub-categories. Empty: every category.",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse", check_company=True, help="Empty: every warehouse."
    )
    carrier_id = fields.Many2one(
        "delivery.carrier",
        string="Delivery Method",
        check_company=True,
        help="Empty: every delivery method, and orders without one.",
    )
    rate_type = fields.Selection(
        [("percent", "% of revenue"), ("per_unit", "Amount per unit")],
        required=True,
        default="percent",
    )
    rate = fields.Float(
        required=True,
        digits="Product Price",
        help="Percentage of the line's revenue, or amount per unit of the product's "
        "unit of measure in the company currency.",
    )

    @api.depends("categ_id", "warehouse_id", "carrier_id", "rate_type", "rate")
    def _compute_name(self):
        for rate in self:
            scope = " / ".join(
                filter(
                    None,
                    [
                        rate.categ_id.display_name,
                        rate.warehouse_id.name,
                        rate.carrier_id.name,
                    ],
                )
            ) or self.env._("All")
            if rate.rate_type == "percent":
                value = self.env._("%(rate)s %% of revenue", rate=rate.rate)
            else:
                value = self.env._("%(rate)s per unit", rate=rate.rate)
            rate.name = "%s: %s" % (scope, value)

    def _match(self, categ, warehouse, carrier):
        """The most specific of these rates matching a line, or an empty recordset."""
        best, best_key = self.browse(), None
        categ_chain = []
        while categ:
            categ_chain.append(categ.id)
            categ = categ.parent_id
        for rate in self:
            if rate.categ_id and rate.categ_id.id not in categ_chain:
                continue
            if rate.warehouse_id and rate.warehouse_id != warehouse:
                continue
            if rate.carrier_id and rate.carrier_id != carrier:
                continue
            depth = len(categ_chain) - categ_chain.index(rate.categ_id.id) if rate.categ_id else 0
            key = (
                bool(rate.categ_id) + bool(rate.warehouse_id) + bool(rate.carrier_id),
                depth,
                -rate.sequence,
                rate.id,
            )
            if best_key is None or key > best_key:
                best, best_key = rate, key
        return best

    @api.model
    def _unifyx_matcher(self, lines):
        """A function (sale line) -> its freight rate (none for what does not
        ship), reading the rates of all the lines' companies in one query and
        matching each combination of company, category, warehouse and delivery
        method once."""
        rates = defaultdict(self.browse)
        for rate in self.sudo().search([("company_id", "in", lines.company_id.ids)]):
            rates[rate.company_id.id] |= rate
        matched = {}

        def match(line):
            # Services, combos (costed by their item lines) and notes ship nothing.
            if line.display_type or line.product_id.type in (False, "service", "combo"):
                return self.browse()
            categ, order = line.product_id.categ_id, line.order_id
            key = (line.company_id.id, categ.id, order.warehouse_id.id, order.carrier_id.id)
            if key not in matched:
                matched[key] = rates[key[0]]._match(categ, order.warehouse_id, order.carrier_id)
            return matched[key]

        return match

    def _unifyx_freight(self, line, revenue, qty):
        """Freight of ``qty`` (in the line's UoM) of a sale line for ``revenue``
        (company currency) at this rate; zero without a rate."""
        if not self:
            return 0.0
        currency = line.company_id.currency_id
        product_qty = (
            line.product_uom._compute_quantity(qty, line.product_id.uom_id, raise_if_failure=False)
            if self.rate_type == "per_unit"
            else 0.0
        )
        return currency.round(freight_amount(self.rate_type, self.rate, revenue, product_qty))
