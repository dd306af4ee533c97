# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Per-target resolution (match, references) and writing of cleaned rows.

``_resolve_<target>(run, plans)`` finds the existing record of each row by the profile's
match key (one search per batch), resolves references and adds error notes; nothing is
written. ``_apply_<target>(run, plans)`` writes the valid rows and sets each plan's
``action`` to create / update / unchanged.
"""

import re
from collections import defaultdict
from datetime import datetime, time

from odoo import api, fields, models
from odoo.tools import float_compare

from odoo.addons.unifyx_approvals.models.stock_quant import inventory_approved

from ..tools import cleansing
from ..tools.cleansing import ERROR, WARNING, Note, normalise_key

LEGACY_MODULE = "unifyx_legacy"
# A load writes no chatter: no "created" message or tracking per record.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

UOM_TYPES = {
    "reference": "reference",
    "unite de reference": "reference",
    "reference unit": "reference",
    "bigger": "bigger",
    "plus grand": "bigger",
    "plus grande": "bigger",
    "smaller": "smaller",
    "plus petit": "smaller",
    "plus petite": "smaller",
}


def _error(plan, field, code, original=None, **params):
    plan["notes"].append((field, Note("match", ERROR, code, original, None, params)))


def _warning(plan, field, code, original=None, **params):
    plan["notes"].append((field, Note("match", WARNING, code, original, None, params)))


def _has_error(plan):
    return any(note.level == ERROR for _f, note in plan["notes"])


def _partner_of(plan, field, value, partners_by_key):
    """The one partner a cell names, or None with an error on the row: an
    unknown or ambiguous partner is never guessed."""
    partners = partners_by_key.get(value)
    if not partners:
        _error(plan, field, "unknown_" + field, value)
    elif len(partners) > 1:
        _error(plan, field, "ambiguous", value, count=len(partners))
    else:
        return partners
    return None


def _xmlid_name(value):
    return re.sub(r"[^\w\-]", "_", str(value))


def _same(record, vals):
    """True when writing ``vals`` would change nothing on ``record``."""
    for name, value in vals.items():
        field = record._fields[name]
        current = record[name]
        if field.type == "many2one":
            if current.id != (value or False):
                return False
        elif field.type in ("float", "monetary"):
            if float_compare(current or 0.0, value or 0.0, precision_digits=6):
                return False
        elif (current or False) != (value or False):
            return False
    return True


class UnifyxMigrationLoader(models.AbstractModel):
    _name = "unifyx.migration.loader"
    _description = "Migration loader"

    # ----------------------------------------------------------------- helpers
    @api.model
    def _match(self, run, plans, model, key_field, search_field=None):
        """Attach the existing record of each plan by its match key, one search in all.

        Two rows with the same key, or a key matching several records, are errors.
        """
        Model = self.env[model].with_context(active_test=False)
        search_field = search_field or key_field
        keyed = defaultdict(list)
        for plan in plans:
            key = plan["values"].get(key_field)
            if _has_error(plan):
                continue
            if key is None:
                _error(plan, key_field, "missing_key")
                continue
            keyed[key].append(plan)
        for key, same in keyed.items():
            for plan in same[1:]:
                _error(plan, key_field, "duplicate_in_file", key, row=same[0]["row"])
        if key_field == "external_id":
            data = self.env["ir.model.data"].search(
                [
                    ("module", "=", LEGACY_MODULE),
                    ("model", "=", model),
                    ("name", "in", [_xmlid_name(k) for k in keyed]),
                ]
            )
            found = defaultdict(lambda: Model)
            for row in data:
                found[row.name] |= Model.browse(row.res_id).exists()
            by_key = {k: found[_xmlid_name(k)] for k in keyed}
        else:
            records = Model.search([(search_field, "in", list(keyed))]) if keyed else Model
            by_key = defaultdict(lambda: Model)
            for record in records:
                by_key[record[search_field]] |= record
        for key, same in keyed.items():
            records = by_key.get(key) or Model
            if len(records) > 1:
                _error(same[0], key_field, "ambiguous", key, count=len(records))
            else:
                same[0]["record"] = records or None
        return by_key

    @api.model
    def _set_external_ids(self, model, plans):
        rows = [
            {
                "module": LEGACY_MODULE,
                "name": _xmlid_name(p["values"]["external_id"]),
                "model": model,
                "res_id": p["record"].id,
                "noupdate": True,
            }
            for p in plans
            if p["action"] == "create" and p["values"].get("external_id")
        ]
        if rows:
            self.env["ir.model.data"].create(rows)

    @api.model
    def _create_batch(self, model, vals_list):
        """``create(vals_list)`` with defaults and precomputed fields worked out
        once per batch instead of once per record.

        Odoo computes every record's defaults and precomputed fields on its own;
        product defaults run searches (buy and MTO routes) and precomputes build a
        new record per row, most of a product load's time. The values are Odoo's:
        defaults from ``_add_missing_default_values``, precomputed fields from a new
        record for each distinct set of the values they depend on."""
        Model = self.env[model].with_context(**QUIET)
        if not vals_list:
            return Model
        # Shared, not copied: create() reads its values, it never changes them.
        defaults = Model._add_missing_default_values({})
        vals_list = [{**defaults, **vals} for vals in vals_list]
        for owner in [model, *Model._inherits]:
            self._precompute_batch(Model, Model.env[owner], vals_list)
        return Model.create(vals_list)

    @api.model
    def _precompute_batch(self, Model, Owner, vals_list):
        """Fill ``Owner``'s missing precomputed fields, one new record per shape."""
        fields = [
            field
            for field in Owner._fields.values()
            if field.precompute
            and field.store
            and not field.inherited
            and not field.readonly  # Odoo recomputes those anyway
            and not field.inverse  # a given value would be inversed
            and (Owner is Model or Model._fields.get(field.name, field).inherited)
        ]
        if not fields:
            return
        depends = sorted(
            {path.split(".")[0] for f in fields for path in Owner.pool.field_depends[f]}
        )
        shapes = {}
        for vals in vals_list:
            missing = [f for f in fields if f.name not in vals]
            if not missing:
                continue
            shape = tuple(repr(vals.get(name)) for name in depends)
            if shape not in shapes:
                record = Owner.new({k: v for k, v in vals.items() if k in Owner._fields})
                shapes[shape] = {f.name: f.convert_to_write(record[f.name], Owner) for f in fields}
            for field in missing:
                vals[field.name] = shapes[shape][field.name]

    @api.model
    def _write_plans(self, model, plans, vals_of, create_model=None):
        """Create in one batch, write only what differs; set each plan's action.

        ``create_model``: create through this model instead, e.g. products as
        variants: a template created from its variant skips the per-record
        writes of the template's variant fields (barcode, cost, reference)."""
        to_create = []
        for plan in plans:
            vals = vals_of(plan)
            record = plan["record"]
            if record:
                if _same(record, vals):
                    plan["action"] = "unchanged"
                else:
                    record.write(vals)
                    plan["action"] = "update"
            else:
                plan["action"] = "create"
                to_create.append((plan, vals))
        if to_create:
            records = self._create_batch(create_model or model, [vals for _p, vals in to_create])
            if create_model == "product.product":
                records = [variant.product_tmpl_id for variant in records]
            for (plan, _vals), record in zip(to_create, records, strict=True):
                plan["record"] = record
        self._set_external_ids(model, plans)

    # -------------------------------------------------------------------- uom
    @api.model
    def _resolve_uom(self, run, plans):
        self._match(run, plans, "uom.uom", "name")
        categories = {normalise_key(c.name): c for c in self.env["uom.category"].search([])}
        for plan in plans:
            values = plan["values"]
            if _has_error(plan):
                continue
            category = categories.get(normalise_key(values.get("category")))
            if not category:
                _error(plan, "category", "unknown_uom_category", values.get("category"))
            else:
                values["category_id"] = category.id
            uom_type = UOM_TYPES.get(normalise_key(values.get("uom_type") or "reference"))
            if not uom_type:
                _error(plan, "uom_type", "invalid_choice", values.get("uom_type"))
            else:
                values["uom_type_code"] = uom_type

    @api.model
    def _apply_uom(self, run, plans):
        def vals_of(plan):
            values = plan["values"]
            vals = {
                "name": values["name"],
                "category_id": values["category_id"],
                "uom_type": values["uom_type_code"],
            }
            ratio = values.get("ratio")
            if ratio and vals["uom_type"] == "bigger":
                vals["factor_inv"] = ratio
            elif ratio and vals["uom_type"] == "smaller":
                vals["factor"] = ratio
            return vals

        self._write_plans("uom.uom", plans, vals_of)
        Synonym = self.env["unifyx.migration.uom.synonym"]
        known = {s.key for s in Synonym.with_context(active_test=False).search([])}
        new = []
        for plan in plans:
            for spelling in (plan["values"].get("synonyms") or "").split(","):
                key = cleansing.unit_key(spelling)
                if key and key not in known:
                    known.add(key)
                    new.append({"name": spelling.strip(), "uom_id": plan["record"].id})
        Synonym.create(new)

    # --------------------------------------------------------------- category
    @api.model
    def _resolve_category(self, run, plans):
        self._match(run, plans, "product.category", "path", "complete_name")

    @api.model
    def _category(self, path, cache):
        """The category of ``path`` ("A / B / C"), creating the missing levels."""
        if path in cache:
            return cache[path]
        Category = self.env["product.category"]
        parent = Category
        segments = cleansing.category_segments(path)
        for depth in range(1, len(segments) + 1):
            partial = " / ".join(segments[:depth])
            if partial not in cache:
                found = Category.search([("complete_name", "=", partial)], limit=1)
                cache[partial] = found or Category.create(
                    {"name": segments[depth - 1], "parent_id": parent.id}
                )
            parent = cache[partial]
        return parent

    @api.model
    def _apply_category(self, run, plans):
        cache = {}
        for plan in plans:
            if plan["record"]:
                plan["action"] = "unchanged"
            else:
                plan["record"] = self._category(plan["values"]["path"], cache)
                plan["action"] = "create"

    # ---------------------------------------------------------------- partner
    @api.model
    def _resolve_partner(self, run, plans):
        self._match(run, plans, "res.partner", run.profile_id.match_key)
        countries = self.env["res.country"].search([])
        by_code = {c.code.upper(): c for c in countries}
        by_name = {normalise_key(c.name): c for c in countries}
        for plan in plans:
            country = plan["values"].get("country")
            if country and not _has_error(plan):
                found = by_code.get(country.upper()) or by_name.get(normalise_key(country))
                if not found:
                    _error(plan, "country", "unknown_country", country)
                else:
                    plan["values"]["country_id"] = found.id
        # Near duplicates: reported, never merged.
        groups = cleansing.near_duplicates(
            (index, p["values"].get("name"), p["values"].get("vat"))
            for index, p in enumerate(plans)
        )
        for group in groups:
            rows = [plans[i]["row"] for i in group]
            for i in group:
                others = ", ".join(str(r) for r in rows if r != plans[i]["row"])
                _warning(
                    plans[i],
                    "name",
                    "possible_duplicate",
                    plans[i]["values"].get("name"),
                    other=others,
                )
        vats = {p["values"]["vat"] for p in plans if p["values"].get("vat")}
        if vats:
            existing = self.env["res.partner"].search([("vat", "in", list(vats))])
            by_vat = defaultdict(lambda: self.env["res.partner"])
            for partner in existing:
                by_vat[partner.vat] |= partner
            for plan in plans:
                others = by_vat.get(plan["values"].get("vat")) or self.env["res.partner"]
                others -= plan["record"] or self.env["res.partner"]
                if others:
                    _warning(
                        plan,
                        "vat",
                        "possible_duplicate",
                        plan["values"]["vat"],
                        other=", ".join(others.mapped("display_name")),
                    )

    @api.model
    def _apply_partner(self, run, plans):
        def vals_of(plan):
            values = plan["values"]
            vals = {"is_company": True}
            for name in (
                "name",
                "ref",
                "vat",
                "phone",
                "email",
                "street",
                "zip",
                "city",
                "country_id",
            ):
                if name in values:
                    vals[name] = values[name]
            kind = values.get("kind")
            record = plan["record"]
            if kind in ("customer", "both") and not (record and record.customer_rank):
                vals["customer_rank"] = 1
            if kind in ("vendor", "both") and not (record and record.supplier_rank):
                vals["supplier_rank"] = 1
            return vals

        self._write_plans("res.partner", plans, vals_of)

    # ---------------------------------------------------------------- product
    @api.model
    def _resolve_product(self, run, plans):
        key = run.profile_id.match_key
        if key == "external_id":
            self._match(run, plans, "product.template", key)
        else:
            by_key = self._match(run, plans, "product.product", key)
            del by_key
            for plan in plans:
                if plan["record"]:
                    plan["record"] = plan["record"].product_tmpl_id
        Product = self.env["product.product"].with_context(active_test=False)
        barcodes = {p["values"]["barcode"] for p in plans if p["values"].get("barcode")}
        owners = defaultdict(lambda: Product)
        for product in Product.search([("barcode", "in", list(barcodes))]) if barcodes else []:
            owners[product.barcode] |= product
        seen_barcodes = {}
        vendors = {p["values"]["vendor"] for p in plans if p["values"].get("vendor")}
        vendor_map = self._vendors(vendors)
        for plan in plans:
            values = plan["values"]
            if _has_error(plan):
                continue
            barcode = values.get("barcode")
            if barcode:
                others = owners.get(barcode, Product).product_tmpl_id - (
                    plan["record"] or self.env["product.template"]
                )
                if others:
                    _error(
                        plan,
                        "barcode",
                        "barcode_taken",
                        barcode,
                        other=", ".join(others.mapped("display_name")),
                    )
                elif barcode in seen_barcodes:
                    _error(
                        plan, "barcode", "duplicate_in_file", barcode, row=seen_barcodes[barcode]
                    )
                seen_barcodes.setdefault(barcode, plan["row"])
            vendor = values.get("vendor")
            partner = vendor and _partner_of(plan, "vendor", vendor, vendor_map)
            if partner:
                values["vendor_id"] = partner.id

    @api.model
    def _vendors(self, names):
        """{name or ref as written: partners}: by reference, else by name (case-insensitive)."""
        Partner = self.env["res.partner"]
        result = {}
        if not names:
            return result
        by_ref = defaultdict(lambda: Partner)
        for partner in Partner.search([("ref", "in", list(names))]):
            by_ref[partner.ref] |= partner
        keyed = defaultdict(lambda: Partner)
        pending = [n for n in names if n not in by_ref]
        if pending:
            domain = ["|"] * (len(pending) - 1) + [("name", "=ilike", n) for n in pending]
            for partner in Partner.search(domain):
                keyed[normalise_key(partner.name)] |= partner
        for name in names:
            result[name] = by_ref.get(name) or keyed.get(normalise_key(name)) or Partner
        return result

    @api.model
    def _apply_product(self, run, plans):
        cache = {}
        company = run.company_id

        def vals_of(plan):
            values = plan["values"]
            vals = {"name": values["name"], "default_code": values["default_code"]}
            if not plan["record"]:
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
            if values.get("cost") is not None and "cost" in values:
                vals["standard_price"] = values["cost"]
            if values.get("tracking"):
                vals["tracking"] = values["tracking"]
            return vals

        Template = self.env["product.template"].with_company(company)
        for plan in plans:
            if plan["record"]:
                plan["record"] = plan["record"].with_company(company)
        self._write_plans("product.template", plans, vals_of, create_model="product.product")
        del Template
        # Vendors and their purchase prices.
        Info = self.env["product.supplierinfo"]
        tmpl_ids = [p["record"].id for p in plans if p["values"].get("vendor_id")]
        existing = {
            (i.product_tmpl_id.id, i.partner_id.id): i
            for i in Info.search([("product_tmpl_id", "in", tmpl_ids)])
        }
        new = []
        for plan in plans:
            values = plan["values"]
            if not values.get("vendor_id"):
                continue
            vals = {"partner_id": values["vendor_id"], "product_tmpl_id": plan["record"].id}
            if values.get("cost") is not None:
                vals["price"] = values["cost"]
            if values.get("vendor_code"):
                vals["product_code"] = values["vendor_code"]
            info = existing.get((plan["record"].id, values["vendor_id"]))
            if info:
                if not _same(info, vals):
                    info.write(vals)
                    if plan["action"] == "unchanged":
                        plan["action"] = "update"
            else:
                new.append(vals)
                if plan["action"] == "unchanged":
                    plan["action"] = "update"
        self._create_batch("product.supplierinfo", new)

    # ------------------------------------------------------------------ stock
    @api.model
    def _resolve_stock(self, run, plans):
        company = run.company_id
        key = run.profile_id.match_key
        Product = self.env["product.product"]
        codes = {p["values"]["product"] for p in plans if p["values"].get("product")}
        products = defaultdict(lambda: Product)
        for product in Product.search([(key, "in", list(codes))]) if codes else []:
            products[product[key]] |= product
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", company.id)])
        by_warehouse = {}
        for warehouse in warehouses:
            by_warehouse[normalise_key(warehouse.code)] = warehouse
            by_warehouse[normalise_key(warehouse.name)] = warehouse
        names = {p["values"]["location"] for p in plans if p["values"].get("location")}
        locations = {}
        if names:
            for location in self.env["stock.location"].search(
                [
                    ("complete_name", "in", list(names)),
                    ("company_id", "=", company.id),
                    ("usage", "=", "internal"),
                ]
            ):
                locations[location.complete_name] = location
        seen = {}
        for plan in plans:
            values = plan["values"]
            if _has_error(plan):
                continue
            found = products.get(values["product"])
            if not found:
                _error(plan, "product", "unknown_product", values["product"])
                continue
            if len(found) > 1:
                _error(plan, "product", "ambiguous", values["product"], count=len(found))
                continue
            values["product_id"] = found
            if values.get("location"):
                location = locations.get(values["location"])
                if not location:
                    _error(plan, "location", "unknown_location", values["location"])
                    continue
            elif values.get("warehouse"):
                warehouse = by_warehouse.get(normalise_key(values["warehouse"]))
                if not warehouse:
                    _error(plan, "warehouse", "unknown_location", values["warehouse"])
                    continue
                location = warehouse.lot_stock_id
            else:
                location = warehouses[:1].lot_stock_id
            values["location_id"] = location
            if found.tracking != "none" and not values.get("lot"):
                _error(plan, "lot", "lot_required", None, product=found.display_name)
                continue
            if found.tracking == "serial" and values["quantity"] != 1:
                _error(plan, "quantity", "serial_quantity", values["quantity"])
                continue
            if values["quantity"] < 0:
                _error(plan, "quantity", "not_a_number", values["quantity"])
                continue
            place = (found.id, location.id, values.get("lot") if found.tracking != "none" else None)
            if place in seen:
                _error(plan, "product", "duplicate_in_file", values["product"], row=seen[place])
                continue
            seen[place] = plan["row"]

    @api.model
    def _apply_stock(self, run, plans):
        company = run.company_id
        Lot = self.env["stock.lot"]
        Quant = self.env["stock.quant"].with_company(company).with_context(inventory_mode=True)
        product_ids = list({p["values"]["product_id"].id for p in plans})
        lots = {
            (lot.product_id.id, lot.name): lot
            for lot in Lot.search(
                [("product_id", "in", product_ids), ("company_id", "in", [company.id, False])]
            )
        }
        new_lots = []
        for plan in plans:
            values = plan["values"]
            product = values["product_id"]
            if product.tracking != "none" and (product.id, values["lot"]) not in lots:
                lots[(product.id, values["lot"])] = Lot
                new_lots.append(
                    {"name": values["lot"], "product_id": product.id, "company_id": company.id}
                )
        if new_lots:
            for lot in Lot.create(new_lots):
                lots[(lot.product_id.id, lot.name)] = lot
        location_ids = list({p["values"]["location_id"].id for p in plans})
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
            values = plan["values"]
            product = values["product_id"]
            lot = lots.get((product.id, values.get("lot"))) if product.tracking != "none" else Lot
            place = (product.id, values["location_id"].id, lot.id if lot else False)
            quant = existing.get(place)
            current = quant.quantity if quant else 0.0
            if quant and not float_compare(
                current, values["quantity"], precision_rounding=product.uom_id.rounding
            ):
                plan["action"] = "unchanged"
                plan["record"] = quant
                continue
            plan["action"] = "update" if current else "create"
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
            plan["record"] = quant
            cost = values.get("cost")
            costs[quant.id] = (
                cost if cost is not None else product.with_company(company).standard_price
            )
            to_apply |= quant
        if to_apply:
            # An opening stock load is not a count of existing stock: the run's own
            # validation report and commit replace the inventory approval matrix.
            with inventory_approved():
                to_apply.with_context(
                    unifyx_migration_unit_costs=costs,
                    inventory_name=self.env._("Opening stock (migration %s)", run.file_name),
                )._apply_inventory()

    @api.model
    def _categories_by_path(self):
        """{normalised full path: categories}. Paths compare without case or
        accents: "outillage" is "Outillage"."""
        categories = defaultdict(lambda: self.env["product.category"])
        for category in self.env["product.category"].search([]):
            categories[normalise_key(category.complete_name)] |= category
        return categories

    # -------------------------------------------------------------- pricelist
    @api.model
    def _resolve_pricelist(self, run, plans):
        """Rows are price list rules: (price list, product or category, minimum
        quantity, start date) identifies a rule; a customer column assigns the
        price list to that customer."""
        company = run.company_id
        products = self._by_code(
            "product.product", "default_code", {p["values"].get("product") for p in plans}
        )
        categories = self._categories_by_path()
        currencies = self._by_code(
            "res.currency", "name", {(p["values"].get("currency") or "").upper() for p in plans}
        )
        customers = self._vendors(
            {p["values"]["customer"] for p in plans if p["values"].get("customer")}
        )
        seen, pricelist_of = {}, {}
        for plan in plans:
            values = plan["values"]
            if _has_error(plan):
                continue
            product, category = values.get("product"), values.get("category")
            if bool(product) == bool(category):
                _error(plan, "product", "product_or_category")
            elif product and len(products.get(product, ())) != 1:
                code = "ambiguous" if products.get(product) else "unknown_product"
                _error(plan, "product", code, product, count=len(products.get(product, ())))
            elif category and len(categories.get(normalise_key(category), ())) != 1:
                _error(plan, "category", "unknown_category", category)
            if (values.get("price") is None) == (values.get("discount") is None):
                _error(plan, "price", "price_or_discount")
            currency = (values.get("currency") or "").upper()
            if currency and not currencies.get(currency):
                _error(plan, "currency", "unknown_currency", values["currency"])
            start, end = values.get("date_start"), values.get("date_end")
            if start and end and end < start:
                _error(plan, "date_end", "dates_reversed", end)
            customer = values.get("customer")
            partners = customer and _partner_of(plan, "customer", customer, customers)
            if partners:
                values["customer_id"] = partners.id
                other = pricelist_of.setdefault(partners.id, values["pricelist"])
                if other != values["pricelist"]:
                    _error(plan, "customer", "two_pricelists", customer, other=other)
            if _has_error(plan):
                continue
            values["product_id"] = product and products[product].id
            values["categ_id"] = category and categories[normalise_key(category)].id
            values["currency_id"] = currencies[currency].id if currency else company.currency_id.id
            key = self._pricelist_key(values)
            if key in seen:
                _error(plan, "pricelist", "duplicate_in_file", values["pricelist"], row=seen[key])
            seen.setdefault(key, plan["row"])
        # Existing rules, one search for all the price lists of the file.
        names = {p["values"]["pricelist"] for p in plans if not _has_error(p)}
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        pricelists = Pricelist.search(
            [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
        )
        rules = defaultdict(lambda: self.env["product.pricelist.item"])
        for item in pricelists.item_ids:
            rules[self._pricelist_key(self._item_values(item))] |= item
        for plan in plans:
            if _has_error(plan):
                continue
            found = rules.get(self._pricelist_key(plan["values"]))
            if found and len(found) > 1:
                _error(
                    plan, "pricelist", "ambiguous", plan["values"]["pricelist"], count=len(found)
                )
            else:
                plan["record"] = found or None

    @api.model
    def _by_code(self, model, field, codes):
        """{code: records} for the codes given, in one search."""
        codes = [c for c in codes if c]
        found = defaultdict(lambda: self.env[model])
        if codes:
            for record in (
                self.env[model].with_context(active_test=False).search([(field, "in", codes)])
            ):
                found[record[field]] |= record
        return found

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
        names = {p["values"]["pricelist"] for p in plans}
        pricelists = {
            pricelist.name: pricelist
            for pricelist in Pricelist.search(
                [("name", "in", list(names)), ("company_id", "in", (company.id, False))]
            )
        }
        missing = {}
        for plan in plans:
            name = plan["values"]["pricelist"]
            if name not in pricelists:
                missing.setdefault(name, plan["values"]["currency_id"])
        if missing:
            created = Pricelist.create(
                [
                    {"name": name, "currency_id": currency, "company_id": company.id}
                    for name, currency in missing.items()
                ]
            )
            pricelists.update({pricelist.name: pricelist for pricelist in created})

        def vals_of(plan):
            values = plan["values"]
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

        self._write_plans("product.pricelist.item", plans, vals_of)
        # The customers' price list (company-dependent).
        for plan in plans:
            customer_id = plan["values"].get("customer_id")
            if not customer_id:
                continue
            partner = self.env["res.partner"].browse(customer_id).with_company(company)
            pricelist = pricelists[plan["values"]["pricelist"]]
            if partner.property_product_pricelist != pricelist:
                partner.property_product_pricelist = pricelist
                if plan["action"] == "unchanged":
                    plan["action"] = "update"

    # --------------------------------------------------------------- contract
    @api.model
    def _resolve_contract(self, run, plans):
        """Rows are lines of customer contracts (unifyx_pricing): the contract
        reference, then a product or a category, a minimum quantity and a unit
        identify a line. A new contract takes the customer and dates of its
        first row; later rows repeat them or leave them empty."""
        company = run.company_id
        products = self._by_code(
            "product.product", "default_code", {p["values"].get("product") for p in plans}
        )
        categories = self._categories_by_path()
        customers = self._vendors(
            {p["values"]["customer"] for p in plans if p["values"].get("customer")}
        )
        Contract = self.env["unifyx.price.contract"]
        names = {p["values"]["contract"] for p in plans if p["values"].get("contract")}
        contracts = defaultdict(lambda: Contract)
        for contract in Contract.search(
            [("name", "in", list(names)), ("company_id", "=", company.id)]
        ):
            contracts[contract.name] |= contract
        uoms = self.env["uom.uom"].browse(
            {p["values"]["uom"] for p in plans if p["values"].get("uom")}
        )
        headers, seen = {}, {}
        for plan in plans:
            values = plan["values"]
            if _has_error(plan):
                continue
            name = values["contract"]
            product, category = values.get("product"), values.get("category")
            if bool(product) == bool(category):
                _error(plan, "product", "product_or_category")
            elif product and len(products.get(product, ())) != 1:
                code = "ambiguous" if products.get(product) else "unknown_product"
                _error(plan, "product", code, product, count=len(products.get(product, ())))
            elif category and len(categories.get(normalise_key(category), ())) != 1:
                _error(plan, "category", "unknown_category", category)
            prices = [f for f in ("price", "discount", "markup") if values.get(f) is not None]
            if len(prices) != 1:
                _error(plan, "price", "one_price")
            customer = values.get("customer")
            partner = customer and _partner_of(plan, "customer", customer, customers)
            if partner:
                values["customer_id"] = partner.id
            found = contracts.get(name) or Contract
            if len(found) > 1:
                _error(plan, "contract", "ambiguous", name, count=len(found))
            elif not found and name not in headers and not values.get("customer_id"):
                _error(plan, "customer", "contract_customer", name)
            if _has_error(plan):
                continue
            header = (values.get("customer_id"), values.get("date_start"), values.get("date_end"))
            first = headers.setdefault(name, (header, plan["row"]))
            if any(mine and mine != theirs for mine, theirs in zip(header, first[0], strict=True)):
                _error(plan, "contract", "contract_header", name, row=first[1])
                continue
            values["contract_id"] = found
            values["product_id"] = product and products[product].id
            values["categ_id"] = category and categories[normalise_key(category)].id
            unit = values.get("uom") and uoms.browse(values["uom"])
            if unit and product and unit.category_id != products[product].uom_id.category_id:
                _error(plan, "uom", "uom_category", unit.name, product=product)
                continue
            values["price_type"] = {"price": "fixed", "discount": "discount"}.get(
                prices[0], "cost_plus"
            )
            key = self._contract_key(name, values)
            if key in seen:
                _error(plan, "contract", "duplicate_in_file", name, row=seen[key])
                continue
            seen[key] = plan["row"]
            line = None
            for existing in found.line_ids:
                if self._contract_key(name, self._line_values(existing)) == key:
                    line = existing
            plan["record"] = line
            if (
                found
                and found.state != "draft"
                and (
                    self._contract_header_changes(found, values)
                    or not (line and _same(line, self._contract_line_vals(values)))
                )
            ):
                _error(plan, "contract", "contract_locked", name)

    @staticmethod
    def _contract_header_changes(contract, values):
        """What the row changes of the contract's customer and dates (an empty
        cell changes nothing)."""
        header = {
            "partner_id": values.get("customer_id"),
            "date_start": fields.Date.to_date(values.get("date_start")),
            "date_end": fields.Date.to_date(values.get("date_end")),
        }
        return {
            fname: value
            for fname, value in header.items()
            if value and value != (contract[fname].id if fname == "partner_id" else contract[fname])
        }

    @staticmethod
    def _contract_key(name, values):
        # As unifyx_pricing's own import keys the lines of a contract.
        return (
            name,
            values.get("product_id") or False,
            values.get("categ_id") or False,
            round(values.get("min_quantity") or 0.0, 6),
            values.get("uom") or False,
        )

    @staticmethod
    def _line_values(line):
        return {
            "product_id": line.product_id.id,
            "categ_id": line.categ_id.id,
            "min_quantity": line.min_qty,
            "uom": line.uom_id.id,
        }

    @staticmethod
    def _contract_line_vals(values):
        return {
            "product_id": values["product_id"] or False,
            "categ_id": values["categ_id"] or False,
            "price_type": values["price_type"],
            "fixed_price": values.get("price") or 0.0,
            "discount": values.get("discount") or 0.0,
            "markup": values.get("markup") or 0.0,
            "min_qty": values.get("min_quantity") or 0.0,
            "uom_id": values.get("uom") or False,
        }

    @api.model
    def _apply_contract(self, run, plans):
        company = run.company_id
        Contract = self.env["unifyx.price.contract"].with_context(**QUIET)
        contracts = {}
        moved = set()  # rows that change an existing draft contract's customer or dates
        for plan in plans:
            values = plan["values"]
            contract = values["contract_id"] or contracts.get(values["contract"])
            header = contract and self._contract_header_changes(contract, values)
            if header:
                contract.write(header)
                moved.add(plan["row"])
            if not contract:
                contract = Contract.create(
                    {
                        "name": values["contract"],
                        "partner_id": values["customer_id"],
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "date_start": values.get("date_start") or fields.Date.context_today(self),
                        "date_end": values.get("date_end") or False,
                    }
                )
            contracts[values["contract"]] = contract
        # unifyx_pricing's own upsert writes the lines, one call per contract.
        changes = defaultdict(list)
        for plan in plans:
            vals = self._contract_line_vals(plan["values"])
            if not plan["record"]:
                plan["action"] = "create"
            elif _same(plan["record"], vals):
                plan["action"] = "update" if plan["row"] in moved else "unchanged"
                continue
            else:
                plan["action"] = "update"
            changes[contracts[plan["values"]["contract"]]].append(vals)
        for contract, vals_list in changes.items():
            contract._unifyx_upsert_lines(vals_list)
