# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Margin arithmetic without the ORM: tested on its own in tests/test_margin_tools.py
(the breakdown labels are lazy: translated where they are shown)."""

from markupsafe import Markup, escape

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

FLOOR_SCOPE_RANK = {"customer": 4, "segment": 3, "category": 2, "company": 1}


def fifo_unit_cost(layers, qty, fallback_unit_cost):
    """Unit cost of ``qty`` taken now from FIFO layers.

    ``layers`` are (remaining_qty, remaining_value) in consumption order (oldest
    first). Whatever the layers cannot cover is costed at ``fallback_unit_cost``
    (the product's current cost), as Odoo does for negative stock.
    """
    if qty <= 0:
        # Nothing to consume: the next unit out would cost the oldest layer's price.
        for remaining_qty, remaining_value in layers:
            if remaining_qty > 0:
                return remaining_value / remaining_qty
        return fallback_unit_cost
    to_take = qty
    total = 0.0
    for remaining_qty, remaining_value in layers:
        if to_take <= 0:
            break
        if remaining_qty <= 0:
            continue
        taken = min(to_take, remaining_qty)
        total += remaining_value * taken / remaining_qty
        to_take -= taken
    total += max(to_take, 0.0) * fallback_unit_cost
    return total / qty


def freight_amount(rate_type, rate, revenue, qty):
    """Outbound logistics cost of a line: % of revenue or amount per unit."""
    if rate_type == "percent":
        return revenue * rate / 100.0
    return qty * rate


def margin_percent(margin, revenue):
    """Margin as a fraction of revenue, like sale_margin's ``margin_percent``."""
    return margin / revenue if revenue else 0.0


def below_floor(margin, revenue, floor_percent):
    """A line is below its floor when its margin % is under the floor; a line
    without revenue (free goods) is below it as soon as it costs anything."""
    if not revenue:
        return margin < 0
    return margin / revenue * 100.0 < floor_percent


def most_specific(candidates):
    """The winner among (scope, depth, id, payload): customer > segment >
    category (deepest category first) > company; the newest breaks ties."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (FLOOR_SCOPE_RANK[c[0]], c[1], c[2]))[3]


def allocate_proportionally(amount, weights):
    """Split ``amount`` over keys in proportion to ``weights`` ({key: weight})."""
    total = sum(weights.values())
    if not total:
        return {}
    return {key: amount * weight / total for key, weight in weights.items()}


# The rows of a sale line's margin breakdown: (field, sign shown, label).
BREAKDOWN = [
    ("unifyx_expected_revenue", 1, _lt("Expected revenue")),
    ("unifyx_expected_cost", -1, _lt("Expected cost")),
    ("unifyx_expected_freight", -1, _lt("Expected freight")),
    ("unifyx_expected_margin", 1, _lt("Expected margin")),
    ("unifyx_delivered_cost", -1, _lt("Delivered cost (valuation layers)")),
    ("unifyx_returned_cost", 1, _lt("Returned cost")),
    ("unifyx_landed_cost", -1, _lt("Landed costs after delivery")),
    ("unifyx_price_diff_cost", -1, _lt("Vendor price differences after delivery")),
    ("unifyx_freight_cost", -1, _lt("Freight")),
    ("unifyx_credited_amount", -1, _lt("Credit notes")),
    ("unifyx_real_revenue", 1, _lt("Real revenue")),
    ("unifyx_real_margin", 1, _lt("Real margin")),
]

# The cost stages of a sale line's real margin, with their sign in its cost.
REAL_COST_STAGES = {"delivered": 1, "returned": -1, "landed": 1, "price_diff": 1, "freight": 1}


def real_margin_values(stages):
    """The values of a sale line's real margin fields from its stages
    ({"delivered", "returned", "landed", "price_diff", "freight", "credited",
    "revenue"}: amounts in the company currency, missing ones zero)."""
    cost = sum(sign * stages.get(key, 0.0) for key, sign in REAL_COST_STAGES.items())
    revenue = stages.get("revenue", 0.0)
    values = {
        "unifyx_%s_cost" % key: stages.get(key, 0.0)
        for key in ("delivered", "returned", "landed", "price_diff", "freight")
    }
    values.update(
        unifyx_credited_amount=stages.get("credited", 0.0),
        unifyx_real_revenue=revenue,
        unifyx_real_cost=cost,
        unifyx_real_margin=revenue - cost,
        unifyx_real_margin_percent=margin_percent(revenue - cost, revenue),
    )
    return values


def breakdown_table(rows, symbol):
    """HTML table of (label, amount) rows; amounts as such without a ``symbol``."""

    def money(value):
        if symbol is None:
            return value
        return escape("%s %s" % (symbol, f"{value or 0.0:,.2f}"))

    body = Markup("").join(
        Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (label, money(value))
        for label, value in rows
    )
    return Markup("<table class='table table-sm o_unifyx_margin_breakdown'>%s</table>") % body


def html_table(headers, rows):
    """HTML table with a header row; every cell escaped."""
    head = Markup("").join(Markup("<th>%s</th>") % h for h in headers)
    body = Markup("").join(
        Markup("<tr>%s</tr>") % Markup("").join(Markup("<td>%s</td>") % cell for cell in row)
        for row in rows
    )
    return Markup("<table><tr>%s</tr>%s</table>") % (head, body)
