# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The distributor's purchase requests on a company of the test's own: four
products of one category with their vendor prices, the matrix's two request
bands and a purchase budget of the month.

Hand-worked figures (vendor prices x quantities):
  A  Vendor One  12.50 x  40 =   500.00
  B  Vendor One  30.00 x  10 =   300.00   (one RFQ to Vendor One: 800.00)
  C  Vendor Two  80.00 x   5 =   400.00   (one RFQ to Vendor Two)
  D  Vendor Two  60.00 x 100 = 6,000.00   (from 5,000: a call for tenders)
  request                      7,200.00   (over 2,000: purchasing manager, then finance)
"""

from datetime import timedelta

from odoo import Command, fields

from odoo.addons.unifyx_approvals.tests.common import decide, matrix_row  # noqa: F401

PURCHASING_MANAGER = "unifyx_base.group_purchasing_manager"
FINANCE = "unifyx_base.group_finance"


class PurchaseRequestSetupMixin:
    @classmethod
    def _setup_purchase_requests(cls):
        env = cls.env
        company = cls.company
        cls.category = env["product.category"].create({"name": "Electrical T"})
        cls.vendor_one = env["res.partner"].create({"name": "Vendor One", "company_id": company.id})
        cls.vendor_two = env["res.partner"].create({"name": "Vendor Two", "company_id": company.id})
        cls.products = {}
        for code, vendor, price in (
            ("A", cls.vendor_one, 12.50),
            ("B", cls.vendor_one, 30.00),
            ("C", cls.vendor_two, 80.00),
            ("D", cls.vendor_two, 60.00),
        ):
            cls.products[code] = env["product.product"].create(
                {
                    "name": "Product %s T" % code,
                    "type": "consu",
                    "is_storable": True,
                    "categ_id": cls.category.id,
                    "purchase_method": "purchase",
                    "supplier_taxes_id": False,
                    "seller_ids": [
                        Command.create(
                            {"partner_id": vendor.id, "price": price, "company_id": company.id}
                        )
                    ],
                }
            )
        cls.warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        company.write({"unifyx_tender_amount": 5000.0})
        cls.small_row = matrix_row(
            env,
            company,
            PURCHASING_MANAGER,
            document_type="purchase_request",
            name="Requests up to 2,000",
            amount_max=2000,
        )
        cls.large_row = matrix_row(
            env,
            company,
            PURCHASING_MANAGER,
            FINANCE,
            document_type="purchase_request",
            name="Requests over 2,000",
            amount_min=2000.01,
        )
        today = fields.Date.context_today(env["res.users"])
        cls.budget = env["unifyx.purchase.budget"].create(
            {
                "company_id": company.id,
                "category_id": cls.category.id,
                "date_from": today.replace(day=1),
                "date_to": today.replace(day=1) + timedelta(days=40),
                "amount": 10000.0,
            }
        )

    def make_request(self, user, quantities, reason="Stock-out on the Lyon shelf"):
        """A draft request of ``user``: {product code: quantity}."""
        return (
            self.env["purchase.request"]
            .with_user(user)
            .create(
                {
                    "description": reason,
                    "company_id": self.company.id,
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.products[code].id,
                                "product_qty": qty,
                                "product_uom_id": self.products[code].uom_id.id,
                                "date_required": fields.Date.add(
                                    fields.Date.context_today(self.env["res.users"]), days=7
                                ),
                            }
                        )
                        for code, qty in quantities.items()
                    ],
                }
            )
        )

    def full_request(self, user):
        return self.make_request(user, {"A": 40, "B": 10, "C": 5, "D": 100})
