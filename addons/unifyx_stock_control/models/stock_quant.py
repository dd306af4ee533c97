# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.constrains("product_id", "quantity")
    def check_negative_qty(self):
        # OCA lets ``skip_negative_qty_check`` in the context skip the rule: a
        # client sends any context, so the rule never reads it.
        return super(
            StockQuant, self.with_context(skip_negative_qty_check=False)
        ).check_negative_qty()

    @api.model
    def _unifyx_counting_locations(self, locations):
        """The locations among ``locations`` with a count in progress: a quant
        whose counted quantity is set and not yet applied (Odoo's own marker of
        a count, kept until the count is applied or cleared, also while the
        count waits for its approval)."""
        if not locations:
            return locations
        groups = self.sudo()._read_group(
            [("location_id", "in", locations.ids), ("inventory_quantity_set", "=", True)],
            ["location_id"],
        )
        return self.env["stock.location"].browse([loc.id for (loc,) in groups])

    def _unifyx_apply_class_dates(self, start=None):
        """Bring each quant's next count (Odoo's ``inventory_date``, what the
        Physical Inventory's "To count" filter reads) forward to ``start`` (today)
        plus its ABC class's frequency, when the location's schedule comes later.
        The warehouse's class wins over the company's."""
        start = start or fields.Date.context_today(self)
        quants = self.filtered(lambda q: q.location_id.usage in ("internal", "transit"))
        if not quants:
            return
        classes = quants.product_id._unifyx_critical_classes(quants.company_id)
        by_date = {}
        for quant in quants:
            key = (quant.product_id.id, quant.company_id.id)
            level = classes.get(key + (quant.location_id.warehouse_id.id,)) or classes.get(
                key + (False,)
            )
            if not level or not level.unifyx_cycle_count_days:
                continue
            target = start + timedelta(days=level.unifyx_cycle_count_days)
            if not quant.inventory_date or quant.inventory_date > target:
                by_date.setdefault(target, self.browse())
                by_date[target] |= quant
        for date, group in by_date.items():
            group.sudo().write({"inventory_date": date})

    @api.model
    def _unifyx_schedule_class_counts(self, products, companies):
        quants = self.sudo().search(
            [
                ("product_id", "in", products.ids),
                ("company_id", "in", companies.ids),
                ("location_id.usage", "in", ("internal", "transit")),
            ]
        )
        quants._unifyx_apply_class_dates()

    def _apply_inventory(self):
        res = super()._apply_inventory()
        # Odoo has just set the location's next date: the class may want it sooner.
        self._unifyx_apply_class_dates()
        return res
