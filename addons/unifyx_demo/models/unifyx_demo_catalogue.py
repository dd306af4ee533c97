# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Catalogue of the demo distributor: categories valued in real time (half
AVCO, half FIFO), 300 products with their vendors, and the replenishment
rules (data/demo_catalogue.json)."""

from odoo import Command, models

from ..tools.demo_data import ean13


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    def _demo_categories(self, company):
        """Product categories valued in real time, half AVCO and half FIFO, on the
        French accounts: 370000 stock, 603700 change in stock (input and output).
        Returns (category, code, tracking, stems, uoms) per category."""
        accounts = self._demo_data("company")
        chart = self.env["account.chart.template"].with_company(company)
        stock_account = chart.ref(accounts["stock_account"])
        variation_account = chart.ref(accounts["variation_account"])
        Category = self.env["product.category"]
        parent_by_name = {}
        result = []
        for row in self._demo_data("catalogue")["categories"]:
            parent_name, _sep, name = row["path"].rpartition(" / ")
            parent = Category
            if parent_name:
                parent = parent_by_name.get(parent_name) or Category.create({"name": parent_name})
                parent_by_name[parent_name] = parent
            category = Category.create({"name": name, "parent_id": parent.id})
            (category | parent).with_company(company).write(
                {
                    "property_cost_method": row["cost_method"],
                    "property_valuation": "real_time",
                    "property_stock_valuation_account_id": stock_account.id,
                    "property_stock_account_input_categ_id": variation_account.id,
                    "property_stock_account_output_categ_id": variation_account.id,
                }
            )
            self._demo_xmlid("product_category_%s_demo" % row["code"].lower(), category)
            result.append((category, row["code"], row["tracking"], row["stems"], row["uoms"]))
        return result

    def _demo_uoms(self):
        box = self.env.ref("unifyx_demo.uom_box_12_demo", raise_if_not_found=False)
        if not box:
            data = self._demo_data("catalogue")["box"]
            box = self.env["uom.uom"].create(
                {
                    "name": data["name"],
                    "category_id": self.env.ref("uom.product_uom_categ_unit").id,
                    "uom_type": "bigger",
                    "factor_inv": data["factor_inv"],
                    "rounding": 1,
                }
            )
            self._demo_xmlid("uom_box_12_demo", box)
        return {
            "unit": self.env.ref("uom.product_uom_unit"),
            "kg": self.env.ref("uom.product_uom_kgm"),
            "box": box,
        }

    def _demo_products(self, categories, vendors, rng):
        data = self._demo_data("catalogue")
        uoms = self._demo_uoms()
        count = data["product_count"]
        vals_list = []
        number = 0
        while len(vals_list) < count:
            for category, code, tracking, stems, uom_codes in categories:
                stem = stems[number % len(stems)]
                variant = data["variants"][(number // len(stems)) % len(data["variants"])]
                uom_code = uom_codes[number % len(uom_codes)]
                cost = round(
                    rng.uniform(*data["cost_range"])
                    * (data["box_cost_factor"] if uom_code == "box" else 1),
                    2,
                )
                if tracking == "serial":
                    cost = round(rng.uniform(*data["serial_cost_range"]), 2)
                sellers = rng.sample(vendors.ids, data["vendors_per_product"])
                vals_list.append(
                    {
                        "name": "%s%s #%03d" % (stem, variant, number + 1),
                        "default_code": "UX-%s-%05d" % (code, number + 1),
                        "barcode": ean13(number + 1),
                        "type": "consu",
                        "is_storable": True,
                        "categ_id": category.id,
                        "uom_id": uoms[uom_code].id,
                        "uom_po_id": uoms[uom_code].id,
                        # Half the lot-tracked categories' products are tracked by lot.
                        "tracking": tracking
                        if (tracking == "serial" or number % 2 == 0)
                        else "none",
                        "standard_price": cost,
                        # A distributor invoices what left the warehouse.
                        "invoice_policy": "delivery",
                        # Drawn before the vendor prices: keep this order.
                        "list_price": round(
                            cost * rng.uniform(*data["list_price_factor_range"]), 2
                        ),
                        "seller_ids": [
                            Command.create(
                                {
                                    "partner_id": vendor_id,
                                    "price": round(
                                        cost * rng.uniform(*data["vendor_price_factor_range"]), 2
                                    ),
                                    "delay": rng.choice(data["vendor_delays"]),
                                    "min_qty": rng.choice(data["vendor_min_qtys"]),
                                }
                            )
                            for vendor_id in sellers
                        ],
                    }
                )
                number += 1
                if len(vals_list) == count:
                    break
        products = self.env["product.product"].create(vals_list)
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "unifyx_demo.product_%03d_demo" % (index + 1),
                    "record": product,
                    "noupdate": True,
                }
                for index, product in enumerate(products)
            ]
        )
        return products

    def _demo_replenishment(self, warehouses, products):
        """Min/max rules on fast movers in every warehouse, make-to-order on the
        most expensive tools."""
        data = self._demo_data("catalogue")
        rule = data["orderpoint"]
        untracked = products.filtered(lambda p: p.tracking == "none")
        self.env["stock.warehouse.orderpoint"].create(
            [
                {
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "product_min_qty": rule["min_qty"],
                    "product_max_qty": rule["max_qty"],
                    "trigger": "manual",
                }
                for warehouse in warehouses
                for product in untracked[: rule["products"]]
            ]
        )
        mto = self.env.ref("stock.route_warehouse0_mto")
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        tools = products.filtered(lambda p: p.tracking == "serial")
        tools.sorted("standard_price", reverse=True)[: data["mto_tools"]].write(
            {"route_ids": [Command.set((mto | buy).ids)]}
        )
