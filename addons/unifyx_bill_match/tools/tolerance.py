# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The arithmetic of the three-way match, without the ORM.

Only what costs the company more is a gap: a vendor billing below the order's
price, or less than was received, is within tolerance (a later bill or a
credit note settles the rest). A zero tolerance tolerates nothing.
"""

from dataclasses import dataclass

PRICE = "price"
QUANTITY = "quantity"
NO_PO = "no_po"


@dataclass(frozen=True)
class Tolerance:
    """What a bill may exceed the order by: ``price_percent`` of the ordered
    net unit price *and* ``price_amount`` on one line (price gap times quantity);
    ``quantity_percent`` of the quantity still to bill on what was received;
    ``total_amount`` over the whole bill (the sum of the lines' gaps)."""

    price_percent: float = 0.0
    price_amount: float = 0.0
    quantity_percent: float = 0.0
    total_amount: float = 0.0


@dataclass(frozen=True)
class LineGap:
    """One bill line against its order line and receipts, in the company's
    currency and the order line's unit."""

    ordered_price: float
    billed_price: float
    billed_qty: float
    billable_qty: float

    @property
    def price_gap(self):
        """Unit price billed above the order's (0 when below)."""
        return max(self.billed_price - self.ordered_price, 0.0)

    @property
    def price_gap_percent(self):
        if not self.price_gap:
            return 0.0
        if not self.ordered_price:
            return 100.0
        return 100.0 * self.price_gap / self.ordered_price

    @property
    def price_gap_amount(self):
        """What the price gap costs on the billed quantity."""
        return self.price_gap * self.billed_qty

    @property
    def quantity_gap(self):
        """Quantity billed above what was received and not billed yet."""
        return max(self.billed_qty - max(self.billable_qty, 0.0), 0.0)

    @property
    def quantity_gap_percent(self):
        if not self.quantity_gap:
            return 0.0
        if self.billable_qty <= 0:
            return 100.0
        return 100.0 * self.quantity_gap / self.billable_qty

    @property
    def quantity_gap_amount(self):
        """What the quantity gap costs at the billed price."""
        return self.quantity_gap * self.billed_price

    def reasons(self, tolerance, rounding=0.01):
        """The gaps beyond ``tolerance``: a subset of {PRICE, QUANTITY}."""
        reasons = set()
        eps = rounding / 2
        if self.price_gap_amount > eps and (
            self.price_gap_percent > tolerance.price_percent + 1e-9
            or self.price_gap_amount > tolerance.price_amount + eps
        ):
            reasons.add(PRICE)
        if (
            self.quantity_gap > 1e-9
            and self.quantity_gap_percent > tolerance.quantity_percent + 1e-9
        ):
            reasons.add(QUANTITY)
        return reasons


def bill_reasons(gaps, tolerance, rounding=0.01):
    """The gaps beyond tolerance of each line of a bill (a list of sets, in the
    order of ``gaps``). Lines within their own tolerances still hold the bill
    when their gaps add up beyond the total tolerance: each line then shows
    the kind of gap it has."""
    reasons = [gap.reasons(tolerance, rounding) for gap in gaps]
    total = sum(g.price_gap_amount + g.quantity_gap_amount for g in gaps)
    if total > tolerance.total_amount + rounding / 2:
        for gap, line_reasons in zip(gaps, reasons, strict=True):
            if gap.price_gap_amount > rounding / 2:
                line_reasons.add(PRICE)
            if gap.quantity_gap > 1e-9:
                line_reasons.add(QUANTITY)
    return reasons
