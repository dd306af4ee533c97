# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Look-ups the targets share: partners, products, codes and categories as files
write them.

The one product rule: a cell naming a product (price lists, contracts, opening
stock) is its internal reference, else its barcode, compared without case,
accents or spacing; a code naming more than one product is refused, never
guessed."""

from collections import defaultdict

from odoo import api, models

from ..tools import cleansing
from ..tools.cleansing import match_key, normalise_key


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderLookup(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _category_index(self):
        """{match_key(full path): categories}, all the user may read."""
        return self._records_by_key("product.category", "complete_name")

    @api.model
    def _check_category_path(self, plan, field, path, index, whole=True):
        """An error when a level of ``path`` names several categories once case,
        accents and spacing are ignored ("Électroportatif" and "Electroportatif")."""
        segments = cleansing.category_segments(path)
        for depth in range(1, len(segments) + (1 if whole else 0)):
            found = index.get(match_key(" / ".join(segments[:depth])))
            if found and len(found) > 1:
                plan.error(field, "ambiguous", path, count=len(found))
                return False
        return True

    @api.model
    def _vendors(self, names):
        """{name or ref as written: partners}: by reference, else by name, both
        compared without case, accents or spacing."""
        Partner = self.env["res.partner"]
        result = {}
        if not names:
            return result
        keys = {match_key(n) for n in names}
        by_ref = self._records_by_key("res.partner", "ref", keys, active_test=True)
        by_name = self._records_by_key(
            "res.partner", "name", keys, [("parent_id", "=", False)], active_test=True
        )
        for name in names:
            key = match_key(name)
            result[name] = by_ref.get(key) or by_name.get(key) or Partner
        return result

    @api.model
    def _categories_by_path(self):
        """{normalised full path: categories}. Paths compare without case or
        accents: "outillage" is "Outillage"."""
        categories = defaultdict(lambda: self.env["product.category"])
        for category in self.env["product.category"].search([]):
            categories[normalise_key(category.complete_name)] |= category
        return categories

    @api.model
    def _by_code(self, model, field, codes):
        """{code as written: records} for the codes given, compared without case,
        accents or spacing."""
        codes = {c for c in codes if c}
        found = defaultdict(lambda: self.env[model])
        if codes:
            by_key = self._records_by_key(model, field, {match_key(c) for c in codes})
            for code in codes:
                if by_key.get(match_key(code)):
                    found[code] = by_key[match_key(code)]
        return found

    @api.model
    def _products_by_code(self, codes):
        """{code as written: products} by the one product rule, for the codes
        given: the active products the user may read whose internal reference,
        else barcode, is the code. A code naming several products (two with that
        reference, or one's reference and another's barcode) maps to all of
        them: :meth:`_product_of` refuses it."""
        Product = self.env["product.product"]
        codes = {c for c in codes if c}
        found = defaultdict(lambda: Product)
        if not codes:
            return found
        keys = {match_key(c) for c in codes}
        by_ref = self._records_by_key("product.product", "default_code", keys, active_test=True)
        by_barcode = self._records_by_key("product.product", "barcode", keys, active_test=True)
        for code in codes:
            key = match_key(code)
            products = by_ref.get(key, Product) | by_barcode.get(key, Product)
            if products:
                found[code] = products
        return found

    @api.model
    def _product_of(self, plan, field, code, products):
        """The one product ``code`` names in ``products`` (:meth:`_products_by_code`),
        or None with the row's error: unknown, or ambiguous (nothing loaded)."""
        found = products.get(code)
        if not found:
            plan.error(field, "unknown_product", code)
        elif len(found) > 1:
            plan.error(field, "ambiguous_product", code, count=len(found))
        else:
            return found
        return None
