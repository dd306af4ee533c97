# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Days of cover and the stock-out forecast, without the ORM."""

from datetime import timedelta

# Cover reported when nothing is sold: "never runs out" within any horizon.
NO_DEMAND_COVER = 9999.0


def days_of_cover(available, daily_demand):
    """Days the ``available`` quantity (on hand + incoming) lasts at
    ``daily_demand``; NO_DEMAND_COVER without demand, 0 when nothing is there."""
    if daily_demand <= 0:
        return NO_DEMAND_COVER
    return max(available, 0.0) / daily_demand


def stockout_date(today, cover):
    """The day the stock runs out, or None when there is no demand."""
    if cover >= NO_DEMAND_COVER:
        return None
    return today + timedelta(days=int(cover))


def reorder_arrival(today, vendor_delay, purchase_lead):
    """The earliest day goods ordered today arrive: the vendor's lead time plus
    the company's purchase security lead time (Odoo's ``po_lead``)."""
    return today + timedelta(days=round(vendor_delay + purchase_lead))


def at_risk(today, cover, vendor_delay, purchase_lead):
    """True when the stock runs out before a reorder placed today can arrive."""
    out = stockout_date(today, cover)
    return out is not None and out < reorder_arrival(today, vendor_delay, purchase_lead)


def overstock_quantity(available, daily_demand, max_cover_days, max_quantity):
    """What lies beyond the cover limit (``max_cover_days`` of demand, 0 = no
    limit) or beyond the replenishment maximum (0 = none), the larger excess."""
    excess = 0.0
    if max_cover_days:
        excess = max(excess, available - daily_demand * max_cover_days)
    if max_quantity:
        excess = max(excess, available - max_quantity)
    return max(excess, 0.0)
