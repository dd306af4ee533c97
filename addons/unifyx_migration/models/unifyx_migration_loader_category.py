# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Product categories: a full path per row ("A / B / C"), missing levels created."""

from odoo import api, models

from ..tools import cleansing
from ..tools.cleansing import match_key
from ..tools.targets import MATCH_KEYS, TARGETS, Target


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderCategory(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "category": Target(
                TARGETS["category"],
                MATCH_KEYS["category"],
                self._resolve_category,
                self._apply_category,
            ),
        }

    @api.model
    def _resolve_category(self, run, plans):
        index = self._category_index()
        for plan in plans:
            path = plan.values.get("path")
            if path and not plan.skip:
                self._check_category_path(plan, "path", path, index, whole=False)
        self._match(run, plans, "product.category", "path", "complete_name")

    @api.model
    def _category(self, path, cache):
        """The category of ``path`` ("A / B / C"), creating the missing levels.

        ``cache``: {match_key(path): category}, filled from the database at first
        use: a level spelt with other case or accents is the same category."""
        if not cache:
            cache.update((k, v[:1]) for k, v in self._category_index().items())
            cache[None] = True  # filled
        key = match_key(path)
        if key in cache:
            return cache[key]
        Category = self.env["product.category"]
        parent = Category
        segments = cleansing.category_segments(path)
        for depth in range(1, len(segments) + 1):
            partial = match_key(" / ".join(segments[:depth]))
            if partial not in cache:
                cache[partial] = Category.create(
                    {"name": segments[depth - 1], "parent_id": parent.id}
                )
            parent = cache[partial]
        return parent

    @api.model
    def _apply_category(self, run, plans):
        cache = {}
        for plan in plans:
            if plan.record:
                plan.action = "unchanged"
            else:
                plan.record = self._category(plan.values["path"], cache)
                plan.action = "create"
