# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How much of an order line the invoice of one delivery bills.

Odoo's ``qty_to_invoice`` is delivered minus invoiced, and a credit note lowers
``qty_invoiced``: after 2 units credited on an invoice of 6 (price dispute,
damage the customer keeps), Odoo counts those 2 as "to invoice" again, and the
next delivery's invoice would bill them a second time. A delivery's invoice
therefore bills at most what that delivery moved."""


def delivery_quantity(to_invoice, moved):
    """Signed quantity to bill: Odoo's ``to_invoice`` (negative to credit)
    limited to what the delivery ``moved`` (out positive, returns negative),
    and never of the other sign."""
    if to_invoice > 0:
        return min(to_invoice, max(moved, 0.0))
    if to_invoice < 0:
        return max(to_invoice, min(moved, 0.0))
    return 0.0
