# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo distributor is what the web client opens and what every later
dashboard shows: these tests check it is complete and that its stock, valuation
and accounting agree."""

from odoo.exceptions import AccessError
from odoo.models import check_method_name
from odoo.tests import TransactionCase, tagged
from odoo.tools import float_compare
from odoo.tools.barcode import check_barcode_encoding

DEMO_LOGINS = {
    "purchaser": "unifyx_base.group_purchaser",
    "purchase_manager": "unifyx_base.group_purchasing_manager",
    "wh_operator": "unifyx_base.group_warehouse_operator",
    "wh_manager": "unifyx_base.group_warehouse_manager",
    "salesperson": "unifyx_base.group_salesperson",
    "salesperson2": "unifyx_base.group_salesperson",
    "sales_manager": "unifyx_base.group_sales_manager",
    "finance": "unifyx_base.group_finance",
    "director": "unifyx_base.group_director",
    "consultant": "unifyx_base.group_consultant",
}


@tagged("post_install", "-at_install")
class TestDemoDistributor(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("unifyx_demo.company_distributor_demo")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.products = cls.env["product.product"].search([("default_code", "=like", "UX-%")])

    def test_company_is_french(self):
        self.assertEqual(self.company.country_id, self.env.ref("base.fr"))
        self.assertEqual(self.company.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(self.company.chart_template, "fr")
        codes = (
            self.env["account.account"]
            .search(
                [
                    ("company_ids", "in", self.company.id),
                    ("code", "in", ["370000", "603700", "607000"]),
                ]
            )
            .mapped("code")
        )
        self.assertCountEqual(codes, ["370000", "603700", "607000"])

    def test_three_warehouses_with_resupply(self):
        warehouses = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)])
        self.assertCountEqual(warehouses.mapped("code"), ["LYO", "PAR", "MRS"])
        lyon = self.env.ref("unifyx_demo.warehouse_lyon_demo")
        for code in ("paris", "marseille"):
            warehouse = self.env.ref("unifyx_demo.warehouse_%s_demo" % code)
            self.assertEqual(warehouse.resupply_wh_ids, lyon)
            self.assertTrue(warehouse.resupply_route_ids, "a resupply route from Lyon")
            shelves = self.env["stock.location"].search(
                [("location_id", "=", warehouse.lot_stock_id.id)]
            )
            self.assertEqual(len(shelves), 4)

    def test_catalogue(self):
        self.assertGreaterEqual(len(self.products), 300)
        self.assertTrue(all(p.is_storable for p in self.products))
        for product in self.products:
            self.assertTrue(check_barcode_encoding(product.barcode, "ean13"), product.barcode)
        uoms = self.products.mapped("uom_id")
        self.assertIn(self.env.ref("uom.product_uom_unit"), uoms)
        self.assertIn(self.env.ref("uom.product_uom_kgm"), uoms)
        box = self.env.ref("unifyx_demo.uom_box_12_demo")
        self.assertIn(box, uoms)
        self.assertEqual(box._compute_quantity(1, self.env.ref("uom.product_uom_unit")), 12)
        self.assertCountEqual(set(self.products.mapped("tracking")), {"none", "lot", "serial"})
        for product in self.products[:50]:
            self.assertTrue(product.seller_ids, product.display_name)
            self.assertTrue(all(s.delay > 0 and s.price > 0 for s in product.seller_ids))

    def test_categories_valued_in_real_time(self):
        categories = self.products.categ_id.with_company(self.company)
        self.assertEqual(set(categories.mapped("property_valuation")), {"real_time"})
        self.assertEqual(set(categories.mapped("property_cost_method")), {"average", "fifo"})
        for category in categories:
            self.assertEqual(category.property_stock_valuation_account_id.code, "370000")

    def test_partners(self):
        vendors = self.env["res.partner"].search(
            [
                ("company_id", "=", self.company.id),
                ("supplier_rank", ">", 0),
                ("is_company", "=", True),
            ]
        )
        self.assertGreaterEqual(len(vendors), 15)
        customers = self.env["res.partner"].search(
            [
                ("company_id", "=", self.company.id),
                ("unifyx_customer_segment_id", "!=", False),
                ("is_company", "=", True),
            ]
        )
        self.assertGreaterEqual(len(customers), 60)
        self.assertEqual(len(customers.unifyx_customer_segment_id), 3)
        self.assertTrue(
            all(c.with_company(self.company).property_payment_term_id for c in customers)
        )
        self.assertTrue(all(c.user_id for c in customers))
        teams = self.env["crm.team"].search([("company_id", "=", self.company.id)])
        self.assertGreaterEqual(len(teams), 2)

    def test_replenishment(self):
        orderpoints = self.env["stock.warehouse.orderpoint"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(orderpoints.warehouse_id), 3)
        mto = self.env.ref("stock.route_warehouse0_mto")
        self.assertTrue(mto.active)
        self.assertTrue(self.products.filtered(lambda p: mto in p.route_ids))

    def test_history(self):
        Picking = self.env["stock.picking"]
        domain = [("company_id", "=", self.company.id)]
        receipts = Picking.search(domain + [("picking_type_code", "=", "incoming")])
        self.assertTrue(receipts.filtered(lambda p: p.state == "done"))
        self.assertTrue(receipts.filtered("backorder_id"), "a receipt backorder")
        deliveries = Picking.search(domain + [("picking_type_code", "=", "outgoing")])
        self.assertGreaterEqual(len(deliveries.filtered(lambda p: p.state == "done")), 10)
        self.assertTrue(
            deliveries.filtered(lambda p: p.backorder_id and p.state != "done"),
            "an open delivery backorder",
        )
        Move = self.env["account.move"]
        self.assertGreaterEqual(
            Move.search_count(
                domain + [("move_type", "=", "out_invoice"), ("state", "=", "posted")]
            ),
            10,
        )
        self.assertTrue(
            Move.search_count(domain + [("move_type", "=", "out_refund"), ("state", "=", "posted")])
        )
        self.assertTrue(
            Move.search_count(domain + [("move_type", "=", "in_invoice"), ("state", "=", "posted")])
        )
        self.assertTrue(
            Move.search_count(domain + [("payment_state", "in", ("paid", "in_payment"))])
        )
        self.assertTrue(
            self.env["stock.move"].search_count(
                domain + [("is_inventory", "=", True), ("state", "=", "done")]
            ),
            "an applied inventory count",
        )
        returns = Picking.search(domain + [("return_id", "!=", False), ("state", "=", "done")])
        self.assertTrue(returns, "a customer return")

    def test_scenario_history(self):
        """The history holds one of each go-live scenario the generator plays."""
        domain = [("company_id", "=", self.company.id)]
        # A call for tenders: three alternatives, one confirmed and received.
        tenders = self.env["purchase.order"].search(domain + [("alternative_po_ids", "!=", False)])
        self.assertEqual(len(tenders), 3)
        self.assertEqual(sorted(tenders.mapped("state")), ["cancel", "cancel", "purchase"])
        best = tenders.filtered(lambda o: o.state == "purchase")
        self.assertEqual(best.picking_ids.state, "done")
        self.assertEqual(
            best.amount_untaxed,
            min(tenders.mapped("amount_untaxed")),
            "the cheapest answer is the one confirmed",
        )
        # Paris resupplied from Lyon through transit, both legs done.
        lyon = self.env.ref("unifyx_demo.warehouse_lyon_demo")
        paris = self.env.ref("unifyx_demo.warehouse_paris_demo")
        Picking = self.env["stock.picking"]
        leg_out = Picking.search(
            domain
            + [
                ("location_id", "=", lyon.lot_stock_id.id),
                ("location_dest_id.usage", "=", "transit"),
                ("state", "=", "done"),
            ]
        )
        self.assertTrue(leg_out)
        leg_in = leg_out.move_ids.move_dest_ids.picking_id
        self.assertEqual(leg_in.location_dest_id, paris.lot_stock_id)
        self.assertEqual(leg_in.state, "done")
        # A return to a supplier, credited by the vendor.
        supplier_return = Picking.search(
            domain + [("return_id", "!=", False), ("location_dest_id.usage", "=", "supplier")]
        )
        self.assertEqual(supplier_return.state, "done")
        refund = self.env["account.move"].search(
            domain + [("move_type", "=", "in_refund"), ("state", "=", "posted")]
        )
        self.assertEqual(
            refund.invoice_line_ids.purchase_line_id.order_id.picking_ids.filtered("return_id"),
            supplier_return,
        )
        # Lots and serials received, then delivered.
        for tracking in ("lot", "serial"):
            lines = self.env["stock.move.line"].search(
                domain + [("product_id.tracking", "=", tracking), ("state", "=", "done")]
            )
            self.assertTrue(
                lines.filtered(lambda ml: ml.picking_code == "incoming" and ml.lot_id), tracking
            )
            delivered = lines.filtered(lambda ml: ml.picking_code == "outgoing" and ml.lot_id)
            self.assertTrue(delivered, tracking)
            self.assertEqual(delivered.location_dest_id.mapped("usage"), ["customer"], tracking)

    def test_stock_valuation_equals_stock_account(self):
        """Perpetual valuation: the valuation layers and account 370000 agree."""
        layers = self.env["stock.valuation.layer"].search([("company_id", "=", self.company.id)])
        self.assertTrue(layers)
        stock_value = sum(layers.mapped("value"))
        account = self.env["account.account"].search(
            [("company_ids", "in", self.company.id), ("code", "=", "370000")]
        )
        balance = sum(
            self.env["account.move.line"]
            .search([("account_id", "=", account.id), ("parent_state", "=", "posted")])
            .mapped("balance")
        )
        self.assertGreater(stock_value, 0)
        self.assertEqual(
            float_compare(stock_value, balance, precision_digits=2),
            0,
            f"stock value {stock_value} != account balance {balance}",
        )

    def test_demo_users_log_in_with_documented_passwords(self):
        for login, group in DEMO_LOGINS.items():
            user = self.env["res.users"].search([("login", "=", login)])
            self.assertTrue(user, login)
            self.assertTrue(user.has_group(group), login)
            self.assertEqual(user.company_id, self.company)
            user.with_user(user)._check_credentials(
                {"type": "password", "login": login, "password": login}, {"interactive": False}
            )

    def test_generator_not_callable_over_rpc(self):
        with self.assertRaises(AccessError):
            check_method_name("_generate_demo_distributor")
