# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin


class QualityMixin(RoleUsersMixin):
    """A company of the test's own with Odoo's generic chart, its warehouse
    receiving in 3 steps (input -> quality -> stock), an AVCO category valued
    in real time whose receipts are inspected at the quality step (OCA trigger
    on the quality picking type, a pass / fail question), a product and a
    vendor. Needs no demo data."""

    @classmethod
    def _setup_quality(cls):
        cls._setup_role_users()
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        cls.company.currency_id = cls.env.ref("base.EUR")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.company = cls.company.with_env(cls.env)
        cls.operator = cls.users["warehouse_operator"]
        cls.manager = cls.users["warehouse_manager"]
        cls.finance = cls.users["finance"]
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], order="id", limit=1
        )
        cls.warehouse.reception_steps = "three_steps"
        chart = cls.env["account.chart.template"].with_company(cls.company)
        cls.accounts = {
            name: chart.ref(name) for name in ("stock_valuation", "stock_in", "stock_out")
        }
        cls.category = cls.env["product.category"].create({"name": "Inspected goods"})
        cls.category.with_company(cls.company).write(
            {
                "property_cost_method": "average",
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": cls.accounts["stock_valuation"].id,
                "property_stock_account_input_categ_id": cls.accounts["stock_in"].id,
                "property_stock_account_output_categ_id": cls.accounts["stock_out"].id,
                "property_stock_journal": chart.ref("inventory_valuation").id,
                "property_account_expense_categ_id": chart.ref("expense").id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Valve DN50",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.category.id,
                "purchase_method": "receive",
                "supplier_taxes_id": False,
                "taxes_id": False,
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Valves SA", "is_company": True, "company_id": cls.company.id}
        )
        cls.test = cls.env["qc.test"].create(
            {
                "name": "Valve aspect",
                "company_id": cls.company.id,
                "test_lines": [
                    Command.create(
                        {
                            "name": "Body without scratches",
                            "type": "qualitative",
                            "ql_values": [
                                Command.create({"name": "Yes", "ok": True}),
                                Command.create({"name": "No", "ok": False}),
                            ],
                        }
                    )
                ],
            }
        )
        trigger = cls.env["qc.trigger"].search(
            [("picking_type_id", "=", cls.warehouse.qc_type_id.id)]
        )
        cls.env["qc.trigger.product_category_line"].create(
            {
                "trigger": trigger.id,
                "test": cls.test.id,
                "product_category": cls.category.id,
                "timing": "after",
                "user": cls.manager.id,
            }
        )

    # ------------------------------------------------------------------ flow

    def purchase(self, qty=10.0, price=10.0):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "company_id": self.company.id,
                "picking_type_id": self.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_qty": qty,
                            "price_unit": price,
                            "taxes_id": False,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order

    def validate(self, picking, user=None):
        picking = picking.with_user(user or self.operator)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        return picking.button_validate()

    def receive_to_quality(self, order):
        """Receipt then quality transfer done: the goods sit in the quality
        location, inspected. -> (inspection, storage picking)"""
        receipt = order.picking_ids
        self.validate(receipt)
        quality = receipt.move_ids.move_dest_ids.picking_id
        self.assertEqual(quality.picking_type_id, self.warehouse.qc_type_id)
        self.validate(quality)
        storage = quality.move_ids.move_dest_ids.picking_id
        self.assertEqual(storage.picking_type_id, self.warehouse.store_type_id)
        inspection = self.env["qc.inspection"]._get_existing_inspections(quality.move_ids)
        self.assertEqual(len(inspection), 1)
        return inspection.with_env(self.env), storage

    def answer(self, inspection, ok=True, user=None):
        line = inspection.inspection_lines
        value = line.possible_ql_values.filtered(lambda v: v.ok == ok)
        line.with_user(user or self.operator).qualitative_value = value

    def quants(self, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", self.product.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )
