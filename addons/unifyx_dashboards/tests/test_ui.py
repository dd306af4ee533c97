# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import RoleUsersMixin, UnifyxTourCase

BOARDS = "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"


@tagged("post_install", "-at_install")
class TestBoardsTour(RoleUsersMixin, UnifyxTourCase):
    """The figures the tours look for (static/tests/tours/dashboard_tours.js)
    exist only in this test's company: a board that does not read them, or
    reads another company's, fails the tour."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        company = cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", company.id)])
        # Operations: this month's KPIs, as the nightly refresh stores them.
        today = fields.Date.context_today(cls.env["unifyx.kpi.value"])
        month = (today.replace(day=1), fields.Date.end_of(today, "month"))
        cls.env["unifyx.kpi.value"]._store(
            company,
            *month,
            [
                {"kpi": "on_time_delivery", "value": 87.65, "numerator": 7, "denominator": 8},
                {
                    "kpi": "slow_moving_value",
                    "warehouse_id": warehouse.id,
                    "value": 4321.5,
                    "numerator": 4321.5,
                    "denominator": 3,
                },
            ],
        )
        # Margins: one delivered sale, 10 x 123.40 for a cost of 10 x 100.
        product = cls.env["product.product"].create(
            {"name": "Tour Product", "is_storable": True, "standard_price": 100.0}
        )
        cls.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 10)
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Zeta", "company_id": company.id}
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "company_id": company.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 10,
                            "price_unit": 123.4,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.move_ids.quantity = 10
        order.picking_ids.button_validate()
        line = cls.env["unifyx.margin.report"].search([("order_id", "=", order.id)])
        assert (line.revenue, line.margin) == (1234.0, 234.0), (line.revenue, line.margin)

    def _tour(self, tour, role):
        self.start_tour(BOARDS, tour, login=self.users[role].login)

    def test_each_role_opens_its_boards_with_data(self):
        self._tour("unifyx_boards_warehouse_manager", "warehouse_manager")
        self._tour("unifyx_boards_sales_manager", "sales_manager")
        self._tour("unifyx_boards_finance", "finance")
        self._tour("unifyx_boards_finance", "director")

    def test_refused_roles_see_no_board(self):
        for role in ("salesperson", "purchaser", "warehouse_operator"):
            self._tour("unifyx_boards_refused", role)
