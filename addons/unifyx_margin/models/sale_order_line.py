# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_is_zero

from ..tools.margin import (
    allocate_proportionally,
    below_floor,
    fifo_unit_cost,
    freight_amount,
    margin_percent,
)

COST_GROUPS = "product_cost_security.group_product_cost"

# Fields whose change before delivery re-checks the floor of a blocked line.
FLOOR_TRIGGERS = {"price_unit", "discount", "product_uom_qty", "product_id", "product_uom"}


class SaleOrderLine(models.Model):
    """Stage-by-stage margin of a sale line, in the company currency.

    Odoo's ``purchase_price`` / ``margin`` / ``margin_percent`` (sale_margin,
    sale_stock_margin) stay as they are and remain the order currency view;
    these fields add what they miss: the quote-time cost frozen at confirmation,
    the real delivered cost from valuation layers net of returns, landed costs
    booked after delivery, outbound freight and credit notes."""

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
    unifyx_expected_cost = fields.Monetary(
        string="Expected Cost",
        compute="_compute_unifyx_expected_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    unifyx_expected_freight = fields.Monetary(
        string="Expected Freight",
        compute="_compute_unifyx_expected_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    unifyx_expected_revenue = fields.Monetary(
        string="Expected Revenue",
        compute="_compute_unifyx_expected_margin",
        store=True,
        currency_field="company_currency_id",
        help="Untaxed amount net of discounts, in the company currency.",
    )
    unifyx_expected_margin = fields.Monetary(
        string="Expected Margin",
        compute="_compute_unifyx_expected_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    # A margin % with the price gives the cost: costs group too.
    unifyx_expected_margin_percent = fields.Float(
        string="Expected Margin (%)",
        compute="_compute_unifyx_expected_margin",
        store=True,
        aggregator="avg",
        groups=COST_GROUPS,
    )
    # Stage 2: delivered and invoiced
    unifyx_delivered_cost = fields.Monetary(
        string="Delivered Cost",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
        help="Value of the valuation layers of the line's deliveries.",
    )
    unifyx_returned_cost = fields.Monetary(
        string="Returned Cost",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
        help="Value brought back into stock by customer returns.",
    )
    unifyx_landed_cost = fields.Monetary(
        string="Landed Costs after Delivery",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
        help="Share of landed costs validated on a receipt after its goods were "
        "delivered (landed costs validated before are already in the delivered cost).",
    )
    unifyx_price_diff_cost = fields.Monetary(
        string="Vendor Price Differences after Delivery",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
        help="Share of the difference between vendor bill and purchase price of the "
        "receipts the goods came from, billed after the goods were delivered.",
    )
    unifyx_freight_cost = fields.Monetary(
        string="Freight",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
        help="Outbound logistics cost from the freight rates.",
    )
    unifyx_real_cost = fields.Monetary(
        string="Real Cost",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
    unifyx_credited_amount = fields.Monetary(
        string="Credit Notes",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
    )
    unifyx_real_revenue = fields.Monetary(
        string="Real Revenue",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        help="Invoiced net of credit notes, plus what is delivered and not yet invoiced "
        "(at the order price), minus what is invoiced and not delivered.",
    )
    unifyx_real_margin = fields.Monetary(
        string="Real Margin",
        compute="_compute_unifyx_real_margin",
        store=True,
        currency_field="company_currency_id",
        groups=COST_GROUPS,
    )
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
        frozen = self._unifyx_frozen_expected_unit_costs()
        to_cost = self.filtered(lambda line: line.id not in frozen)
        costs = to_cost._unifyx_current_unit_costs()
        for line in self:
            line.unifyx_expected_unit_cost = frozen.get(line.id, costs.get(line, 0.0))

    def _unifyx_frozen_expected_unit_costs(self):
        """{line id: stored cost} for lines of confirmed orders already costed:
        the quote-time cost does not move after confirmation."""
        ids = tuple(line.id for line in self if line.id and line.order_id.state == "sale")
        if not ids:
            return {}
        self.env.cr.execute(
            SQL(
                "SELECT id, unifyx_expected_unit_cost FROM sale_order_line "
                "WHERE id IN %s AND unifyx_expected_unit_cost IS NOT NULL",
                ids,
            )
        )
        return dict(self.env.cr.fetchall())

    def _unifyx_current_unit_costs(self):
        """{line: cost now of one unit of the line's UoM, company currency}."""
        result = {}
        fifo_layers = self._unifyx_fifo_layers()
        for line in self:
            product = line.product_id.with_company(line.company_id)
            if not product or product.type == "combo":
                # A combo (kit) line is priced and costed by its item lines.
                result[line] = 0.0
                continue
            unit_cost = product.standard_price
            if product.cost_method == "fifo" and product.is_storable:
                qty = line.product_uom._compute_quantity(
                    line.product_uom_qty, product.uom_id, raise_if_failure=False
                )
                unit_cost = fifo_unit_cost(
                    fifo_layers.get((product.id, line.company_id.id), []), qty, unit_cost
                )
            result[line] = product.uom_id._compute_price(
                unit_cost, line.product_uom or product.uom_id
            )
        return result

    def _unifyx_fifo_layers(self):
        """{(product id, company id): [(remaining qty, remaining value)]} oldest first,
        read in one query for all FIFO products of the lines."""
        products = self.product_id.filtered("is_storable")
        if not products:
            return {}
        layers = defaultdict(list)
        for row in (
            self.env["stock.valuation.layer"]
            .sudo()
            .search_read(
                [
                    ("product_id", "in", products.ids),
                    ("company_id", "in", self.company_id.ids),
                    ("remaining_qty", ">", 0),
                ],
                ["product_id", "company_id", "remaining_qty", "remaining_value"],
                order="create_date, id",
            )
        ):
            key = (row["product_id"][0], row["company_id"][0])
            layers[key].append((row["remaining_qty"], row["remaining_value"]))
        return layers

    @api.depends(
        "unifyx_expected_unit_cost",
        "product_uom_qty",
        "price_subtotal",
        "order_id.currency_rate",
        "order_id.warehouse_id",
        "order_id.carrier_id",
    )
    def _compute_unifyx_expected_margin(self):
        rates = self._unifyx_freight_rates()
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
        """Assign only the values that differ from the cached ones. Confirming
        moves the order date, hence the currency rate, and recomputes every
        line although nothing changes; assigning a Monetary looks up the
        record's currency, most of the cost of such a recompute."""
        self.ensure_one()
        cache = self.env.cache
        currency = self.company_currency_id
        for fname, value in values.items():
            field = self._fields[fname]
            if cache.contains(self, field):
                if field.type == "monetary" and currency:
                    new = currency.round(value)
                else:
                    new = field.convert_to_cache(value, self)
                if cache.get(self, field) == new:
                    continue
            self[fname] = value

    def _unifyx_to_company_currency(self, amount):
        # currency_rate is the rate of the order currency against the company's
        # at the order date (sale.order), so converting back is a division.
        rate = self.order_id.currency_rate or 1.0
        return self.company_currency_id.round(amount / rate) if self.company_currency_id else amount

    def _unifyx_freight_rates(self):
        """A function (line) -> the freight rate of the line, reading the rates
        of all the lines' companies in one query and matching each combination
        of company, category, warehouse and delivery method once."""
        rates = defaultdict(lambda: self.env["unifyx.margin.freight.rate"])
        for rate in (
            self.env["unifyx.margin.freight.rate"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids)])
        ):
            rates[rate.company_id.id] |= rate
        matched = {}

        def match(line):
            categ, order = line.product_id.categ_id, line.order_id
            key = (line.company_id.id, categ.id, order.warehouse_id.id, order.carrier_id.id)
            if key not in matched:
                matched[key] = rates[key[0]]._match(categ, order.warehouse_id, order.carrier_id)
            return matched[key]

        return match

    def _unifyx_freight(self, rates, revenue, qty):
        """Freight of ``qty`` (line UoM) for ``revenue`` (company currency);
        ``rates`` as returned by _unifyx_freight_rates()."""
        if self.display_type or self.product_id.type in (False, "service", "combo"):
            return 0.0
        rate = rates(self)
        if not rate:
            return 0.0
        if rate.rate_type == "percent":
            return self.company_currency_id.round(
                freight_amount(rate.rate_type, rate.rate, revenue, 0.0)
            )
        product_qty = self.product_uom._compute_quantity(
            qty, self.product_id.uom_id, raise_if_failure=False
        )
        return self.company_currency_id.round(
            freight_amount(rate.rate_type, rate.rate, revenue, product_qty)
        )

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
        idle_ids, lines = [], []
        for line in self:
            done = line.move_ids.filtered(lambda m: m.state == "done")
            if (
                line.display_type
                or not line.product_id
                or not (done or line.qty_delivered or line.invoice_lines)
            ):
                idle_ids.append(line.id)
            else:
                lines.append((line, done))
        if idle_ids:
            self.browse(idle_ids)._unifyx_set_real({})
        if not lines:
            return
        # The stored values in one query, so that only what changed is assigned
        # (a landed cost changes a few fields of each line).
        self.browse([line.id for line, _done in lines if line.id]).fetch(
            [name for name, f in self._fields.items() if f.compute == "_compute_unifyx_real_margin"]
        )
        moves = self.env["stock.move"].concat(*(done for _line, done in lines))
        # One read of every layer of every move of the batch.
        move_values = defaultdict(float)
        out_layer_ids = []
        layers = (
            self.env["stock.valuation.layer"]
            .sudo()
            .search_read(
                [("stock_move_id", "in", moves.ids)], ["stock_move_id", "value", "quantity"]
            )
            if moves
            else []
        )
        # A set, not a recordset: each line's moves are matched against it.
        out_move_ids = set(moves.filtered(lambda m: m.location_dest_id.usage == "customer").ids)
        for row in layers:
            move_id = row["stock_move_id"][0]
            move_values[move_id] += row["value"]
            if move_id in out_move_ids and row["quantity"] < 0:
                out_layer_ids.append(row["id"])
        adjustments = self._unifyx_adjustments_after_delivery(out_layer_ids)
        landed = adjustments["landed"]
        rates = self._unifyx_freight_rates()
        for line, done in lines:
            outs = done.filtered(lambda m: m.id in out_move_ids)
            returns = done - outs
            delivered = -sum(move_values[m.id] for m in outs)
            returned = sum(move_values[m.id] for m in returns)
            if not done and line.qty_delivered:
                # Services and non-stored goods have no layer: their cost is the quoted one.
                delivered = line.unifyx_expected_unit_cost * line.qty_delivered
            # Returned units bring back their delivery's share of late landed costs.
            landed_cost = 0.0
            for out in outs:
                if not landed.get(out.id) or not out.product_qty:
                    continue
                back = sum(
                    returns.filtered(lambda r, o=out: r.origin_returned_move_id == o).mapped(
                        "product_qty"
                    )
                )
                landed_cost += landed[out.id] * max(1 - back / out.product_qty, 0.0)
            price_diff = sum(adjustments["price_diff"].get(m.id, 0.0) for m in outs)
            invoiced = line.invoice_lines.filtered(
                lambda aml: aml.parent_state == "posted" and aml.display_type == "product"
            )
            invoiced_net = -sum(invoiced.mapped("balance"))
            credited = sum(
                invoiced.filtered(lambda aml: aml.move_id.move_type == "out_refund").mapped(
                    "balance"
                )
            )
            unit_price = (
                line.price_reduce_taxexcl
                if line.product_uom_qty
                else line.price_unit * (1 - (line.discount or 0.0) / 100.0)
            )
            revenue = invoiced_net + line._unifyx_to_company_currency(
                (line.qty_delivered - line.qty_invoiced) * unit_price
            )
            freight = line._unifyx_freight(rates, revenue, line.qty_delivered)
            line._unifyx_set_real(
                {
                    "delivered": delivered,
                    "returned": returned,
                    "landed": line.company_currency_id.round(landed_cost),
                    "price_diff": line.company_currency_id.round(price_diff),
                    "freight": freight,
                    "credited": credited,
                    "revenue": revenue,
                }
            )

    def _unifyx_set_real(self, stages):
        cost = (
            stages.get("delivered", 0.0)
            - stages.get("returned", 0.0)
            + stages.get("landed", 0.0)
            + stages.get("price_diff", 0.0)
            + stages.get("freight", 0.0)
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
            return
        # Several lines: the same values, one assignment per field.
        for fname, value in values.items():
            self[fname] = value

    @api.model
    def _unifyx_adjustments_after_delivery(self, out_layer_ids):
        """{"landed" | "price_diff": {outgoing move id: amount}}: landed costs and
        vendor bill price differences booked on a receipt after part of its goods
        had been delivered.

        Odoo books the share of goods already out straight to the accounts, with
        no layer: each such adjustment is spread over the deliveries of the
        product made between the receipt and the adjustment, in proportion to
        their quantities (exact when one receipt fed them)."""
        result = {"landed": defaultdict(float), "price_diff": defaultdict(float)}
        if not out_layer_ids:
            return result
        Layer = self.env["stock.valuation.layer"].sudo()
        products = Layer.browse(out_layer_ids).product_id
        for adj in self._unifyx_landed_adjustments(products) + self._unifyx_price_adjustments(
            products
        ):
            if float_is_zero(adj["per_unit"], precision_digits=6) or float_is_zero(
                adj["out_amount"], precision_digits=6
            ):
                continue
            qty_out = adj["out_amount"] / adj["per_unit"]
            window = Layer.search(
                [
                    ("product_id", "=", adj["product_id"]),
                    ("company_id", "=", adj["company_id"]),
                    ("id", ">", adj["first_layer_id"]),
                    ("id", "<=", adj["last_layer_id"]),
                    ("quantity", "<", 0),
                    ("stock_move_id.location_dest_id.usage", "=", "customer"),
                ]
            )
            window_qty = -sum(window.mapped("quantity"))
            if not window_qty:
                continue
            share = allocate_proportionally(
                adj["per_unit"] * min(qty_out, window_qty),
                {layer.stock_move_id.id: -layer.quantity for layer in window},
            )
            for move_id, amount in share.items():
                result[adj["kind"]][move_id] += amount
        return result

    @api.model
    def _unifyx_landed_adjustments(self, products):
        """Validated landed cost lines on receipts of these products."""
        adjustments = (
            self.env["stock.valuation.adjustment.lines"]
            .sudo()
            .search(
                [
                    ("cost_id.state", "=", "done"),
                    ("cost_id.unifyx_validated_layer_id", "!=", False),
                    ("product_id", "in", products.ids),
                    ("move_id", "!=", False),
                ]
            )
        )
        booked = defaultdict(float)
        for layer in adjustments.cost_id.stock_valuation_layer_ids:
            booked[
                (layer.stock_landed_cost_id.id, layer.stock_valuation_layer_id.stock_move_id.id)
            ] += layer.value
        result = []
        for adjustment in adjustments:
            move = adjustment.move_id
            if not move.product_qty:
                continue
            result.append(
                {
                    "kind": "landed",
                    "product_id": adjustment.product_id.id,
                    "company_id": adjustment.cost_id.company_id.id,
                    "first_layer_id": min(move.stock_valuation_layer_ids.ids or [0]),
                    "last_layer_id": adjustment.cost_id.unifyx_validated_layer_id.id,
                    "per_unit": adjustment.additional_landed_cost / move.product_qty,
                    "out_amount": adjustment.additional_landed_cost
                    - booked[(adjustment.cost_id.id, move.id)],
                }
            )
        return result

    @api.model
    def _unifyx_price_adjustments(self, products):
        """Posted vendor bill lines priced differently from their receipts."""
        bill_lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("move_id.move_type", "=", "in_invoice"),
                    ("parent_state", "=", "posted"),
                    ("display_type", "=", "product"),
                    ("product_id", "in", products.ids),
                    ("purchase_line_id", "!=", False),
                    ("move_id.unifyx_validated_layer_id", "!=", False),
                ]
            )
        )
        if not bill_lines:
            return []
        booked = defaultdict(float)
        for row in (
            self.env["stock.valuation.layer"]
            .sudo()
            .search_read(
                [("account_move_line_id", "in", bill_lines.ids)], ["account_move_line_id", "value"]
            )
        ):
            booked[row["account_move_line_id"][0]] += row["value"]
        result = []
        for aml in bill_lines:
            receipts = aml.purchase_line_id.move_ids.filtered(
                lambda m: m.state == "done" and m.location_id.usage == "supplier"
            )
            layers = receipts.stock_valuation_layer_ids.filtered(
                lambda svl: not svl.stock_valuation_layer_id and svl.quantity > 0
            )
            layer_qty = sum(layers.mapped("quantity"))
            if not layer_qty:
                continue
            qty = aml.product_uom_id._compute_quantity(
                aml.quantity, aml.product_id.uom_id, raise_if_failure=False
            )
            if not qty:
                continue
            bill_unit = abs(aml.balance) / qty
            per_unit = bill_unit - sum(layers.mapped("value")) / layer_qty
            billed_qty = min(qty, layer_qty)
            result.append(
                {
                    "kind": "price_diff",
                    "product_id": aml.product_id.id,
                    "company_id": aml.company_id.id,
                    "first_layer_id": min(layers.ids),
                    "last_layer_id": aml.move_id.unifyx_validated_layer_id.id,
                    "per_unit": per_unit,
                    "out_amount": per_unit * billed_qty - booked[aml.id],
                }
            )
        return result

    def _unifyx_recompute_real_margin(self):
        """Recompute the real margins after a cost event the ORM cannot see
        (landed cost, vendor bill price difference), with what depends on them
        (the order totals)."""
        names = [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_unifyx_real_margin"
        ]
        lines = self.exists()
        if not lines:
            return
        for name in names:
            self.env.add_to_compute(self._fields[name], lines)
        lines.modified(names)
        # One call for all the lines: a flush would compute them 1,000 at a time,
        # reading the cost adjustments of their products again for each slice.
        self._fields[names[0]].compute_value(lines)
        self.env.flush_all()

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
        Floor = self.env["unifyx.margin.floor"]
        scope_labels = dict(Floor._fields["scope"]._description_selection(self.env))
        policy_labels = dict(Floor._fields["policy"]._description_selection(self.env))
        for line in self:
            floor = line.unifyx_floor_id.sudo()
            line.unifyx_floor_warning = (
                self.env._(
                    "Below the margin floor of %(floor).1f %% (%(origin)s: %(name)s, %(policy)s)",
                    floor=floor.min_margin_percent,
                    origin=scope_labels[floor.scope],
                    name=floor.display_name,
                    policy=policy_labels[floor.policy],
                )
                if line.unifyx_below_floor and floor
                else False
            )

    def _unifyx_floor_text(self):
        """The floor warning as the current user may read it: with the line's
        margin for those who see costs, without it for the others."""
        self.ensure_one()
        if self.env.su or self.env.user.has_group(COST_GROUPS):
            return self.sudo().unifyx_floor_message
        return self.unifyx_floor_warning

    def _unifyx_floor_values(self):
        """{line: values of the floor fields}: the floors of the lines' companies
        read in one query, resolved once per customer, segment and category."""
        floors = defaultdict(lambda: self.env["unifyx.margin.floor"])
        for floor in (
            self.env["unifyx.margin.floor"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids)])
        ):
            floors[floor.company_id.id] |= floor
        Floor = self.env["unifyx.margin.floor"]
        scope_labels = dict(Floor._fields["scope"]._description_selection(self.env))
        policy_labels = dict(Floor._fields["policy"]._description_selection(self.env))
        resolved = {}
        result = {}
        for line in self:
            floor = Floor
            if not line.display_type and line.product_id:
                partner = line.order_id.partner_id.commercial_partner_id
                key = (
                    line.company_id.id,
                    partner.id,
                    partner.customer_segment_id.id,
                    line.product_id.categ_id.id,
                )
                if key not in resolved:
                    resolved[key] = floors[key[0]]._resolve(
                        partner, partner.customer_segment_id, line.product_id.categ_id
                    )
                floor = resolved[key]
            margin = line.unifyx_expected_margin
            revenue = line.unifyx_expected_revenue
            below = bool(floor) and below_floor(margin, revenue, floor.min_margin_percent)
            result[line] = {
                "unifyx_floor_id": floor,
                "unifyx_below_floor": below,
                "unifyx_below_cost": below and margin < 0,
                "unifyx_floor_message": (
                    self.env._(
                        "Margin %(margin).1f %% below the floor of %(floor).1f %% "
                        "(%(origin)s: %(name)s, %(policy)s)",
                        margin=margin_percent(margin, revenue) * 100,
                        floor=floor.min_margin_percent,
                        origin=scope_labels[floor.scope],
                        name=floor.display_name,
                        policy=policy_labels[floor.policy],
                    )
                    if below
                    else False
                ),
            }
        return result

    def _unifyx_check_blocked(self):
        """Refuse lines below a blocking floor."""
        blocked = self.filtered(
            lambda line: line.unifyx_below_floor and line.unifyx_floor_policy == "block"
        )
        if blocked:
            raise UserError(
                self.env._(
                    "This order cannot be confirmed: these lines are below a blocking margin "
                    "floor.\n%(lines)s",
                    lines="\n".join(
                        "- %s: %s" % (line.product_id.display_name, line._unifyx_floor_text())
                        for line in blocked
                    ),
                )
            )

    # ------------------------------------------------------------------ display

    def _compute_unifyx_margin_breakdown(self):
        for line in self:
            line.unifyx_margin_breakdown = line._unifyx_breakdown_html()

    def _unifyx_breakdown_html(self):
        self.ensure_one()
        cur = self.company_currency_id

        def money(value):
            return escape("%s %s" % (cur.symbol or "", f"{value or 0.0:,.2f}") if cur else value)

        rows = [
            (self.env._("Expected revenue"), self.unifyx_expected_revenue),
            (self.env._("Expected cost"), -self.unifyx_expected_cost),
            (self.env._("Expected freight"), -self.unifyx_expected_freight),
            (self.env._("Expected margin"), self.unifyx_expected_margin),
            (self.env._("Delivered cost (valuation layers)"), -self.unifyx_delivered_cost),
            (self.env._("Returned cost"), self.unifyx_returned_cost),
            (self.env._("Landed costs after delivery"), -self.unifyx_landed_cost),
            (self.env._("Vendor price differences after delivery"), -self.unifyx_price_diff_cost),
            (self.env._("Freight"), -self.unifyx_freight_cost),
            (self.env._("Credit notes"), -self.unifyx_credited_amount),
            (self.env._("Real revenue"), self.unifyx_real_revenue),
            (self.env._("Real margin"), self.unifyx_real_margin),
        ]
        body = Markup("").join(
            Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (label, money(value))
            for label, value in rows
        )
        return Markup("<table class='table table-sm o_unifyx_margin_breakdown'>%s</table>") % body

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        triggered = FLOOR_TRIGGERS & set(vals)
        # An approved quotation whose margin gets worse needs approval again.
        before = (
            {
                # sudo: the seller who edits may not see margins; the
                # comparison stays on the server.
                line.id: line.sudo().unifyx_expected_margin_percent
                for line in self
                if line.order_id.review_ids and line.order_id.state in ("draft", "sent")
            }
            if triggered
            else {}
        )
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
