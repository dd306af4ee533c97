# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.margin import BREAKDOWN, breakdown_table, margin_percent

COST_GROUPS = "product_cost_security.group_product_cost"

# Fields whose change before delivery re-checks the floor of a blocked line.
FLOOR_TRIGGERS = {"price_unit", "discount", "product_uom_qty", "product_id", "product_uom"}


def _amount(string, compute, cost=True, **kwargs):
    """A stored amount of the line in the company currency; a cost or a margin
    (``cost``) is for the costs group only."""
    if cost:
        kwargs["groups"] = COST_GROUPS
    return fields.Monetary(
        string=string, compute=compute, store=True, currency_field="company_currency_id", **kwargs
    )


class SaleOrderLine(models.Model):
    """Stage-by-stage margin of a sale line, in the company currency.

    Odoo's ``purchase_price`` / ``margin`` / ``margin_percent`` (sale_margin,
    sale_stock_margin) stay as they are and remain the order currency view;
    these fields add what they miss: the quote-time cost frozen at confirmation,
    the real delivered cost from valuation layers net of returns, landed costs
    booked after delivery, outbound freight and credit notes. The models owning
    the data compute them: valuation layers, landed costs, vendor bill lines,
    floors and freight rates."""

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
    unifyx_expected_cost = _amount("Expected Cost", "_compute_unifyx_expected_margin")
    unifyx_expected_freight = _amount("Expected Freight", "_compute_unifyx_expected_margin")
    unifyx_expected_revenue = _amount(
        "Expected Revenue",
        "_compute_unifyx_expected_margin",
        cost=False,
        help="Untaxed amount net of discounts, in the company currency.",
    )
    unifyx_expected_margin = _amount("Expected Margin", "_compute_unifyx_expected_margin")
    # A margin % with the price gives the cost: costs group too.
    unifyx_expected_margin_percent = fields.Float(
        string="Expected Margin (%)",
        compute="_compute_unifyx_expected_margin",
        store=True,
        aggregator="avg",
        groups=COST_GROUPS,
    )
    # Stage 2: delivered and invoiced
    unifyx_delivered_cost = _amount(
        "Delivered Cost",
        "_compute_unifyx_real_margin",
        help="Value of the valuation layers of the line's deliveries.",
    )
    unifyx_returned_cost = _amount(
        "Returned Cost",
        "_compute_unifyx_real_margin",
        help="Value brought back into stock by customer returns.",
    )
    unifyx_landed_cost = _amount(
        "Landed Costs after Delivery",
        "_compute_unifyx_real_margin",
        help="Share of landed costs validated on a receipt after its goods were "
        "delivered (landed costs validated before are already in the delivered cost).",
    )
    unifyx_price_diff_cost = _amount(
        "Vendor Price Differences after Delivery",
        "_compute_unifyx_real_margin",
        help="Share of the difference between vendor bill and purchase price of the "
        "receipts the goods came from, billed after the goods were delivered.",
    )
    unifyx_freight_cost = _amount(
        "Freight",
        "_compute_unifyx_real_margin",
        help="Outbound logistics cost from the freight rates.",
    )
    unifyx_real_cost = _amount("Real Cost", "_compute_unifyx_real_margin")
    unifyx_credited_amount = _amount("Credit Notes", "_compute_unifyx_real_margin", cost=False)
    unifyx_real_revenue = _amount(
        "Real Revenue",
        "_compute_unifyx_real_margin",
        cost=False,
        help="Invoiced net of credit notes, plus what is delivered and not yet invoiced "
        "(at the order price), minus what is invoiced and not delivered.",
    )
    unifyx_real_margin = _amount("Real Margin", "_compute_unifyx_real_margin")
    unifyx_real_margin_percent = fields.Float(
        string="Real Margin (%)",
        compute="_compute_unifyx_real_margin",
        store=True,
        aggregator="avg",
        groups=COST_GROUPS,
    )
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
        # The quote-time cost does not move after confirmation: lines of
        # confirmed orders already costed keep their value (a value, zero
        # included, not a missing one).
        costed = self.filtered(lambda line: line.id and line.order_id.state == "sale")
        if costed:
            name = "unifyx_expected_unit_cost"
            costed = costed.sudo().search(
                [("id", "in", costed.ids), "|", (name, ">=", 0.0), (name, "<", 0.0)]
            )
        costs = (self - costed.with_env(self.env))._unifyx_current_unit_costs()
        for line in self - costed.with_env(self.env):
            line.unifyx_expected_unit_cost = costs[line]

    def _unifyx_current_unit_costs(self):
        """{line: cost now of one unit of the line's UoM, company currency}."""
        return self.env["stock.valuation.layer"]._unifyx_unit_costs_now(self)

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
            revenue = line._unifyx_to_company_currency(line.price_subtotal)
            cost = line.unifyx_expected_unit_cost * line.product_uom_qty
            freight = line._unifyx_freight(rates, revenue, line.product_uom_qty)
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
        """Assign only the values that differ from the line's current ones.
        Confirming moves the order date, hence the currency rate, and recomputes
        every line although nothing changes; assigning a Monetary looks up the
        record's currency and marks the line to write, most of the cost of such a
        recompute. (A compute may read the value it replaces: the ORM gives the
        stored one.)"""
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

    def _unifyx_to_company_currency(self, amount):
        # currency_rate is the rate of the order currency against the company's
        # at the order date (sale.order), so converting back is a division.
        rate = self.order_id.currency_rate or 1.0
        return self.company_currency_id.round(amount / rate) if self.company_currency_id else amount

    def _unifyx_freight(self, rates, revenue, qty):
        """Freight of ``qty`` (line UoM) for ``revenue`` (company currency);
        ``rates`` from unifyx.margin.freight.rate._unifyx_matcher()."""
        if self.display_type or self.product_id.type in (False, "service", "combo"):
            return 0.0
        return rates(self)._unifyx_freight(self, revenue, qty)

    # ------------------------------------------------------------------ floors

    @api.depends(
        "unifyx_expected_margin",
        "unifyx_expected_revenue",
        "order_id.partner_id",
        "product_id",
        "company_id",
    )
    def _compute_unifyx_floor(self):
        for line, values in self._unifyx_floor_values().items():
            line._unifyx_set_changed(values)

    @api.depends("unifyx_below_floor", "unifyx_floor_id")
    def _compute_unifyx_floor_warning(self):
        labels = self.env["unifyx.margin.floor"]._unifyx_labels()
        for line in self:
            floor = line.unifyx_floor_id.sudo()
            below = line.unifyx_below_floor and floor
            line.unifyx_floor_warning = floor._unifyx_below_warning(labels) if below else False

    def _unifyx_floor_text(self):
        """The floor warning as the current user may read it: with the line's
        margin for those who see costs, without it for the others."""
        self.ensure_one()
        if self.env.su or self.env.user.has_group(COST_GROUPS):
            return self.sudo().unifyx_floor_message
        return self.unifyx_floor_warning

    def _unifyx_floor_values(self):
        """{line: values of the floor fields}, from the floors matching the lines."""
        return self.env["unifyx.margin.floor"]._unifyx_line_values(self)

    def _unifyx_check_blocked(self):
        """Refuse lines below a blocking floor."""
        self.env["unifyx.margin.floor"]._unifyx_refuse_blocked(self)

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
        (self - active)._unifyx_set_real({})
        rates = self.env["unifyx.margin.freight.rate"]._unifyx_matcher(active)
        for line in active:
            stages = dict(costs.get(line) or {})
            if line not in costs and line.qty_delivered:
                # Services and non-stored goods have no layer: their cost is the quoted one.
                stages["delivered"] = line.unifyx_expected_unit_cost * line.qty_delivered
            invoiced = line.invoice_lines.filtered(
                lambda aml: aml.parent_state == "posted" and aml.display_type == "product"
            )
            refunds = invoiced.filtered(lambda aml: aml.move_id.move_type == "out_refund")
            unit_price = (
                line.price_reduce_taxexcl
                if line.product_uom_qty
                else line.price_unit * (1 - (line.discount or 0.0) / 100.0)
            )
            revenue = -sum(invoiced.mapped("balance")) + line._unifyx_to_company_currency(
                (line.qty_delivered - line.qty_invoiced) * unit_price
            )
            stages["freight"] = line._unifyx_freight(rates, revenue, line.qty_delivered)
            stages["credited"] = sum(refunds.mapped("balance"))
            stages["revenue"] = revenue
            line._unifyx_set_real(stages)

    def _unifyx_set_real(self, stages):
        cost = sum(
            sign * stages.get(key, 0.0)
            for key, sign in (
                ("delivered", 1),
                ("returned", -1),
                ("landed", 1),
                ("price_diff", 1),
                ("freight", 1),
            )
        )
        revenue = stages.get("revenue", 0.0)
        values = {
            "unifyx_delivered_cost": stages.get("delivered", 0.0),
            "unifyx_returned_cost": stages.get("returned", 0.0),
            "unifyx_landed_cost": stages.get("landed", 0.0),
            "unifyx_price_diff_cost": stages.get("price_diff", 0.0),
            "unifyx_freight_cost": stages.get("freight", 0.0),
            "unifyx_credited_amount": stages.get("credited", 0.0),
            "unifyx_real_revenue": revenue,
            "unifyx_real_cost": cost,
            "unifyx_real_margin": revenue - cost,
            "unifyx_real_margin_percent": margin_percent(revenue - cost, revenue),
        }
        if len(self) == 1:
            self._unifyx_set_changed(values)
        elif self:
            # Several lines: the same values, one assignment per field.
            self.update(values)

    def _unifyx_recompute_real_margin(self):
        """Recompute the real margins after a cost event the ORM cannot see
        (landed cost, vendor bill price difference), with what depends on them
        (the order totals)."""
        lines = self.exists()
        if not lines:
            return
        names = [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_unifyx_real_margin"
        ]
        for name in names:
            self.env.add_to_compute(self._fields[name], lines)
        lines.modified(names)
        self.env.flush_all()

    # ------------------------------------------------------------------ display

    def _compute_unifyx_margin_breakdown(self):
        labels = {
            "unifyx_expected_revenue": self.env._("Expected revenue"),
            "unifyx_expected_cost": self.env._("Expected cost"),
            "unifyx_expected_freight": self.env._("Expected freight"),
            "unifyx_expected_margin": self.env._("Expected margin"),
            "unifyx_delivered_cost": self.env._("Delivered cost (valuation layers)"),
            "unifyx_returned_cost": self.env._("Returned cost"),
            "unifyx_landed_cost": self.env._("Landed costs after delivery"),
            "unifyx_price_diff_cost": self.env._("Vendor price differences after delivery"),
            "unifyx_freight_cost": self.env._("Freight"),
            "unifyx_credited_amount": self.env._("Credit notes"),
            "unifyx_real_revenue": self.env._("Real revenue"),
            "unifyx_real_margin": self.env._("Real margin"),
        }
        for line in self:
            currency = line.company_currency_id
            line.unifyx_margin_breakdown = breakdown_table(
                [(labels[fname], sign * line[fname]) for fname, sign in BREAKDOWN],
                currency.symbol or "" if currency else None,
            )

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        triggered = FLOOR_TRIGGERS & set(vals)
        # An approved quotation whose margin gets worse needs approval again.
        # sudo: the seller who edits may not see margins; the comparison stays
        # on the server.
        before = {
            line.id: line.sudo().unifyx_expected_margin_percent
            for line in (self if triggered else self.browse())
            if line.order_id.review_ids and line.order_id.state in ("draft", "sent")
        }
        res = super().write(vals)
        if before:
            self.filtered(
                lambda line: (
                    line.id in before
                    and line.unifyx_below_floor
                    and line.sudo().unifyx_expected_margin_percent < before[line.id] - 1e-6
                )
            ).order_id.restart_validation()
        if triggered:
            # A blocking floor holds after confirmation too, until delivery.
            self.filtered(
                lambda line: line.order_id.state == "sale" and not line.qty_delivered
            )._unifyx_check_blocked()
        return res
