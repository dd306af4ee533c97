# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Margin arithmetic without the ORM: tested on its own in tests/test_margin_tools.py."""

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
