# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.unifyx_approvals.tests.common import matrix_row
from odoo.addons.unifyx_base.tests.common import UnifyxCase, enable_features


def excess_discount_row(env, company):
    """The matrix row of the brief: a discount beyond the seller's limit goes
    to a sales manager."""
    return matrix_row(
        env,
        company,
        "unifyx_base.group_sales_manager",
        document_type="sale",
        name="Excess discounts",
        exception_type_ids=[
            Command.link(env.ref("unifyx_pricing.exception_type_excess_discount").id)
        ],
    )


class PricingCase(UnifyxCase):
    """A customer in a segment, two categories (parent and child), products
    priced 100 (cost 60), and helpers to contract and to quote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        # Contract discounts show as the lines' discount (Settings > Discounts).
        enable_features(cls.env, "sale.group_discount_per_so_line")
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

    @classmethod
    def _exception(cls, lines, user=None, expiry=date(2026, 12, 31), submit=True, **vals):
        """A price exception for the customer, of ``lines`` [(product, price,
        optional line vals)], requested by ``user`` (the salesperson) and
        submitted."""
        exception = (
            cls.env["unifyx.price.exception"]
            .with_user(user or cls.salesperson)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "reason": "Tender against a competitor",
                    "date_expiry": expiry,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "price": price,
                                **(extra[0] if extra else {}),
                            }
                        )
                        for product, price, *extra in lines
                    ],
                    **vals,
                }
            )
        )
        if submit:
            exception.action_submit()
        return exception

    @classmethod
    def _usd_rate(cls, rate=2.0):
        """USD active, at ``rate`` to the euro from 2026-01-01."""
        cls.usd.active = True
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.usd.id,
                "company_id": cls.company.id,
                "name": "2026-01-01",
                "rate": rate,
            }
        )

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
