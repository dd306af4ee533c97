# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Company and warehouses of the demo distributor: chart of accounts, the
features a distributor uses, three warehouses with barcoded shelves counted on
a cycle, and the OCA stock_barcodes scanning options of their operation types."""

from odoo import Command, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    def _demo_accounting(self, company):
        if not company.chart_template:
            # _load rather than try_loading: try_loading warns while the registry is
            # still loading, but every module whose chart data matters (account,
            # stock_account, l10n_fr_account) is a dependency, so already loaded.
            self.env["account.chart.template"]._load(
                self._demo_data("company")["chart_template"], company, install_demo=False
            )

    def _demo_enable_features(self):
        """Switch on, for every internal user, what a distributor uses (the same
        groups the Settings screen would set)."""
        group_user = self.env.ref("base.group_user")
        features = self._demo_data("company")["features"]
        group_user.sudo().write(
            {"implied_ids": [Command.link(self.env.ref(xmlid).id) for xmlid in features]}
        )
        self.env.ref("stock.route_warehouse0_mto").sudo().active = True

    def _demo_warehouses(self, company):
        """The first warehouse (Lyon) is the hub: the others are resupplied from
        it through transit. Returns the warehouses, hub first."""
        data = self._demo_data("company")
        Warehouse = self.env["stock.warehouse"]
        hub_vals, *others = data["warehouses"]
        hub = Warehouse.search([("company_id", "=", company.id)], limit=1)
        if hub:
            hub.write({"name": hub_vals["name"], "code": hub_vals["code"]})
        else:
            hub = Warehouse.create(
                {"name": hub_vals["name"], "code": hub_vals["code"], "company_id": company.id}
            )
        warehouses = hub
        for vals in others:
            warehouses |= Warehouse.create(
                {"name": vals["name"], "code": vals["code"], "company_id": company.id}
            )
        (warehouses - hub).write({"resupply_wh_ids": [Command.set(hub.ids)]})
        locations = self.env["stock.location"]
        for warehouse in warehouses:
            for aisle in data["aisles"]:
                for shelf in range(1, data["shelves_per_aisle"] + 1):
                    locations |= locations.create(
                        {
                            "name": "%s-%02d" % (aisle["name"], shelf),
                            "location_id": warehouse.lot_stock_id.id,
                            "usage": "internal",
                            "company_id": company.id,
                            "barcode": "%s-%s-%02d" % (warehouse.code, aisle["name"], shelf),
                            # Cycle counting: aisle A (fast movers) every month,
                            # aisle B every quarter.
                            "cyclic_inventory_frequency": aisle["cycle_days"],
                        }
                    )
        # The rest of each warehouse's stock is counted twice a year.
        warehouses.lot_stock_id.cyclic_inventory_frequency = data["stock_cycle_days"]
        for vals, warehouse in zip(data["warehouses"], warehouses, strict=True):
            self._demo_xmlid("warehouse_%s_demo" % vals["key"], warehouse)
        return warehouses

    def _demo_barcode_option_groups(self):
        """Create (once) the demo's scanning option groups, copies of the
        module's own; return (receipt, picking, internal)."""
        picking = self.env.ref("unifyx_demo.barcode_option_group_picking_demo", False)
        if picking:
            return (
                self.env.ref("unifyx_demo.barcode_option_group_receipt_demo"),
                picking,
                self.env.ref("unifyx_demo.barcode_option_group_internal_demo"),
            )
        receipt_base = self.env.ref("stock_barcodes.stock_barcodes_option_group_picking_in")
        operation = self.env.ref("stock_barcodes.stock_barcodes_option_group_operation")
        internal_base = self.env.ref("stock_barcodes.stock_barcodes_option_group_picking_internal")
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
        for name, group in (("receipt", receipt), ("picking", picking), ("internal", internal)):
            self._demo_xmlid("barcode_option_group_%s_demo" % name, group)
        return receipt, picking, internal

    def _demo_barcode_options(self, warehouses):
        """The warehouse works with OCA stock_barcodes: every operation type of
        the demo warehouses gets its scanning options, the module's own where
        they fit. The shelves carry barcodes, so pickers, movers and counters
        scan the shelf too."""
        receipt, picking, internal = self._demo_barcode_option_groups()
        inventory = self.env.ref("stock_barcodes.stock_barcodes_option_group_inventory")
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
