# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.unifyx_approvals.tests.common import decide


class DemoCompanyCase(TransactionCase):
    """Scenarios played on the demo distributor by its demo users (one per
    role), in the demo company, with its Lyon and Paris warehouses and its stock
    account 370000. Needs the suite's demo data."""

    DEMO_LOGINS = (
        "salesperson",
        "sales_manager",
        "purchaser",
        "purchase_manager",
        "wh_operator",
        "wh_manager",
        "finance",
        "consultant",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("unifyx_demo.company_distributor_demo")
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                allowed_company_ids=cls.company.ids,
                tracking_disable=True,
                skip_sms=True,
            )
        )
        cls.user = {
            login: cls.env["res.users"].search([("login", "=", login)]) for login in cls.DEMO_LOGINS
        }
        cls.lyon = cls.env.ref("unifyx_demo.warehouse_lyon_demo")
        cls.paris = cls.env.ref("unifyx_demo.warehouse_paris_demo")
        cls.stock_account = cls.env["account.account"].search(
            [("code", "=", "370000"), ("company_ids", "in", cls.company.id)]
        )
        cls.customer = cls.env["res.partner"].search([("name", "=", "SARL Confort Lyon 3")])
        cls.unit = cls.env.ref("uom.product_uom_unit")

    def _sale(self, *lines, warehouse=None, login="salesperson"):
        """A quotation of the demo customer from ``warehouse`` (Lyon), made by
        the demo user ``login``. Each line: (product, quantity) or (product,
        quantity, other line values)."""
        return (
            self.env["sale.order"]
            .with_user(self.user[login])
            .create(
                {
                    "partner_id": self.customer.id,
                    "warehouse_id": (warehouse or self.lyon).id,
                    "order_line": [
                        Command.create(
                            {"product_id": line[0].id, "product_uom_qty": line[1]}
                            | (line[2] if len(line) > 2 else {})
                        )
                        for line in lines
                    ],
                }
            )
        )

    def _approve(self, record, login, comment="Agreed"):
        """The demo user ``login`` approves ``record`` with ``comment``."""
        decide(record, self.user[login], comment=comment)

    def _validate(self, picking, user):
        """Validate ``picking`` in full as ``user``."""
        picking = picking.with_user(user)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)
        self.assertEqual(picking.state, "done")
