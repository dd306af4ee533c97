# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo distributor: a French company, three warehouses, a catalogue and a
few months of purchases, receipts, sales, deliveries, invoices, a return and a
count, all made through Odoo's own flows so valuation and accounting are real.

Generated in Python rather than XML because 300 products, 60 customers and the
documents that move them would be thousands of XML lines. Deterministic: a
seeded random generator gives the same data on every install. One file per
theme (company and warehouses, catalogue, partners, history, scenarios); the
constants are in ``data/demo_<theme>.json``.
"""

import random

from odoo import Command, api, models

from ..tools.demo_data import demo_data


class UnifyxDemo(models.AbstractModel):
    _name = "unifyx.demo"
    _description = "UnifyX demo distributor generator"

    @api.model
    def _demo_data(self, theme):
        return demo_data(theme)

    @api.model
    def _demo_xmlid(self, name, record):
        """Give ``record`` the external id ``unifyx_demo.<name>`` (noupdate)."""
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": "unifyx_demo.%s" % name, "record": record, "noupdate": True}]
        )

    @api.model
    def _generate_demo_distributor(self, company_id):
        # A database that had the demo under unifyx_approvals (before 18.0.2.0.0)
        # keeps it: the install hook gave its records to this addon.
        if self.env.ref("unifyx_demo.warehouse_lyon_demo", raise_if_not_found=False):
            return False
        company = self.env["res.company"].browse(company_id)
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        # The order of the calls is the order of the draws: keep it.
        rng = random.Random(self._demo_data("company")["seed"])
        self._demo_accounting(company)
        self._demo_enable_features()
        warehouses = self._demo_warehouses(company)
        self._demo_barcode_options(warehouses)
        categories = self._demo_categories(company)
        vendors = self._demo_partners_vendors(company, rng)
        customers = self._demo_partners_customers(company, rng)
        self._demo_sales_teams(company, customers)
        products = self._demo_products(categories, vendors, rng)
        self._demo_replenishment(warehouses, products)
        self._demo_history(company, warehouses, products, vendors, customers)
        self._demo_scenarios(company, warehouses, vendors, customers)
        return True

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
