# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure-Python contract price resolution (no ORM).

Order: approved price exceptions, then customer contract rules, then segment
contract rules, then None (the caller falls back to the pricelist). Within one
level, among the rules valid on the date whose tier is reached, a product rule
beats a category rule, a nearer category beats a farther one, then the highest
tier reached wins.

Quantities and prices are in the product's reference unit: ``uom_ratio`` is the
number of reference units in the rule's unit (a box of 12 -> 12.0).
"""

from dataclasses import dataclass
from datetime import date

LEVEL_EXCEPTION = -1  # an approved special price for one deal beats contracts
LEVEL_CUSTOMER = 0
LEVEL_SEGMENT = 1
PRICE_TYPES = ("fixed", "discount", "cost_plus")


@dataclass(frozen=True)
class Rule:
    id: int
    level: int
    price_type: str
    value: float
    product_id: int | None = None
    categ_id: int | None = None
    min_qty: float = 0.0
    uom_ratio: float = 1.0
    date_start: date | None = None
    date_end: date | None = None


@dataclass(frozen=True)
class Resolution:
    rule: Rule
    price: float  # net unit price per reference unit
    list_price: float  # displayed unit price per reference unit (before discount)
    discount: float  # percent shown on the line


def _valid(rule, on_date):
    if on_date is None:
        return True
    if rule.date_start and on_date < rule.date_start:
        return False
    return not (rule.date_end and on_date > rule.date_end)


def _specificity(rule, product_id, categ_path):
    """Lower is more specific; None when the rule does not match."""
    if rule.product_id is not None:
        return 0 if rule.product_id == product_id else None
    if rule.categ_id is not None and rule.categ_id in categ_path:
        return 1 + categ_path.index(rule.categ_id)
    return None


def price_of(rule, list_price, cost):
    """(net price, displayed price, discount %) per reference unit."""
    ratio = rule.uom_ratio or 1.0
    if rule.price_type == "fixed":
        price = rule.value / ratio
        return price, price, 0.0
    if rule.price_type == "discount":
        return list_price * (1 - rule.value / 100.0), list_price, rule.value
    if rule.price_type == "cost_plus":
        price = cost * (1 + rule.value / 100.0)
        return price, price, 0.0
    raise ValueError(rule.price_type)


def resolve(rules, product_id, categ_path, qty, list_price, cost, on_date=None):
    """Return the Resolution of the winning rule, or None (use the pricelist).

    :param categ_path: the product's category ids, nearest first
    :param qty: ordered quantity in reference units
    """
    categ_path = tuple(categ_path)
    for level in sorted({rule.level for rule in rules}):
        best, best_key = None, None
        for rule in rules:
            if rule.level != level or not _valid(rule, on_date):
                continue
            spec = _specificity(rule, product_id, categ_path)
            if spec is None:
                continue
            tier = rule.min_qty * (rule.uom_ratio or 1.0)
            if qty < tier:
                continue
            key = (spec, -tier, rule.id)
            if best_key is None or key < best_key:
                best, best_key = rule, key
        if best is not None:
            price, shown, discount = price_of(best, list_price, cost)
            return Resolution(best, price, shown, discount)
    return None
