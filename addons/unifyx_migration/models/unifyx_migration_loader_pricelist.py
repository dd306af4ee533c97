# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer price lists: price list rules, and the customers' price list."""

from collections import defaultdict
from datetime import datetime, time

from odoo import api, models

from ..tools.targets import MATCH_KEYS, TARGETS, Target


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderPricelist(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "pricelist": Target(
                TARGETS["pricelist"],
                MATCH_KEYS["pricelist"],
                self._resolve_pricelist,
                self._apply_pricelist,
            ),
        }

    @api.model
    def _resolve_pricelist(self, run, plans):
        """Rows are price list rules: (price list, product or category, minimum
        quantity, start date) identifies a rule; a customer column assigns the
        price list to that customer."""
        company = run.company_id
        currencies = self._by_code(
            "res.currency", "name", {(p.values.get("currency") or "").upper() for p in plans}
        )
        seen, pricelist_of = {}, {}

        def resolve_row(plan):
            values = plan.values
            if plan.field_error("price") or plan.field_error("discount"):
                pass
            elif (values.get("price") is None) == (values.get("discount") is None):
                plan.error("price", "price_or_discount")
            currency = (values.get("currency") or "").upper()
            if currency and not currencies.get(currency):
                plan.error("currency", "unknown_currency", values["currency"])
            start, end = values.get("date_start"), values.get("date_end")
            if start and end and end < start:
                plan.error("date_end", "dates_reversed", end)
            if values["customer_id"] and values.get("pricelist"):
                other = pricelist_of.setdefault(values["customer_id"], values["pricelist"])
                if other != values["pricelist"]:
                    plan.error("customer", "two_pricelists", values["customer"], other=other)
            if plan.has_error:
                return
            values["currency_id"] = currencies[currency].id if currency else company.currency_id.id
            key = self._pricelist_key(values)
            if key in seen:
                plan.error("pricelist", "duplicate_in_file", values["pricelist"], row=seen[key])
            seen.setdefault(key, plan.row)

        self._resolve_priced_rows(plans, resolve_row)
        # Existing rules, one search for all the price lists of the file.
        names = {p.values["pricelist"] for p in plans if not p.has_error and not p.skip}
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        pricelists = Pricelist.search(
            [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
        )
        rules = defaultdict(lambda: self.env["product.pricelist.item"])
        for item in pricelists.item_ids:
            rules[self._pricelist_key(self._item_values(item))] |= item
        for plan in plans:
            if plan.has_error or plan.skip:
                continue
            found = rules.get(self._pricelist_key(plan.values))
            if found and len(found) > 1:
                plan.error("pricelist", "ambiguous", plan.values["pricelist"], count=len(found))
            else:
                plan.record = found or None

    @staticmethod
    def _pricelist_key(values):
        return (
            values["pricelist"],
            values.get("product_id") or False,
            values.get("categ_id") or False,
            float(values.get("min_quantity") or 0.0),
            values.get("date_start") or False,
        )

    @staticmethod
    def _item_values(item):
        return {
            "pricelist": item.pricelist_id.name,
            "product_id": item.product_id.id,
            "categ_id": item.categ_id.id,
            "min_quantity": item.min_quantity,
            "date_start": item.date_start and item.date_start.date(),
        }

    @api.model
    def _apply_pricelist(self, run, plans):
        company = run.company_id
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        names = {p.values["pricelist"] for p in plans}
        pricelists = {
            pricelist.name: pricelist
            for pricelist in Pricelist.search(
                [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
            )
        }
        missing = {}
        for plan in plans:
            name = plan.values["pricelist"]
            if name not in pricelists:
                missing.setdefault(name, plan.values["currency_id"])
        if missing:
            created = Pricelist.create(
                [
                    {"name": name, "currency_id": currency, "company_id": company.id}
                    for name, currency in missing.items()
                ]
            )
            pricelists.update({pricelist.name: pricelist for pricelist in created})

        def vals_of(plan):
            values = plan.values
            vals = {
                "pricelist_id": pricelists[values["pricelist"]].id,
                "applied_on": "0_product_variant" if values["product_id"] else "2_product_category",
                "product_id": values["product_id"] or False,
                "categ_id": values["categ_id"] or False,
                "min_quantity": values.get("min_quantity") or 0.0,
                # Odoo keeps datetimes: the whole first and last days.
                "date_start": values.get("date_start")
                and datetime.combine(values["date_start"], time.min),
                "date_end": values.get("date_end")
                and datetime.combine(values["date_end"], time(23, 59, 59)),
            }
            if values.get("price") is not None:
                vals.update({"compute_price": "fixed", "fixed_price": values["price"]})
            else:
                vals.update({"compute_price": "percentage", "percent_price": values["discount"]})
            return vals

        self._write_plans(
            "product.pricelist.item",
            plans,
            vals_of,
            columns={
                "product_id": "product",
                "categ_id": "category",
                "fixed_price": "price",
                "percent_price": "discount",
                "compute_price": "price",
                "applied_on": "product",
            },
        )
        # The customers' price list (company-dependent).
        for plan in plans:
            customer_id = plan.values.get("customer_id")
            if not customer_id:
                continue
            partner = self.env["res.partner"].browse(customer_id).with_company(company)
            pricelist = pricelists[plan.values["pricelist"]]
            if partner.property_product_pricelist != pricelist:
                partner.property_product_pricelist = pricelist
                if plan.action == "unchanged":
                    plan.action = "update"
