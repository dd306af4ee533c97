# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Internal locations as legacy files name them (the opening stock's rows)."""

from collections import defaultdict

from odoo import api, models

from ..tools.cleansing import match_key


class StockLocation(models.Model):
    _inherit = "stock.location"

    @api.model
    def _unifyx_legacy_index(self, company):
        """{match_key(full name): locations} of ``company``'s internal locations."""
        index = defaultdict(lambda: self.browse())
        for location in self.search([("company_id", "=", company.id), ("usage", "=", "internal")]):
            index[match_key(location.complete_name)] |= location
        return index

    @api.model
    def _unifyx_from_legacy(self, name, warehouse, warehouses, index):
        """The internal location a legacy file names, as distributors write it:
        its full name ("LYO/Stock/A-01") or a path from the row's warehouse
        ("Stock", "Stock/A-01", "A-01", or "WH/Stock/B-02" with another warehouse
        code); from the only warehouse of ``warehouses`` when the row names none.

        Returns (locations, problem): the one location and None, else what the
        row is told, ``(code, params)`` of the cockpit's catalogue."""
        key = match_key(name)
        segments = [s for s in key.split("/") if s]
        codes = {match_key(w.code) for w in warehouses}
        found = index.get(key) or self.browse()  # a full name
        if found and warehouse and found.warehouse_id != warehouse:
            return found, ("location_elsewhere", {"warehouse": warehouse.name})
        scopes = [warehouse] if warehouse else list(warehouses)[:1] if len(warehouses) == 1 else []
        for scope in scopes if not found else []:
            code = match_key(scope.code)
            candidates = [
                "%s/%s" % (code, key),
                "%s/%s" % (match_key(scope.lot_stock_id.complete_name), key),
            ]
            if len(segments) > 1 and segments[0] not in codes:
                # "WH/Stock/B-02": Odoo's placeholder code, or the old system's.
                candidates.append("/".join([code, *segments[1:]]))
            for candidate in candidates:
                found = index.get(candidate, self.browse()).filtered(
                    lambda loc, s=scope: loc.warehouse_id == s
                )
                if found:
                    break
        if not found:
            return found, ("unknown_location", {})
        if len(found) > 1:
            return found, ("ambiguous", {"count": len(found)})
        return found, None
