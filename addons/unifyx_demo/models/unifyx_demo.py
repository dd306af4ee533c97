# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo distributor: a French company, three warehouses, a catalogue and a
few months of purchases, receipts, sales, deliveries, invoices, a return and a
count, all made through Odoo's own flows so valuation and accounting are real.

Generated in Python rather than XML because 300 products, 60 customers and the
documents that move them would be thousands of XML lines. Deterministic: a
seeded random generator gives the same data on every install.
"""

import random
from datetime import timedelta

from stdnum import luhn

from odoo import Command, api, fields, models
from odoo.tools.barcode import get_barcode_check_digit

SEED = 2026

# (name, code, cost method, tracking, product stems, units of measure)
CATEGORIES = [
    (
        "Electricity / Cables",
        "CAB",
        "average",
        "none",
        [
            "Câble R2V 3G1,5",
            "Câble R2V 3G2,5",
            "Câble H07RN-F 5G6",
            "Gaine ICTA 20",
            "Fil H07VU 2,5 bleu",
            "Câble coaxial 17VATC",
        ],
        ["kg", "unit"],
    ),
    (
        "Electricity / Switchgear",
        "APP",
        "average",
        "none",
        [
            "Interrupteur va-et-vient",
            "Prise 2P+T",
            "Disjoncteur 16A",
            "Interrupteur différentiel 40A",
            "Boîte d'encastrement",
            "Tableau 2 rangées",
        ],
        ["unit", "box"],
    ),
    (
        "Plumbing / Fittings",
        "RAC",
        "fifo",
        "none",
        [
            "Raccord laiton 15x21",
            "Coude cuivre 90° 14",
            "Té égal PER 16",
            "Manchon PVC 32",
            "Raccord à sertir 20",
            "Réduction 26x34",
        ],
        ["unit", "box"],
    ),
    (
        "Plumbing / Taps",
        "ROB",
        "fifo",
        "lot",
        [
            "Mitigeur lavabo",
            "Robinet d'arrêt 1/4 tour",
            "Mitigeur thermostatique douche",
            "Robinet de machine à laver",
            "Colonne de douche",
        ],
        ["unit"],
    ),
    (
        "Tools",
        "OUT",
        "fifo",
        "serial",
        [
            "Perforateur SDS+",
            "Visseuse 18V",
            "Meuleuse 125 mm",
            "Détecteur de tension",
            "Laser rotatif",
        ],
        ["unit"],
    ),
    (
        "Consumables",
        "CON",
        "average",
        "lot",
        ["Mastic silicone", "Colle PVC", "Pâte à joint", "Mousse expansive", "Dégrippant"],
        ["unit", "box"],
    ),
    (
        "Hardware",
        "QUI",
        "average",
        "none",
        [
            "Cheville nylon 8 mm",
            "Vis bois 5x50",
            "Collier Atlas 25",
            "Tige filetée M8",
            "Rondelle M10",
            "Équerre perforée",
        ],
        ["box", "unit", "kg"],
    ),
]
VARIANTS = ["", " - Pro", " - Eco", " - lot chantier", " - blanc", " - gris", " - inox"]

VENDORS = [
    "Rhône Électro Fournitures",
    "Lumen Industrie",
    "Cuivres du Forez",
    "Hydro Sud Négoce",
    "Atelier Outils Pro",
    "Chimie du Bâtiment",
    "Visserie Lyonnaise",
    "Normandie Câbles",
    "Alpes Sanitaire",
    "Provence Quincaillerie",
    "Bretagne Plomberie",
    "Nord Outillage",
    "Loire Appareillage",
    "Gironde Fixations",
    "Vosges Matériaux",
]
CUSTOMER_WORDS = [
    "Bâti",
    "Élec",
    "Plomb",
    "Thermo",
    "Habitat",
    "Rénov",
    "Confort",
    "Énergie",
    "Services",
    "Chantiers",
    "Maintenance",
    "Réseaux",
]
CITIES = [
    ("Lyon", "69003"),
    ("Villeurbanne", "69100"),
    ("Paris", "75011"),
    ("Montreuil", "93100"),
    ("Marseille", "13008"),
    ("Aix-en-Provence", "13100"),
    ("Grenoble", "38000"),
    ("Saint-Étienne", "42000"),
    ("Toulon", "83000"),
    ("Nanterre", "92000"),
]
# Segment xml id, number of customers, payment term xml ids
SEGMENTS = [
    ("segment_wholesale_demo", 15, ["account.account_payment_term_45days"]),
    ("segment_retail_chain_demo", 15, ["account.account_payment_term_end_following_month"]),
    (
        "segment_installer_demo",
        30,
        ["account.account_payment_term_30days", "account.account_payment_term_immediate"],
    ),
]


def _french_vat(number):
    """Return a valid FR VAT number built on an 8-digit seed: a SIREN with its
    Luhn digit, prefixed by the VAT key."""
    siren = int("%08d%s" % (number, luhn.calc_check_digit("%08d" % number)))
    return "FR%02d%09d" % ((12 + 3 * (siren % 97)) % 97, siren)


def _ean13(number):
    """Return a valid EAN-13 under the French GS1 prefix 376."""
    digits = "376%09d" % number
    return digits + str(get_barcode_check_digit(digits + "0"))


class UnifyxDemo(models.AbstractModel):
    _name = "unifyx.demo"
    _description = "UnifyX demo distributor generator"

    @api.model
    def _generate_demo_distributor(self, company_id):
        company = self.env["res.company"].browse(company_id)
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        rng = random.Random(SEED)
        self._demo_accounting(company)
        self._demo_enable_features()
        warehouses = self._demo_warehouses(company)
        self._demo_barcode_options(warehouses)
        categories = self._demo_categories(company)
        vendors = self._demo_partners_vendors(company, rng)
        customers = self._demo_partners_customers(company, rng)
        self._demo_sales_teams(company, customers)
        products = self._demo_products(categories, vendors, rng)
        self._demo_replenishment(warehouses, products, rng)
        self._demo_history(company, warehouses, products, vendors, customers, rng)
        self._demo_scenarios(company, warehouses, vendors, customers)

    # -- setup ------------------------------------------------------------------

    def _demo_accounting(self, company):
        if not company.chart_template:
            # _load rather than try_loading: try_loading warns while the registry is
            # still loading, but every module whose chart data matters (account,
            # stock_account, l10n_fr_account) is a dependency, so already loaded.
            self.env["account.chart.template"]._load("fr", company, install_demo=False)

    def _demo_enable_features(self):
        """Switch on, for every internal user, what a distributor uses (the same
        groups the Settings screen would set)."""
        group_user = self.env.ref("base.group_user")
        features = [
            "uom.group_uom",
            "stock.group_production_lot",
            "stock.group_stock_multi_locations",
            "stock.group_adv_location",
            "sale.group_discount_per_so_line",
        ]
        group_user.sudo().write(
            {"implied_ids": [Command.link(self.env.ref(xmlid).id) for xmlid in features]}
        )
        self.env.ref("stock.route_warehouse0_mto").sudo().active = True

    def _demo_warehouses(self, company):
        Warehouse = self.env["stock.warehouse"]
        lyon = Warehouse.search([("company_id", "=", company.id)], limit=1)
        if lyon:
            lyon.write({"name": "Lyon", "code": "LYO"})
        else:
            lyon = Warehouse.create({"name": "Lyon", "code": "LYO", "company_id": company.id})
        paris = Warehouse.create({"name": "Paris", "code": "PAR", "company_id": company.id})
        marseille = Warehouse.create({"name": "Marseille", "code": "MRS", "company_id": company.id})
        # Lyon is the hub: Paris and Marseille are resupplied from it through transit.
        (paris | marseille).write({"resupply_wh_ids": [Command.set(lyon.ids)]})
        locations = self.env["stock.location"]
        for warehouse in lyon | paris | marseille:
            for aisle in ("A", "B"):
                for shelf in (1, 2):
                    locations |= locations.create(
                        {
                            "name": "%s-%02d" % (aisle, shelf),
                            "location_id": warehouse.lot_stock_id.id,
                            "usage": "internal",
                            "company_id": company.id,
                            "barcode": "%s-%s-%02d" % (warehouse.code, aisle, shelf),
                            # Cycle counting: aisle A (fast movers) every month,
                            # aisle B every quarter.
                            "cyclic_inventory_frequency": 30 if aisle == "A" else 90,
                        }
                    )
        # The rest of each warehouse's stock is counted twice a year.
        (lyon | paris | marseille).lot_stock_id.cyclic_inventory_frequency = 180
        xmlids = [
            {"xml_id": "unifyx_approvals.warehouse_%s_demo" % code, "record": wh, "noupdate": True}
            for code, wh in (("lyon", lyon), ("paris", paris), ("marseille", marseille))
        ]
        self.env["ir.model.data"]._update_xmlids(xmlids)
        return lyon | paris | marseille

    def _demo_barcode_options(self, warehouses):
        """The warehouse works with OCA stock_barcodes: every operation type of
        the demo warehouses gets its scanning options, the module's own where
        they fit. The shelves carry barcodes, so pickers, movers and counters
        scan the shelf too."""
        receipt_base = self.env.ref("stock_barcodes.stock_barcodes_option_group_picking_in")
        operation = self.env.ref("stock_barcodes.stock_barcodes_option_group_operation")
        internal_base = self.env.ref("stock_barcodes.stock_barcodes_option_group_picking_internal")
        inventory = self.env.ref("stock_barcodes.stock_barcodes_option_group_inventory")
        picking = self.env.ref("unifyx_approvals.barcode_option_group_picking_demo", False)
        if not picking:
            # Receipts: the module's options, but goods go to stock as they come,
            # not each receipt into a new package.
            receipt = receipt_base.copy({"name": "Receipts (UnifyX)", "auto_put_in_pack": False})
            # Deliveries: shelf, product, lot; the quantity grows with each scan.
            picking = operation.copy({"name": "Picking from shelves (UnifyX)"})
            picking.option_ids.filtered(lambda o: o.field_name == "location_id").to_scan = True
            # Internal transfers: shelf, product, lot, then the destination shelf.
            internal = internal_base.copy(
                {
                    "name": "Shelf to shelf (UnifyX)",
                    "barcode_guided_mode": False,
                    "is_manual_confirm": False,
                    "fill_fields_from_lot": False,
                }
            )
            for option in internal.option_ids:
                if option.field_name in ("location_id", "product_id", "lot_id"):
                    option.to_scan = True
                if option.field_name == "location_id":
                    option.write({"filled_default": False, "forced": False})
                if option.field_name == "location_dest_id":
                    option.clean_after_done = False
            self.env["ir.model.data"]._update_xmlids(
                [
                    {
                        "xml_id": "unifyx_approvals.barcode_option_group_%s_demo" % name,
                        "record": group,
                        "noupdate": True,
                    }
                    for name, group in (
                        ("receipt", receipt),
                        ("picking", picking),
                        ("internal", internal),
                    )
                ]
            )
        receipt = self.env.ref("unifyx_approvals.barcode_option_group_receipt_demo")
        internal = self.env.ref("unifyx_approvals.barcode_option_group_internal_demo")
        # Counting (the module's inventory screen): the shelf is scanned first.
        inventory.option_ids.filtered(lambda o: o.field_name == "location_id").write(
            {"to_scan": True, "filled_default": False}
        )
        for warehouse in warehouses:
            # Internal transfers are used in every warehouse, the hub included.
            warehouse.int_type_id.active = True
            warehouse.in_type_id.barcode_option_group_id = receipt
            (warehouse.out_type_id | warehouse.pick_type_id | warehouse.pack_type_id).write(
                {"barcode_option_group_id": picking.id}
            )
            (warehouse.int_type_id | warehouse.store_type_id).write(
                {
                    "barcode_option_group_id": internal.id,
                    "new_picking_barcode_option_group_id": internal.id,
                }
            )

    def _demo_categories(self, company):
        """Product categories valued in real time, half AVCO and half FIFO, on the
        French accounts: 370000 stock, 603700 change in stock (input and output)."""
        chart = self.env["account.chart.template"].with_company(company)
        stock_account = chart.ref("pcg_37_account")
        variation_account = chart.ref("pcg_6037")
        parent_by_name = {}
        result = []
        for path, code, cost_method, tracking, stems, uoms in CATEGORIES:
            parent_name, _sep, name = path.rpartition(" / ")
            parent = self.env["product.category"]
            if parent_name:
                parent = parent_by_name.get(parent_name) or self.env["product.category"].create(
                    {"name": parent_name}
                )
                parent_by_name[parent_name] = parent
            category = self.env["product.category"].create({"name": name, "parent_id": parent.id})
            (category | parent).with_company(company).write(
                {
                    "property_cost_method": cost_method,
                    "property_valuation": "real_time",
                    "property_stock_valuation_account_id": stock_account.id,
                    "property_stock_account_input_categ_id": variation_account.id,
                    "property_stock_account_output_categ_id": variation_account.id,
                }
            )
            self.env["ir.model.data"]._update_xmlids(
                [
                    {
                        "xml_id": "unifyx_approvals.product_category_%s_demo" % code.lower(),
                        "record": category,
                        "noupdate": True,
                    }
                ]
            )
            result.append((category, code, tracking, stems, uoms))
        return result

    def _demo_partners_vendors(self, company, rng):
        vendors = self.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "supplier_rank": 1,
                    "company_id": company.id,
                    "country_id": self.env.ref("base.fr").id,
                    "city": CITIES[index % len(CITIES)][0],
                    "zip": CITIES[index % len(CITIES)][1],
                    "email": "commandes@%s.example"
                    % name.lower().replace(" ", "-").replace("é", "e").replace("ô", "o"),
                    "phone": "+33 %d %02d %02d %02d %02d"
                    % (rng.randint(1, 5), *(rng.randint(10, 99) for _i in range(4))),
                    "vat": _french_vat(40000000 + index * 7919),
                    "property_supplier_payment_term_id": self.env.ref(
                        "account.account_payment_term_30days"
                    ).id,
                }
                for index, name in enumerate(VENDORS)
            ]
        )
        return vendors

    def _demo_partners_customers(self, company, rng):
        vals_list = []
        index = 0
        for segment_xmlid, count, terms in SEGMENTS:
            segment = self.env.ref("unifyx_approvals.%s" % segment_xmlid)
            prefix = {
                "segment_wholesale_demo": "Négoce",
                "segment_retail_chain_demo": "Magasins",
                "segment_installer_demo": "SARL",
            }[segment_xmlid]
            for _i in range(count):
                city, zip_code = CITIES[index % len(CITIES)]
                word = CUSTOMER_WORDS[index % len(CUSTOMER_WORDS)]
                vals_list.append(
                    {
                        "name": "%s %s %s" % (prefix, word, city)
                        + (" %d" % (index // len(CITIES)) if index >= len(CITIES) else ""),
                        "is_company": True,
                        "customer_rank": 1,
                        "company_id": company.id,
                        "customer_segment_id": segment.id,
                        "country_id": self.env.ref("base.fr").id,
                        "city": city,
                        "zip": zip_code,
                        "street": "%d avenue Jean Jaurès" % rng.randint(1, 200),
                        "phone": "+33 %d %02d %02d %02d %02d"
                        % (rng.randint(1, 5), *(rng.randint(10, 99) for _j in range(4))),
                        "vat": _french_vat(50000000 + index * 10477),
                        "property_payment_term_id": self.env.ref(terms[index % len(terms)]).id,
                    }
                )
                index += 1
        customers = self.env["res.partner"].create(vals_list)
        return customers

    def _demo_sales_teams(self, company, customers):
        """Two channels: field sales (installers, wholesale) and inside sales
        (retail chains, counter and phone orders)."""
        field_user = self.env.ref("unifyx_approvals.user_salesperson_demo")
        inside_user = self.env.ref("unifyx_approvals.user_salesperson2_demo")
        manager = self.env.ref("unifyx_approvals.user_sales_manager_demo")
        Team = self.env["crm.team"]
        field = Team.create(
            {
                "name": "Field Sales",
                "company_id": company.id,
                "user_id": manager.id,
                "member_ids": [Command.set(field_user.ids)],
            }
        )
        inside = Team.create(
            {
                "name": "Inside Sales",
                "company_id": company.id,
                "user_id": manager.id,
                "member_ids": [Command.set(inside_user.ids)],
            }
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": "unifyx_approvals.team_field_demo", "record": field, "noupdate": True},
                {"xml_id": "unifyx_approvals.team_inside_demo", "record": inside, "noupdate": True},
            ]
        )
        retail = self.env.ref("unifyx_approvals.segment_retail_chain_demo")
        for customer in customers:
            inside_channel = customer.customer_segment_id == retail
            # The order's sales team follows from its salesperson's team.
            customer.user_id = inside_user if inside_channel else field_user

    def _demo_products(self, categories, vendors, rng):
        uom_unit = self.env.ref("uom.product_uom_unit")
        uom_kg = self.env.ref("uom.product_uom_kgm")
        uom_box = self.env.ref("unifyx_approvals.uom_box_12_demo", raise_if_not_found=False)
        if not uom_box:
            uom_box = self.env["uom.uom"].create(
                {
                    "name": "Box of 12",
                    "category_id": self.env.ref("uom.product_uom_categ_unit").id,
                    "uom_type": "bigger",
                    "factor_inv": 12,
                    "rounding": 1,
                }
            )
            self.env["ir.model.data"]._update_xmlids(
                [
                    {
                        "xml_id": "unifyx_approvals.uom_box_12_demo",
                        "record": uom_box,
                        "noupdate": True,
                    }
                ]
            )
        uoms = {"unit": uom_unit, "kg": uom_kg, "box": uom_box}
        vals_list = []
        number = 0
        while len(vals_list) < 300:
            for category, code, tracking, stems, uom_codes in categories:
                stem = stems[number % len(stems)]
                variant = VARIANTS[(number // len(stems)) % len(VARIANTS)]
                uom = uoms[uom_codes[number % len(uom_codes)]]
                cost = round(rng.uniform(0.8, 250.0) * (1 if uom != uom_box else 6), 2)
                if tracking == "serial":
                    cost = round(rng.uniform(60, 900), 2)
                sellers = rng.sample(vendors.ids, 2)
                vals_list.append(
                    {
                        "name": "%s%s #%03d" % (stem, variant, number + 1),
                        "default_code": "UX-%s-%05d" % (code, number + 1),
                        "barcode": _ean13(number + 1),
                        "type": "consu",
                        "is_storable": True,
                        "categ_id": category.id,
                        "uom_id": uom.id,
                        "uom_po_id": uom.id,
                        # Half the lot-tracked categories' products are tracked by lot.
                        "tracking": tracking
                        if (tracking == "serial" or number % 2 == 0)
                        else "none",
                        "standard_price": cost,
                        # A distributor invoices what left the warehouse.
                        "invoice_policy": "delivery",
                        "list_price": round(cost * rng.uniform(1.25, 1.8), 2),
                        "seller_ids": [
                            Command.create(
                                {
                                    "partner_id": vendor_id,
                                    "price": round(cost * rng.uniform(0.95, 1.05), 2),
                                    "delay": rng.choice([2, 3, 5, 7, 10, 14, 21]),
                                    "min_qty": rng.choice([0, 0, 5, 10]),
                                }
                            )
                            for vendor_id in sellers
                        ],
                    }
                )
                number += 1
                if len(vals_list) == 300:
                    break
        products = self.env["product.product"].create(vals_list)
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "unifyx_approvals.product_%03d_demo" % (index + 1),
                    "record": product,
                    "noupdate": True,
                }
                for index, product in enumerate(products)
            ]
        )
        return products

    def _demo_replenishment(self, warehouses, products, rng):
        """Min/max rules on fast movers in every warehouse, make-to-order on the
        most expensive tools."""
        untracked = products.filtered(lambda p: p.tracking == "none")
        self.env["stock.warehouse.orderpoint"].create(
            [
                {
                    "product_id": product.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "product_min_qty": 10,
                    "product_max_qty": 40,
                    "trigger": "manual",
                }
                for warehouse in warehouses
                for product in untracked[:20]
            ]
        )
        mto = self.env.ref("stock.route_warehouse0_mto")
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        tools = products.filtered(lambda p: p.tracking == "serial")
        tools.sorted("standard_price", reverse=True)[:5].write(
            {"route_ids": [Command.set((mto | buy).ids)]}
        )

    # -- history ----------------------------------------------------------------

    def _demo_history(self, company, warehouses, products, vendors, customers, rng):
        lyon = warehouses[0]
        purchaser = self.env.ref("unifyx_approvals.user_purchaser_demo")
        mto = self.env.ref("stock.route_warehouse0_mto")
        stocked = products.filtered(lambda p: mto not in p.route_ids)
        # Purchases: stock every warehouse, the last one received in two parts.
        orders = self.env["purchase.order"]
        for index, vendor in enumerate(vendors):
            warehouse = warehouses[index % 3]
            lines = stocked.filtered(lambda p, v=vendor: v in p.seller_ids.partner_id)[:8]
            if not lines:
                continue
            order = orders.create(
                {
                    "partner_id": vendor.id,
                    "company_id": company.id,
                    "user_id": purchaser.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "date_order": fields.Datetime.now() - timedelta(days=90 - index * 3),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": 20 if product.tracking != "serial" else 3,
                            }
                        )
                        for product in lines
                    ],
                }
            )
            orders |= order
        order_dates = {order: order.date_order for order in orders}
        orders.button_confirm()
        for order, date_order in order_dates.items():
            order.write({"date_order": date_order, "date_approve": date_order})
        partial = orders[-2:]
        for order in orders:
            self._demo_receive(order.picking_ids, ratio=0.5 if order in partial else 1)
        # Vendor bills for the fully received orders; one bill at a higher price.
        for order in (orders - partial)[:10]:
            order.action_create_invoice()
            bill = order.invoice_ids
            bill.invoice_date = order.date_order.date() + timedelta(days=5)
            if order == orders[0]:
                bill.invoice_line_ids[:1].price_unit *= 1.04
            bill.action_post()
        # The second half of the partial receipts arrives later: the backorder.
        self._demo_receive(partial[:1].picking_ids.filtered(lambda p: p.state != "done"))

        # Sales: two months of orders over the three warehouses.
        in_stock = self.env["stock.quant"]._read_group(
            [
                ("location_id.usage", "=", "internal"),
                ("company_id", "=", company.id),
                ("quantity", ">", 0),
            ],
            ["product_id", "warehouse_id"],
        )
        by_warehouse = {}
        for product, warehouse in in_stock:
            if product.tracking == "none":
                by_warehouse.setdefault(warehouse, self.env["product.product"])
                by_warehouse[warehouse] |= product
        sales = self.env["sale.order"]
        for index in range(24):
            warehouse = warehouses[index % 3]
            available = by_warehouse.get(warehouse)
            if not available:
                continue
            customer = customers[(index * 7) % len(customers)]
            chosen = available[(index * 3) % len(available) :][:3] or available[:3]
            date_order = fields.Datetime.now() - timedelta(days=60 - index * 2)
            sales |= sales.create(
                {
                    "partner_id": customer.id,
                    "company_id": company.id,
                    "user_id": customer.user_id.id,
                    "warehouse_id": warehouse.id,
                    "date_order": date_order,
                    "commitment_date": date_order + timedelta(days=3),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 2 + (index % 3),
                                "discount": 5 if index % 4 == 0 else 0,
                            }
                        )
                        for product in chosen
                    ],
                }
            )
        order_dates = {order: order.date_order for order in sales}
        sales.action_confirm()
        # Confirmation stamps today's date: give the history back its own dates.
        for order, date_order in order_dates.items():
            order.date_order = date_order
        delivered = sales[:18]
        for order in delivered:
            # Every third order leaves in two parts: a backorder stays open.
            self._demo_receive(order.picking_ids, ratio=0.5 if order in delivered[::3] else 1)
        invoices = delivered[:14]._create_invoices()
        invoices.action_post()
        # Half of the invoices are paid.
        for invoice in invoices[::2]:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()

        # A customer return, refunded by a credit note.
        returned = delivered.filtered(lambda o: o.invoice_status == "invoiced")[:1]
        picking = returned.picking_ids.filtered(lambda p: p.state == "done")[:1]
        if picking:
            wizard = (
                self.env["stock.return.picking"]
                .with_context(active_id=picking.id, active_model="stock.picking")
                .create({})
            )
            wizard.product_return_moves.write({"quantity": 1})
            action = wizard.action_create_returns()
            self._demo_receive(self.env["stock.picking"].browse(action["res_id"]))
            returned._create_invoices(final=True).action_post()

        # A cycle count of one shelf in Lyon, with differences.
        quants = self.env["stock.quant"].search(
            [
                ("location_id", "=", lyon.lot_stock_id.id),
                ("product_id.tracking", "=", "none"),
                ("quantity", ">", 2),
            ],
            limit=6,
        )
        for offset, quant in enumerate(quants):
            quant.inventory_quantity = quant.quantity + (-1 if offset % 2 else 0)
        quants.action_apply_inventory()

    def _demo_scenarios(self, company, warehouses, vendors, customers):
        """What the go-live scenarios exercise, once each in the history: a call
        for tenders, a resupply through transit, a return to a supplier with its
        credit note, lots and serials received and delivered."""
        lyon, paris = warehouses[0], warehouses[1]
        purchaser = self.env.ref("unifyx_approvals.user_purchaser_demo")
        mto = self.env.ref("stock.route_warehouse0_mto")
        on_hand = {}
        for quant in self.env["stock.quant"].search(
            [("location_id", "child_of", lyon.lot_stock_id.id), ("quantity", ">", 0)],
            order="product_id, id",
        ):
            if mto in quant.product_id.route_ids:
                continue
            on_hand[quant.product_id] = on_hand.get(quant.product_id, 0) + quant.quantity
        untracked = self.env["product.product"].concat(
            *(p for p, qty in on_hand.items() if p.tracking == "none" and qty >= 5)
        )

        # A call for tenders: the product's two catalogue vendors and a third one
        # quote for the same need; the cheapest catalogue vendor is confirmed
        # (so no vendor price is added to the catalogue), the others cancelled.
        product = untracked[0]
        sellers = product.seller_ids.partner_id
        outsider = vendors.filtered(lambda v: v not in sellers)[:1]
        first = self.env["purchase.order"].create(
            {
                "partner_id": sellers[0].id,
                "company_id": company.id,
                "user_id": purchaser.id,
                "picking_type_id": lyon.in_type_id.id,
                "origin": "Call for tenders",
                "order_line": [Command.create({"product_id": product.id, "product_qty": 10})],
            }
        )
        for vendor in sellers[1:2] | outsider:
            self.env["purchase.requisition.create.alternative"].create(
                {"origin_po_id": first.id, "partner_id": vendor.id, "copy_products": True}
            ).action_create_alternative()
        tender = first | first.alternative_po_ids
        tender.filtered(lambda o: o.partner_id == outsider).order_line.price_unit = round(
            max(product.seller_ids.mapped("price")) * 1.05, 2
        )
        best = tender.sorted(lambda o: (o.amount_untaxed, o.id))[0]
        result = best.button_confirm()
        if isinstance(result, dict) and result.get("res_model"):
            self.env[result["res_model"]].with_context(**result["context"]).create(
                {}
            ).action_cancel_alternatives()
        self._demo_receive(best.picking_ids)

        # Paris resupplied from Lyon through the transit location, by its route.
        product = untracked[2:3]
        group = self.env["procurement.group"].create({"name": "Resupply Paris from Lyon"})
        Procurement = self.env["procurement.group"].Procurement
        self.env["procurement.group"].run(
            [
                Procurement(
                    product,
                    5,
                    product.uom_id,
                    paris.lot_stock_id,
                    group.name,
                    group.name,
                    company,
                    {
                        "warehouse_id": paris,
                        "route_ids": paris.resupply_route_ids[:1],
                        "group_id": group,
                    },
                )
            ]
        )
        transfers = self.env["stock.picking"].search([("group_id", "=", group.id)])
        self._demo_receive(transfers.filtered(lambda p: p.picking_type_code == "outgoing"))
        self._demo_receive(transfers.filtered(lambda p: p.picking_type_code == "incoming"))

        # A return to a supplier of part of a billed receipt, credited by the vendor.
        order = self.env["purchase.order"].search(
            [
                ("company_id", "=", company.id),
                ("invoice_status", "=", "invoiced"),
                ("picking_type_id", "=", lyon.in_type_id.id),
                ("order_line.product_id", "in", untracked.ids),
            ],
            order="id",
            limit=1,
        )
        receipt = order.picking_ids.filtered(lambda p: p.state == "done")[:1]
        returned_product = (order.order_line.product_id & untracked)[:1]
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=receipt.id, active_model="stock.picking")
            .create({})
        )
        for line in wizard.product_return_moves:
            line.quantity = 2 if line.product_id == returned_product else 0
        action = wizard.action_create_returns()
        self._demo_receive(self.env["stock.picking"].browse(action["res_id"]))
        order.action_create_invoice()
        refund = order.invoice_ids.filtered(lambda m: m.move_type == "in_refund")
        refund.invoice_date = fields.Date.context_today(self)
        refund.action_post()

        # Lots and serials out of Lyon: the delivery takes the lots received.
        lines = self.env["product.product"]
        for tracking in ("lot", "serial"):
            lines |= next(p for p, qty in on_hand.items() if p.tracking == tracking and qty >= 2)
        customer = customers[0]
        sale = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": company.id,
                "user_id": customer.user_id.id,
                "warehouse_id": lyon.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 2})
                    for product in lines
                ],
            }
        )
        sale.action_confirm()
        self._demo_receive(sale.picking_ids)
        sale._create_invoices().action_post()

    def _demo_receive(self, pickings, ratio=1.0):
        """Process pickings as a warehouse operator would, lots and serials
        included; with ratio < 1 the rest becomes a backorder."""
        for picking in pickings:
            if picking.state == "draft":
                picking.action_confirm()
            picking.action_assign()
            for move in picking.move_ids:
                quantity = move.product_uom_qty * ratio
                tracking = move.product_id.tracking
                incoming = picking.picking_type_code == "incoming"
                if tracking == "none" or not incoming:
                    move.quantity = round(quantity) or move.product_uom_qty
                else:
                    move.move_line_ids.unlink()
                    count = int(quantity) if tracking == "serial" else 1
                    per_line = 1 if tracking == "serial" else quantity
                    move.move_line_ids = [
                        Command.create(
                            {
                                "picking_id": picking.id,
                                "product_id": move.product_id.id,
                                "product_uom_id": move.product_uom.id,
                                "location_id": move.location_id.id,
                                "location_dest_id": move.location_dest_id.id,
                                "lot_name": "%s-%s-%d"
                                % (move.product_id.default_code, picking.name.replace("/", ""), n),
                                "quantity": per_line,
                            }
                        )
                        for n in range(max(count, 1))
                    ]
                move.picked = True
            picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
