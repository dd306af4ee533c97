# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin


class StockControlMixin(RoleUsersMixin):
    """A company with two warehouses (Marseille, Lyon), a vendor, a customer,
    and helpers that post stock history at chosen dates."""

    @classmethod
    def _setup_stock_control(cls):
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.company.annual_inventory_month = False
        cls.today = fields.Date.context_today(cls.env["res.company"])
        Warehouse = cls.env["stock.warehouse"]
        cls.wh_mrs = Warehouse.search([("company_id", "=", cls.company.id)], limit=1)
        cls.wh_mrs.write({"name": "Marseille", "code": "MRS"})
        cls.wh_lyo = Warehouse.create({"name": "Lyon", "code": "LYO", "company_id": cls.company.id})
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Vendor SC", "company_id": cls.company.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Customer SC"})
        cls.category = cls.env["product.category"].create({"name": "Stock control"})
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")

    @contextmanager
    def assertRefused(self, exception, text):
        """Refused with ``text``, and rolled back as the request would be."""
        with self.assertRaisesRegex(exception, text), self.env.cr.savepoint():
            yield
        self.env.invalidate_all()

    @classmethod
    def _product(cls, name, cost=10.0, delay=None, critical=False):
        vals = {
            "name": name,
            "type": "consu",
            "is_storable": True,
            "standard_price": cost,
            "categ_id": cls.category.id,
            "unifyx_critical": critical,
        }
        if delay is not None:
            vals["seller_ids"] = [
                (0, 0, {"partner_id": cls.vendor.id, "delay": delay, "price": cost})
            ]
        return cls.env["product.product"].with_company(cls.company).create(vals)

    @classmethod
    def _stock(cls, product, qty, warehouse=None, location=None):
        location = location or (warehouse or cls.wh_mrs).lot_stock_id
        cls.env["stock.quant"].sudo()._update_available_quantity(product, location, qty)

    @classmethod
    def _move(cls, product, qty, source, dest, days_ago=0, done=True, **extra):
        move = cls.env["stock.move"].create(
            dict(
                {
                    "name": product.name,
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "product_uom": product.uom_id.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "company_id": cls.company.id,
                },
                **extra,
            )
        )
        move._action_confirm()
        if done:
            move._action_assign()
            move.quantity = qty
            move.picked = True
            move._action_done()
            move.date = fields.Datetime.now() - timedelta(days=days_ago)
        return move

    @classmethod
    def _deliver(cls, product, qty, days_ago, warehouse=None):
        warehouse = warehouse or cls.wh_mrs
        return cls._move(product, qty, warehouse.lot_stock_id, cls.customer_location, days_ago)

    @classmethod
    def _incoming(cls, product, qty, warehouse=None):
        warehouse = warehouse or cls.wh_mrs
        return cls._move(
            product,
            qty,
            cls.supplier_location,
            warehouse.lot_stock_id,
            done=False,
            picking_type_id=warehouse.in_type_id.id,
        )
