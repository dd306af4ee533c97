# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.unifyx_base.tests.common import UnifyxCase


class PricingCase(UnifyxCase):
    """A customer in a segment, two categories (parent and child), products
    priced 100 (cost 60), and helpers to contract and to quote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.eur = cls.env.ref("base.EUR")
        cls.usd = cls.env.ref("base.USD")
        cls.unit = cls.env.ref("uom.product_uom_unit")
        cls.dozen = cls.env.ref("uom.product_uom_dozen")
        cls.segment = cls.env["unifyx.customer.segment"].create(
            {"name": "Installers T", "company_id": cls.company.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Customer P",
                "company_id": cls.company.id,
                "unifyx_customer_segment_id": cls.segment.id,
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Customer Q",
                "company_id": cls.company.id,
                "unifyx_customer_segment_id": cls.segment.id,
            }
        )
        cls.parent_categ = cls.env["product.category"].create({"name": "Heating T"})
        cls.categ = cls.env["product.category"].create(
            {"name": "Radiators T", "parent_id": cls.parent_categ.id}
        )
        cls.product = cls._make_product("Radiator A", cls.categ)
        cls.product_b = cls._make_product("Radiator B", cls.categ)
        cls.boiler = cls._make_product("Boiler C", cls.parent_categ)
        cls.date = date(2026, 6, 15)
        cls.salesperson = cls.users["salesperson"]
        cls.manager = cls.users["sales_manager"]
        cls.director = cls.users["director"]
        cls.consultant = cls.users["consultant"]

    @classmethod
    def _make_product(cls, name, categ, price=100.0, cost=60.0):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "categ_id": categ.id,
                "list_price": price,
                "taxes_id": False,
                "company_id": cls.company.id,
            }
        )
        product.with_company(cls.company).standard_price = cost
        return product

    @classmethod
    def _contract(cls, lines, partner=None, segment=None, activate=True, **vals):
        contract = cls.env["unifyx.price.contract"].create(
            {
                "name": "Contract T",
                "partner_id": partner.id if partner else False,
                "customer_segment_id": segment.id if segment else False,
                "company_id": cls.company.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "line_ids": [Command.create(line) for line in lines],
                **vals,
            }
        )
        if activate:
            contract.with_user(cls.manager).action_activate()
        return contract

    def _order(self, lines, user=None, partner=None, day=None, **vals):
        """lines: [(product, qty, extra vals)]"""
        order = (
            self.env["sale.order"]
            .with_user(user or self.salesperson)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "company_id": self.company.id,
                    "date_order": datetime.combine(
                        day or self.date, datetime.min.time().replace(hour=10)
                    ),
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": qty, **extra})
                        for product, qty, extra in lines
                    ],
                    **vals,
                }
            )
        )
        return order
