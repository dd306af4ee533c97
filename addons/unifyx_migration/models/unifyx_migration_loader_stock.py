# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opening stock: on-hand quantities per location and lot, valued at the file's cost."""

from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import float_compare, float_is_zero

from ..tools.cleansing import match_key
from ..tools.targets import MATCH_KEYS, TARGETS, Target


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationLoaderStock(models.AbstractModel):
    _inherit = "unifyx.migration.loader"

    @api.model
    def _targets(self):
        return {
            **super()._targets(),
            "stock": Target(
                TARGETS["stock"], MATCH_KEYS["stock"], self._resolve_stock, self._apply_stock
            ),
        }

    @api.model
    def _resolve_stock(self, run, plans):
        """Every check of a row runs: product, warehouse and location, lot,
        quantity, cost; the standard cost a row would set is reported."""
        company = run.company_id
        Product = self.env["product.product"]
        products = self._products_by_code({p.values.get("product") for p in plans})
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", company.id)])
        by_warehouse = defaultdict(lambda: self.env["stock.warehouse"])
        for warehouse in warehouses:
            by_warehouse[match_key(warehouse.code)] |= warehouse
            if match_key(warehouse.name) != match_key(warehouse.code):
                by_warehouse[match_key(warehouse.name)] |= warehouse
        Location = self.env["stock.location"]
        locations = (
            Location._unifyx_legacy_index(company)
            if any(p.values.get("location") for p in plans)
            else {}
        )
        unit_category = self.env.ref("uom.product_uom_categ_unit", raise_if_not_found=False)
        seen, standard_costs = {}, {}
        for plan in plans:
            values = plan.values
            if plan.skip:
                continue
            product = Product
            found = values.get("product") and self._product_of(
                plan, "product", values["product"], products
            )
            if found:
                product = found.with_company(company)
                values["product_id"] = product
            warehouse = None
            if values.get("warehouse"):
                found = by_warehouse.get(match_key(values["warehouse"]))
                if not found:
                    plan.error("warehouse", "unknown_warehouse", values["warehouse"])
                elif len(found) > 1:
                    plan.error("warehouse", "ambiguous", values["warehouse"], count=len(found))
                else:
                    warehouse = found
            location = None
            if values.get("location"):
                if not (values.get("warehouse") and not warehouse):
                    found, problem = Location._unifyx_from_legacy(
                        values["location"], warehouse, warehouses, locations
                    )
                    if problem:
                        plan.error("location", problem[0], values["location"], **problem[1])
                    else:
                        location = found
            elif warehouse:
                location = warehouse.lot_stock_id
            elif not values.get("warehouse") and not plan.field_error("warehouse"):
                location = warehouses[:1].lot_stock_id
            if location:
                values["location_id"] = location
            quantity = values.get("quantity")
            if quantity is not None and quantity < 0:
                plan.error("quantity", "negative_quantity", quantity)
            elif quantity is not None and product:
                if product.tracking == "serial" and quantity != 1:
                    plan.error("quantity", "serial_quantity", quantity)
                elif product.uom_id.category_id == unit_category:
                    units = product.uom_id._compute_quantity(
                        quantity,
                        product.uom_id.category_id.uom_ids.filtered(
                            lambda u: u.uom_type == "reference"
                        )[:1]
                        or product.uom_id,
                        round=False,
                    )
                    if not float_is_zero(units - round(units), precision_digits=6):
                        plan.error(
                            "quantity",
                            "whole_units",
                            quantity,
                            unit=product.uom_id.name,
                            product=product.display_name,
                        )
            if product and product.tracking != "none" and not values.get("lot"):
                if not plan.field_error("lot"):
                    plan.error("lot", "lot_required", None, product=product.display_name)
            elif product and product.tracking == "none" and values.get("lot"):
                plan.warning("lot", "lot_ignored", values["lot"], product=product.display_name)
                values["lot"] = None
            self._check_opening_cost(plan, product, standard_costs)
            if plan.has_error:
                continue
            place = (
                product.id,
                location.id,
                values.get("lot") if product.tracking != "none" else None,
            )
            if place in seen:
                plan.error("product", "duplicate_in_file", values["product"], row=seen[place])
                continue
            seen[place] = plan.row

    @api.model
    def _apply_stock(self, run, plans):
        # Who may book opening stock is decided here, not by the caller: the
        # run's own access (consultants) and stock administrators.
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("unifyx_base.group_consultant")
            or user.has_group("unifyx_base.group_warehouse_manager")
        ):
            raise AccessError(
                self.env._("Only a consultant or a warehouse manager loads opening stock.")
            )
        company = run.company_id
        Lot = self.env["stock.lot"]
        Quant = self.env["stock.quant"].with_company(company).with_context(inventory_mode=True)
        self._set_opening_standard_costs(plans)
        product_ids = list({p.values["product_id"].id for p in plans})
        lots = {
            (lot.product_id.id, lot.name): lot
            for lot in Lot.search(
                [("product_id", "in", product_ids), ("company_id", "in", [company.id, False])]
            )
        }
        new_lots = []
        for plan in plans:
            values = plan.values
            product = values["product_id"]
            if product.tracking != "none" and (product.id, values["lot"]) not in lots:
                lots[(product.id, values["lot"])] = Lot
                new_lots.append(
                    {"name": values["lot"], "product_id": product.id, "company_id": company.id}
                )
        if new_lots:
            for lot in Lot.create(new_lots):
                lots[(lot.product_id.id, lot.name)] = lot
        location_ids = list({p.values["location_id"].id for p in plans})
        existing = {
            (q.product_id.id, q.location_id.id, q.lot_id.id): q
            for q in Quant.search(
                [
                    ("product_id", "in", product_ids),
                    ("location_id", "in", location_ids),
                    ("package_id", "=", False),
                    ("owner_id", "=", False),
                ]
            )
        }
        to_apply = Quant
        costs = {}
        for plan in plans:
            values = plan.values
            product = values["product_id"]
            lot = lots.get((product.id, values.get("lot"))) if product.tracking != "none" else Lot
            place = (product.id, values["location_id"].id, lot.id if lot else False)
            quant = existing.get(place)
            current = quant.quantity if quant else 0.0
            if quant and not float_compare(
                current, values["quantity"], precision_rounding=product.uom_id.rounding
            ):
                plan.action = "unchanged"
                plan.record = quant
                continue
            plan.action = "update" if current else "create"
            if quant:
                quant.inventory_quantity = values["quantity"]
            else:
                quant = Quant.create(
                    {
                        "product_id": product.id,
                        "location_id": values["location_id"].id,
                        "lot_id": lot.id if lot else False,
                        "inventory_quantity": values["quantity"],
                    }
                )
            plan.record = quant
            cost = values.get("cost")
            costs[quant.id] = cost if cost is not None else product.standard_price
            if values["quantity"] > current:
                plan.change(
                    "quantity",
                    "stock_update",
                    current,
                    values["quantity"],
                    location=values["location_id"].complete_name,
                    before=current,
                    cost=costs[quant.id],
                    amount=company.currency_id.round(
                        (values["quantity"] - current) * costs[quant.id]
                    ),
                )
            else:
                plan.change(
                    "quantity",
                    "stock_decrease",
                    current,
                    values["quantity"],
                    location=values["location_id"].complete_name,
                    before=current,
                )
            to_apply |= quant
        if to_apply:
            self._book_opening_stock(run, to_apply, costs)
