# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import models

# Cursor-cache key of the orders whose confirmation checks already ran.
CHECKED_KEY = "unifyx_confirmation_checked"


class SaleOrder(models.Model):
    """The confirmation-check registry.

    Addons do not override ``action_confirm`` to refuse a confirmation: they
    add a check to ``_unifyx_confirmation_checks`` (``super()`` plus their own
    ``(sequence, method name)``). The checks run in sequence order, once per
    confirmation, whether it comes from the button or from a client writing
    ``state='sale'`` (XML-RPC included). Declared sequences: 10 pricing
    (discount authority), 20 margin (margin floors).
    """

    _inherit = "sale.order"

    def _unifyx_confirmation_checks(self):
        """[(sequence, method name)]: each method runs on the orders being
        confirmed and raises to refuse them."""
        return []

    def _unifyx_run_confirmation_checks(self):
        orders = self.filtered(lambda order: order.state != "sale")
        if not orders:
            return
        for _sequence, method in sorted(self._unifyx_confirmation_checks()):
            getattr(orders, method)()

    def action_confirm(self):
        self._unifyx_run_confirmation_checks()
        # Checked just above: the state write inside need not check again.
        with self._unifyx_checked():
            return super().action_confirm()

    def write(self, vals):
        if vals.get("state") == "sale":
            self._unifyx_unchecked()._unifyx_run_confirmation_checks()
        return super().write(vals)

    @contextmanager
    def _unifyx_checked(self):
        """While the block runs these orders count as checked. Kept on the
        cursor, not in the context, which an RPC client could forge."""
        checked = self.env.cr.cache.setdefault(CHECKED_KEY, set())
        added = set(self.ids) - checked
        checked.update(added)
        try:
            yield
        finally:
            checked.difference_update(added)

    def _unifyx_unchecked(self):
        """These orders but those inside a ``_unifyx_checked()`` block."""
        checked = self.env.cr.cache.get(CHECKED_KEY, ())
        return self.filtered(lambda order: order.id not in checked)
