# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Products: templates with their barcode, unit, category, prices, tracking and vendor."""

from collections import defaultdict

from odoo import api, models
from odoo.tools import float_compare

from ..tools.records import partner_of as _partner_of
from ..tools.records import same as _same
from ..tools.targets import MATCH_KEYS, TARGETS, Target


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderProduct(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "product": Target(
                TARGETS["product"],
                MATCH_KEYS["product"],
                self._resolve_product,
                self._apply_product,
            ),
        }

    @api.model
    def _background_prepare(self, run, plans):
        if run.target != "product":
            return super()._background_prepare(run, plans)
        # The only look-up a product row creates is its category (path): made
        # once here, each batch then finds it.
        cache = {}
        for path in sorted({p.values["category"] for p in plans if p.values.get("category")}):
            self._category(path, cache)
        return True

    @api.model
    def _resolve_product(self, run, plans):
        key = run.profile_id.match_key
        if key == "external_id":
            self._match(run, plans, "product.template", key)
        else:
            by_key = self._match(run, plans, "product.product", key)
            del by_key
            for plan in plans:
                if plan.record:
                    plan.record = plan.record.product_tmpl_id
        Product = self.env["product.product"].with_context(active_test=False)
        barcodes = {p.values["barcode"] for p in plans if p.values.get("barcode")}
        owners = defaultdict(lambda: Product)
        for product in Product.search([("barcode", "in", list(barcodes))]) if barcodes else []:
            owners[product.barcode] |= product
        seen_barcodes = {}
        vendors = {p.values["vendor"] for p in plans if p.values.get("vendor")}
        vendor_map = self._vendors(vendors)
        categories = None
        for plan in plans:
            values = plan.values
            if plan.skip:
                continue
            if values.get("category"):
                if categories is None:
                    categories = self._category_index()
                self._check_category_path(plan, "category", values["category"], categories)
            barcode = values.get("barcode")
            if barcode and key == "barcode":
                pass  # the match key: its duplicates are reported by the match
            elif barcode:
                others = owners.get(barcode, Product).product_tmpl_id - (
                    plan.record or self.env["product.template"]
                )
                if others:
                    plan.error(
                        "barcode",
                        "barcode_taken",
                        barcode,
                        other=", ".join(others.mapped("display_name")),
                    )
                elif barcode in seen_barcodes:
                    plan.error("barcode", "duplicate_in_file", barcode, row=seen_barcodes[barcode])
                seen_barcodes.setdefault(barcode, plan.row)
            vendor = values.get("vendor")
            partner = vendor and _partner_of(plan, "vendor", vendor, vendor_map)
            if partner:
                values["vendor_id"] = partner.id

    @api.model
    def _valued_templates(self, templates, company):
        """Ids of the templates with valuation layers in ``company``: their cost
        is the valuation's (AVCO average, FIFO layers, a revalued standard), no
        longer the products file's."""
        if not templates:
            return set()
        groups = (
            self.env["stock.valuation.layer"]
            .sudo()
            ._read_group(
                [
                    ("product_id.product_tmpl_id", "in", templates.ids),
                    ("company_id", "=", company.id),
                ],
                ["product_id"],
            )
        )
        return {product.product_tmpl_id.id for (product,) in groups}

    @api.model
    def _apply_product(self, run, plans):
        cache = {}
        company = run.company_id
        valued = self._valued_templates(
            self.env["product.template"].union(*[p.record for p in plans if p.record]),
            company,
        )

        def vals_of(plan):
            values = plan.values
            record = plan.record
            vals = {"name": values["name"], "default_code": values["default_code"]}
            if not record:
                vals.update({"type": "consu", "is_storable": True})
            if "barcode" in values:
                vals["barcode"] = values["barcode"] or False
            if values.get("uom"):
                vals["uom_id"] = values["uom"]
                vals["uom_po_id"] = values["uom"]
            if values.get("category"):
                vals["categ_id"] = self._category(values["category"], cache).id
            if values.get("list_price") is not None and "list_price" in values:
                vals["list_price"] = values["list_price"]
            cost = values.get("cost")
            if cost is not None and record and record.id in valued:
                # A rerun never revalues stock: the cost is the valuation's now.
                if float_compare(record.standard_price, cost, precision_digits=6):
                    plan.warning(
                        "cost",
                        "cost_kept",
                        cost,
                        product=record.display_name,
                        current=record.standard_price,
                    )
            elif cost is not None:
                vals["standard_price"] = cost
            if values.get("tracking"):
                vals["tracking"] = values["tracking"]
            return vals

        for plan in plans:
            if plan.record:
                plan.record = plan.record.with_company(company)
        key = run.profile_id.match_key
        self._write_plans(
            "product.template",
            plans,
            vals_of,
            create_model="product.product",
            columns={
                "uom_id": "uom",
                "uom_po_id": "uom",
                "categ_id": "category",
                "standard_price": "cost",
            },
            keys=(key,) if key in ("default_code", "barcode") else (),
        )
        # Vendors and their purchase prices.
        Info = self.env["product.supplierinfo"]
        tmpl_ids = [p.record.id for p in plans if p.values.get("vendor_id")]
        existing = {
            (i.product_tmpl_id.id, i.partner_id.id): i
            for i in Info.search([("product_tmpl_id", "in", tmpl_ids)])
        }
        new = []
        for plan in plans:
            values = plan.values
            if not values.get("vendor_id"):
                continue
            vals = {"partner_id": values["vendor_id"], "product_tmpl_id": plan.record.id}
            if values.get("cost") is not None:
                vals["price"] = values["cost"]
            if values.get("vendor_code"):
                vals["product_code"] = values["vendor_code"]
            info = existing.get((plan.record.id, values["vendor_id"]))
            if info:
                if not _same(info, vals):
                    changed = {k: v for k, v in vals.items() if not _same(info, {k: v})}
                    self._report_updates(
                        plan,
                        info,
                        changed,
                        {"price": "cost", "product_code": "vendor_code", "partner_id": "vendor"},
                    )
                    info.write(changed)
                    if plan.action == "unchanged":
                        plan.action = "update"
            else:
                new.append(vals)
                if plan.action == "unchanged":
                    plan.action = "update"
        self._create_batch("product.supplierinfo", new)
