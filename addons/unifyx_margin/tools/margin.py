# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Margin arithmetic without the ORM: tested on its own in tests/test_margin_tools.py."""

from markupsafe import Markup, escape

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


# The rows of a sale line's margin breakdown: (field, sign shown).
BREAKDOWN = [
    ("unifyx_expected_revenue", 1),
    ("unifyx_expected_cost", -1),
    ("unifyx_expected_freight", -1),
    ("unifyx_expected_margin", 1),
    ("unifyx_delivered_cost", -1),
    ("unifyx_returned_cost", 1),
    ("unifyx_landed_cost", -1),
    ("unifyx_price_diff_cost", -1),
    ("unifyx_freight_cost", -1),
    ("unifyx_credited_amount", -1),
    ("unifyx_real_revenue", 1),
    ("unifyx_real_margin", 1),
]


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
