# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, TransactionCase

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin


def draft_landed_cost(receipt, amount, categ=None):
    """A landed cost of ``amount`` split equally over ``receipt``'s moves,
    computed and not validated (bench/margin_quote_confirm.py uses it too)."""
    env = receipt.env
    product = env["product.product"].create(
        {
            "name": "Freight in",
            "type": "service",
            "landed_cost_ok": True,
            **({"categ_id": categ.id} if categ else {}),
        }
    )
    journal = env["account.journal"].search(
        [("company_id", "=", receipt.company_id.id), ("type", "=", "general")], limit=1
    )
    cost = env["stock.landed.cost"].create(
        {
            "picking_ids": [Command.set(receipt.ids)],
            "account_journal_id": journal.id,
            "cost_lines": [
                Command.create(
                    {
                        "name": "Freight in",
                        "product_id": product.id,
                        "price_unit": amount,
                        "split_method": "equal",
                    }
                )
            ],
        }
    )
    cost.compute_landed_cost()
    return cost


class MarginCase(RoleUsersMixin, TransactionCase):
    """A company of the test's own (French, EUR) with Odoo's generic chart of
    accounts, costs hidden from salespeople, one fresh user per role, an AVCO
    and a FIFO category valued in real time, a product in each, a customer in
    a segment and a vendor. Needs no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        # The generic chart brings its currency (USD): the company's is EUR.
        cls.company.currency_id = cls.env.ref("base.EUR")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.company = cls.company.with_env(cls.env)
        cls.env["res.config.settings"]._unifyx_margin_apply_hide_costs(True)
        cls.salesperson = cls.users["salesperson"]
        cls.manager = cls.users["sales_manager"]
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], order="id", limit=1
        )
        goods = cls.env["product.category"].create({"name": "Margin goods"})
        cls.categ_avco = cls._category("AVCO", goods, "average")
        cls.categ_fifo = cls._category("FIFO", goods, "fifo")
        # Discount authority (unifyx_pricing, when installed) is not what these
        # tests are about: their low prices would count as discounts.
        if "unifyx.discount.limit" in cls.env:
            cls.env["unifyx.discount.limit"].sudo().search([]).write({"unlimited": True})
        cls.product_avco = cls._product("Breaker M", cls.categ_avco, 12.0)
        cls.product_fifo = cls._product("Elbow M", cls.categ_fifo, 10.0)
        cls.segment = cls.env["unifyx.customer.segment"].create({"name": "Margin test segment"})
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Margin Customer",
                "is_company": True,
                "company_id": cls.company.id,
                "unifyx_customer_segment_id": cls.segment.id,
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Margin Vendor", "is_company": True, "company_id": cls.company.id}
        )

    @classmethod
    def _category(cls, name, parent, cost_method):
        """A category of ``parent`` costed by ``cost_method`` and valued in real
        time on the accounts of the company's chart."""
        chart = cls.env["account.chart.template"].with_company(cls.company)
        category = cls.env["product.category"].create({"name": name, "parent_id": parent.id})
        category.with_company(cls.company).write(
            {
                "property_cost_method": cost_method,
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": chart.ref("stock_valuation").id,
                "property_stock_account_input_categ_id": chart.ref("stock_in").id,
                "property_stock_account_output_categ_id": chart.ref("stock_out").id,
                "property_stock_journal": chart.ref("inventory_valuation").id,
                "property_account_income_categ_id": chart.ref("income").id,
                "property_account_expense_categ_id": chart.ref("expense").id,
            }
        )
        return category

    @classmethod
    def _product(cls, name, category, cost):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "categ_id": category.id,
                "list_price": 20.0,
                "taxes_id": False,
                "supplier_taxes_id": False,
                "invoice_policy": "delivery",
            }
        )
        product.with_company(cls.company).standard_price = cost
        return product

    # ------------------------------------------------------------- stock

    def receive(self, product, qty, unit_cost):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "partner_id": self.vendor.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.warehouse.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "price_unit": unit_cost,
                            "location_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": self.warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = qty
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def order(self, lines, user=None, **vals):
        """lines: [(product, qty, price, discount)]"""
        return (
            self.env["sale.order"]
            .with_user(user or self.salesperson)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "warehouse_id": self.warehouse.id,
                    **vals,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                                "discount": discount,
                                "tax_id": False,
                            }
                        )
                        for product, qty, price, discount in lines
                    ],
                }
            )
            .with_user(self.env.user)
        )

    def deliver(self, order, quantities):
        """Deliver {product: qty} from the order's open picking, keeping a backorder;
        everything when ``quantities`` is None."""
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel") and p.picking_type_code == "outgoing"
        )
        for move in picking.move_ids:
            move.quantity = (
                move.product_uom_qty if quantities is None else quantities.get(move.product_id, 0.0)
            )
            move.picked = True
        res = picking.button_validate()
        if isinstance(res, dict) and res.get("res_model") == "stock.backorder.confirmation":
            Form(
                self.env["stock.backorder.confirmation"].with_context(**res["context"])
            ).save().process()
        return picking

    def return_goods(self, picking, quantities):
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        for line in wizard.product_return_moves:
            line.quantity = quantities.get(line.product_id, 0.0)
            line.to_refund = True
        res = wizard.action_create_returns()
        returned = self.env["stock.picking"].browse(res["res_id"])
        returned.move_ids.picked = True
        returned.button_validate()
        return returned

    def landed_cost(self, receipt, amount):
        # the category carries the expense account of the already-out share
        cost = draft_landed_cost(receipt, amount, categ=self.categ_avco)
        cost.button_validate()
        return cost

    def invoice(self, order):
        moves = order._create_invoices(final=True)
        moves.action_post()
        return moves

    def floor(self, percent, policy="warn", **scope):
        return (
            self.env["unifyx.margin.floor"]
            .with_user(self.manager)
            .create(
                {
                    "company_id": self.company.id,
                    "min_margin_percent": percent,
                    "policy": policy,
                    **scope,
                }
            )
        )
