# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sanity bounds of pricing values: beyond them a value is a typing or an
integration error, never a price of the distributor's."""

import math

# Per unit, in the rule's currency: no product of a distributor costs more.
MAX_PRICE = 1_000_000_000
# Cost plus more than ten times the cost is a typo of a price for a markup.
MAX_MARKUP = 1_000


def non_finite(vals, fnames):
    """The fields of ``fnames`` that ``vals`` sets to NaN or an infinity (both
    reach the server over JSON-RPC and XML-RPC; the ORM's rounding would fail
    on them with a bare Python error, or store them)."""
    return [
        fname
        for fname in fnames
        if isinstance(vals.get(fname), float) and not math.isfinite(vals[fname])
    ]
