# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.margin import BREAKDOWN, breakdown_table, margin_percent, real_margin_values

COST_GROUPS = "product_cost_security.group_product_cost"

# Fields whose change before delivery re-checks the floor of a blocked line.
FLOOR_TRIGGERS = {"price_unit", "discount", "product_uom_qty", "product_id", "product_uom"}


def _amount(string, stage, cost=True, **kwargs):
    """A stored amount of the line at ``stage`` ("expected", "real") in the
    company currency; a cost or a margin (``cost``) is for the costs group only."""
    kwargs.update(compute="_compute_unifyx_%s_margin" % stage, store=True)
    if cost:
        kwargs["groups"] = COST_GROUPS
    return fields.Monetary(string, currency_field="company_currency_id", **kwargs)


def _percent(string, stage):
    """A stored margin %: with the price it gives the cost, so costs group only."""
    compute = "_compute_unifyx_%s_margin" % stage
    return fields.Float(string, compute=compute, store=True, aggregator="avg", groups=COST_GROUPS)


class SaleOrderLine(models.Model):
    """Stage-by-stage margin of a sale line, in the company currency, next to
    sale_margin's (the order currency view): the quote-time cost frozen at
    confirmation, the real delivered cost net of returns, late landed costs and
    vendor price differences, outbound freight and credit notes. The models
    owning the data compute them: valuation layers, landed costs, vendor bill
    lines, floors and freight rates; the line puts them together."""

    _inherit = "sale.order.line"

    # Odoo's cost and margin amount reveal supplier prices: costs group only.
    purchase_price = fields.Float(groups=COST_GROUPS)
    margin = fields.Float(groups=COST_GROUPS)
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )

    # Stage 1: quote
    unifyx_expected_unit_cost = fields.Float(
        string="Expected Unit Cost",
        compute="_compute_unifyx_expected_unit_cost",
        store=True,
        digits="Product Price",
        groups=COST_GROUPS,
        help="Cost of one unit (of the line's unit of measure, in the company currency) "
        "when quoted: average cost (AVCO), cost of the stock layers a delivery would "
        "consume now (FIFO) or standard price. Frozen at confirmation.",
    )
    unifyx_expected_cost = _amount("Expected Cost", "expected")
    unifyx_expected_freight = _amount("Expected Freight", "expected")
    unifyx_expected_revenue = _amount(
        "Expected Revenue",
        "expected",
        cost=False,
        help="Untaxed amount net of discounts, in the company currency.",
    )
    unifyx_expected_margin = _amount("Expected Margin", "expected")
    unifyx_expected_margin_percent = _percent("Expected Margin (%)", "expected")
    # Stage 2: delivered and invoiced
    unifyx_delivered_cost = _amount(
        "Delivered Cost", "real", help="Value of the valuation layers of the line's deliveries."
    )
    unifyx_returned_cost = _amount(
        "Returned Cost", "real", help="Value brought back into stock by customer returns."
    )
    unifyx_landed_cost = _amount(
        "Landed Costs after Delivery",
        "real",
        help="Share of landed costs validated on a receipt after its goods were "
        "delivered (landed costs validated before are already in the delivered cost).",
    )
    unifyx_price_diff_cost = _amount(
        "Vendor Price Differences after Delivery",
        "real",
        help="Share of the difference between vendor bill and purchase price of the "
        "receipts the goods came from, billed after the goods were delivered.",
    )
    unifyx_freight_cost = _amount(
        "Freight", "real", help="Outbound logistics cost from the freight rates."
    )
    unifyx_real_cost = _amount("Real Cost", "real")
    unifyx_credited_amount = _amount("Credit Notes", "real", cost=False)
    unifyx_real_revenue = _amount(
        "Real Revenue",
        "real",
        cost=False,
        help="Invoiced net of credit notes, plus what is delivered and not yet invoiced "
        "(at the order price), minus what is invoiced and not delivered.",
    )
    unifyx_real_margin = _amount("Real Margin", "real")
    unifyx_real_margin_percent = _percent("Real Margin (%)", "real")
    unifyx_margin_breakdown = fields.Html(
        string="Margin Breakdown",
        compute="_compute_unifyx_margin_breakdown",
        sanitize=False,
        groups=COST_GROUPS,
    )

    # Floors
    unifyx_floor_id = fields.Many2one(
        "unifyx.margin.floor",
        string="Margin Floor",
        compute="_compute_unifyx_floor",
        store=True,
        index="btree_not_null",
    )
    unifyx_floor_policy = fields.Selection(related="unifyx_floor_id.policy", string="Floor Policy")
    unifyx_below_floor = fields.Boolean(
        string="Below Margin Floor", compute="_compute_unifyx_floor", store=True
    )
    unifyx_below_cost = fields.Boolean(
        string="Below Cost", compute="_compute_unifyx_floor", store=True
    )
    unifyx_floor_message = fields.Char(
        string="Margin Floor Message",
        compute="_compute_unifyx_floor",
        store=True,
        groups=COST_GROUPS,
        help="The line's margin against its floor.",
    )
    unifyx_floor_warning = fields.Char(
        string="Margin Floor Warning",
        compute="_compute_unifyx_floor_warning",
        help="The floor the line is below, without its margin: whoever may not see "
        "costs sees this.",
    )

    # ------------------------------------------------------------------ quote

    @api.depends("product_id", "product_uom", "product_uom_qty", "company_id")
    def _compute_unifyx_expected_unit_cost(self):
        # Frozen at confirmation: confirmed lines already costed keep their
        # value (a value, zero included, not a missing one).
        costed = self.filtered(lambda line: line.id and line.order_id.state == "sale")
        if costed:
            name = "unifyx_expected_unit_cost"
            costed = costed.sudo().search(
                [("id", "in", costed.ids), "|", (name, ">=", 0.0), (name, "<", 0.0)]
            )
        to_cost = self - costed.with_env(self.env)
        costs = self.env["stock.valuation.layer"]._unifyx_unit_costs_now(to_cost)
        for line in to_cost:
            line.unifyx_expected_unit_cost = costs[line]

    @api.depends(
        "unifyx_expected_unit_cost",
        "product_uom_qty",
        "price_subtotal",
        "order_id.currency_rate",
        "order_id.warehouse_id",
        "order_id.carrier_id",
    )
    def _compute_unifyx_expected_margin(self):
        rates = self.env["unifyx.margin.freight.rate"]._unifyx_matcher(self)
        for line in self:
            revenue = line.order_id._unifyx_to_company_currency(line.price_subtotal)
            cost = line.unifyx_expected_unit_cost * line.product_uom_qty
            freight = rates(line)._unifyx_freight(line, revenue, line.product_uom_qty)
            margin = revenue - cost - freight
            line._unifyx_set_changed(
                {
                    "unifyx_expected_revenue": revenue,
                    "unifyx_expected_cost": cost,
                    "unifyx_expected_freight": freight,
                    "unifyx_expected_margin": margin,
                    "unifyx_expected_margin_percent": margin_percent(margin, revenue),
                }
            )

    def _unifyx_set_changed(self, values):
        """Assign only the values that differ from the line's current ones (a
        compute reads the stored one): confirming moves the currency rate and
        recomputes every line although nothing changes, and assigning a Monetary
        looks up the currency and marks the line to write."""
        self.ensure_one()
        if not self.id:
            self.update(values)
            return
        currency = self.company_currency_id
        for fname, value in values.items():
            new = value
            if self._fields[fname].type == "monetary" and currency:
                new = currency.round(value)
            if self[fname] != new:
                self[fname] = value

    # ------------------------------------------------------------------ floors

    @api.depends(
        "unifyx_expected_margin",
        "unifyx_expected_revenue",
        "order_id.partner_id",
        "product_id",
        "company_id",
    )
    def _compute_unifyx_floor(self):
        for line, values in self.env["unifyx.margin.floor"]._unifyx_line_values(self).items():
            line._unifyx_set_changed(values)

    @api.depends("unifyx_below_floor", "unifyx_floor_id")
    def _compute_unifyx_floor_warning(self):
        for line, warning in self.env["unifyx.margin.floor"]._unifyx_line_warnings(self).items():
            line.unifyx_floor_warning = warning

    # ------------------------------------------------------------------ real

    @api.depends(
        "move_ids.state",
        "move_ids.stock_valuation_layer_ids",
        "qty_delivered",
        "qty_invoiced",
        "invoice_lines.parent_state",
        "invoice_lines.balance",
        "price_subtotal",
        "order_id.currency_rate",
        "order_id.warehouse_id",
        "order_id.carrier_id",
    )
    def _compute_unifyx_real_margin(self):
        # Lines with nothing delivered nor invoiced (every line of a quotation or
        # of a just confirmed order) have a zero real margin: set in one go.
        active = self.filtered(
            lambda line: (
                not line.display_type
                and line.product_id
                and (line.qty_delivered or line.invoice_lines or line.move_ids)
            )
        )
        costs = self.env["stock.valuation.layer"]._unifyx_sale_line_costs(active)
        active = active.filtered(
            lambda line: line in costs or line.qty_delivered or line.invoice_lines
        )
        (self - active).update(real_margin_values({}))
        rates = self.env["unifyx.margin.freight.rate"]._unifyx_matcher(active)
        for line in active:
            stages = dict(costs.get(line) or {})
            if line not in costs and line.qty_delivered:
                # Services and non-stored goods have no layer: their cost is the quoted one.
                stages["delivered"] = line.unifyx_expected_unit_cost * line.qty_delivered
            invoiced, stages["credited"] = line.invoice_lines._unifyx_invoiced_amounts()
            unit_price = (
                line.price_reduce_taxexcl
                if line.product_uom_qty
                else line.price_unit * (1 - (line.discount or 0.0) / 100.0)
            )
            revenue = invoiced + line.order_id._unifyx_to_company_currency(
                (line.qty_delivered - line.qty_invoiced) * unit_price
            )
            stages["freight"] = rates(line)._unifyx_freight(line, revenue, line.qty_delivered)
            stages["revenue"] = revenue
            line._unifyx_set_changed(real_margin_values(stages))

    def _unifyx_recompute_real_margin(self):
        """Recompute the real margins after a cost event the ORM cannot see
        (landed cost, vendor bill price difference), with what depends on them
        (the order totals). One computation for all the lines: the ORM's
        recompute would run it 1,000 lines at a time, reading the cost
        adjustments of the lines' products again for each slice."""
        lines = self.exists().sudo()
        if not lines:
            return
        fields = [f for f in self._fields.values() if f.compute == "_compute_unifyx_real_margin"]
        for field in fields:
            self.env.remove_to_compute(field, lines)
        # Protected, the lines take their values as a compute gives them (no
        # write, no recompute); the order totals are then told of the change.
        with self.env.protecting(fields, lines):
            lines._compute_unifyx_real_margin()
        lines.modified([field.name for field in fields])
        self.env.flush_all()

    # ------------------------------------------------------------------ display

    def _compute_unifyx_margin_breakdown(self):
        for line in self:
            currency = line.company_currency_id
            line.unifyx_margin_breakdown = breakdown_table(
                [(self.env._(label), sign * line[fname]) for fname, sign, label in BREAKDOWN],
                currency.symbol or "" if currency else None,
            )

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        if not FLOOR_TRIGGERS & set(vals):
            return super().write(vals)
        Order = self.env["sale.order"]
        before = Order._unifyx_margins_under_review(self)
        res = super().write(vals)
        Order._unifyx_review_again_if_worse(self, before)
        # A blocking floor holds after confirmation too, until delivery.
        self.env["unifyx.margin.floor"]._unifyx_refuse_blocked(
            self.filtered(lambda line: line.order_id.state == "sale" and not line.qty_delivered)
        )
        return res
