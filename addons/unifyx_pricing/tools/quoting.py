# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a price rule is matched against (one sale line, as the rules see it),
and the per-batch conversions the rule models share."""

from typing import NamedTuple


class Quote(NamedTuple):
    """A sale line to price: whose, what, where, in which currency, on which day."""

    partner: object  # res.partner, the commercial partner
    product: object  # product.product
    company: object  # res.company
    currency: object  # res.currency of the order
    day: object  # datetime.date
    categ_path: tuple  # the product's category ids, nearest first


class RateCache:
    """Currency conversion with one rate lookup per (currencies, company, day)
    in a pricing batch."""

    def __init__(self):
        self._rates = {}

    def convert(self, amount, from_currency, quote):
        """``amount`` in ``from_currency`` -> the quote's currency on its day."""
        to_currency = quote.currency
        if from_currency == to_currency or not amount:
            return amount
        key = (from_currency.id, to_currency.id, quote.company.id, quote.day)
        if key not in self._rates:
            self._rates[key] = from_currency._get_conversion_rate(
                from_currency, to_currency, quote.company, quote.day
            )
        return amount * self._rates[key]


def uom_ratio(rule_uom, product):
    """Reference units of ``product`` in one ``rule_uom`` (empty: the product's
    unit), or None when that unit cannot measure the product."""
    rule_uom = rule_uom or product.uom_id
    if rule_uom.category_id != product.uom_id.category_id:
        return None
    return rule_uom._compute_quantity(1.0, product.uom_id, round=False)
