# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PricingCase


@tagged("post_install", "-at_install")
class TestSalePricing(PricingCase):
    def test_customer_contract_before_segment_before_pricelist(self):
        self._contract(
            [{"categ_id": self.parent_categ.id, "price_type": "fixed", "fixed_price": 80}],
            segment=self.segment,
        )
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {}), (self.product_b, 1, {})])
        line_a, line_b = order.order_line
        self.assertEqual((line_a.price_unit, line_a.unifyx_price_source), (90, "contract"))
        self.assertEqual(line_a.unifyx_price_contract_line_id.contract_id.partner_id, self.customer)
        # B is not in the customer's contract: the segment's category line prices it.
        self.assertEqual((line_b.price_unit, line_b.unifyx_price_source), (80, "contract"))
        self.assertIn("Installers T", line_b.unifyx_price_reason)
        # A customer outside the segment gets the pricelist.
        outsider = self.env["res.partner"].create(
            {"name": "Outsider", "company_id": self.company.id}
        )
        line = self._order([(self.product, 1, {})], partner=outsider).order_line
        self.assertEqual((line.price_unit, line.unifyx_price_source), (100, "pricelist"))
        self.assertFalse(line.unifyx_price_contract_line_id)

    def test_product_over_category_deeper_category_over_parent(self):
        self._contract(
            [
                {"categ_id": self.parent_categ.id, "price_type": "discount", "discount": 20},
                {"categ_id": self.categ.id, "price_type": "discount", "discount": 10},
                {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 95},
            ],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {}), (self.product_b, 1, {}), (self.boiler, 1, {})])
        a, b, boiler = order.order_line
        self.assertEqual((a.price_unit, a.discount), (95, 0))
        # A discount on the list price shows as the line's discount.
        self.assertEqual((b.price_unit, b.discount), (100, 10))
        self.assertEqual((boiler.price_unit, boiler.discount), (100, 20))
        self.assertEqual(b.unifyx_price_source, "contract")

    def test_tier_at_the_boundary_quantity(self):
        self._contract(
            [
                {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90},
                {
                    "product_id": self.product.id,
                    "price_type": "fixed",
                    "fixed_price": 85,
                    "min_qty": 10,
                },
            ],
            partner=self.customer,
        )
        order = self._order([(self.product, 9, {}), (self.product, 10, {})])
        self.assertEqual(order.order_line.mapped("price_unit"), [90, 85])
        # Raising the quantity to the tier reprices the line.
        order.order_line[0].with_user(self.salesperson).product_uom_qty = 10
        self.assertEqual(order.order_line[0].price_unit, 85)
        self.assertEqual(order.order_line[0].unifyx_price_source, "contract")

    def test_price_per_box_of_12_applies_to_units(self):
        self._contract(
            [
                {
                    "product_id": self.product.id,
                    "price_type": "fixed",
                    "fixed_price": 960,
                    "uom_id": self.dozen.id,
                    "min_qty": 1,
                }
            ],
            partner=self.customer,
        )
        order = self._order(
            [
                (self.product, 11, {}),
                (self.product, 12, {}),
                (self.product, 1, {"product_uom": self.dozen.id}),
            ]
        )
        under, units, box = order.order_line
        self.assertEqual(under.unifyx_price_source, "pricelist", "tier of one box not reached")
        self.assertEqual(under.price_unit, 100)
        self.assertAlmostEqual(units.price_unit, 80)
        self.assertAlmostEqual(box.price_unit, 960)
        self.assertAlmostEqual(units.price_subtotal, box.price_subtotal)

    def test_validity_first_and_last_day(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        for day, price in (
            (date(2025, 12, 31), 100),
            (date(2026, 1, 1), 90),
            (date(2026, 12, 31), 90),
            (date(2027, 1, 1), 100),
        ):
            line = self._order([(self.product, 1, {})], day=day).order_line
            self.assertEqual(line.price_unit, price, day)

    def test_confirmation_keeps_the_quoted_contract_price(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        # Quoted on the contract's last day, confirmed later (today).
        order = self._order([(self.product, 1, {})], day=date(2026, 12, 31))
        order.with_user(self.salesperson).action_confirm()
        line = order.order_line
        self.assertEqual((line.price_unit, line.unifyx_price_source), (90, "contract"))
        self.assertFalse(order.unifyx_exception_type_ids)

    def test_update_prices_resolves_at_the_new_date(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {})], day=date(2026, 12, 31))
        order.date_order = "2027-01-02 10:00:00"
        order.action_update_prices()
        self.assertEqual(
            (order.order_line.price_unit, order.order_line.unifyx_price_source), (100, "pricelist")
        )

    def test_draft_and_cancelled_contracts_do_not_price(self):
        contract = self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
            activate=False,
        )
        self.assertEqual(self._order([(self.product, 1, {})]).order_line.price_unit, 100)
        contract.with_user(self.manager).action_activate()
        self.assertEqual(self._order([(self.product, 1, {})]).order_line.price_unit, 90)
        contract.with_user(self.manager).action_cancel()
        self.assertEqual(self._order([(self.product, 1, {})]).order_line.price_unit, 100)

    def test_foreign_currency_contract(self):
        self._usd_rate(2.0)
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 180}],
            partner=self.customer,
            currency_id=self.usd.id,
        )
        # 180 USD at 2 USD per EUR = 90 EUR on a EUR order.
        line = self._order([(self.product, 1, {})]).order_line
        self.assertAlmostEqual(line.price_unit, 90)
        # A USD order takes the contract's price as is.
        usd_pricelist = self.env["product.pricelist"].create(
            {"name": "USD T", "currency_id": self.usd.id, "company_id": self.company.id}
        )
        line = self._order([(self.product, 1, {})], pricelist_id=usd_pricelist.id).order_line
        self.assertEqual(line.currency_id, self.usd)
        self.assertAlmostEqual(line.price_unit, 180)

    def test_cost_plus_follows_the_cost(self):
        self._contract(
            [{"categ_id": self.categ.id, "price_type": "cost_plus", "markup": 25}],
            partner=self.customer,
        )
        self.assertAlmostEqual(self._order([(self.product, 1, {})]).order_line.price_unit, 75)
        self.product.with_company(self.company).standard_price = 80
        self.assertAlmostEqual(self._order([(self.product, 1, {})]).order_line.price_unit, 100)

    def test_manual_price_is_recorded_with_who_and_when(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {})])
        line = order.order_line
        self.assertFalse(line.unifyx_price_manual_user_id)
        line.with_user(self.manager).price_unit = 88
        self.assertEqual(line.unifyx_price_source, "manual")
        self.assertEqual(line.unifyx_price_manual_user_id, self.manager)
        self.assertTrue(line.unifyx_price_manual_date)
        self.assertIn(self.manager.name, line.unifyx_price_reason)
        # The manual price survives a quantity change, as in Odoo.
        line.with_user(self.manager).product_uom_qty = 3
        self.assertEqual(line.price_unit, 88)
        # Update prices goes back to the contract and forgets the manual price.
        order.with_user(self.manager).action_update_prices()
        self.assertEqual((line.price_unit, line.unifyx_price_source), (90, "contract"))
        self.assertFalse(line.unifyx_price_manual_user_id)

    def test_typed_discount_on_creation_is_manual(self):
        line = self._order([(self.product, 1, {"discount": 3})]).order_line
        self.assertEqual(line.unifyx_price_source, "manual")
        self.assertEqual(line.unifyx_price_manual_user_id, self.salesperson)
        self.assertAlmostEqual(line.unifyx_extra_discount, 3)

    def test_price_source_cannot_be_written_by_clients(self):
        line = self._order([(self.product, 1, {"discount": 3})]).order_line
        for vals in (
            {"unifyx_price_source": "contract"},
            {"unifyx_resolved_price": 1.0},
            {"unifyx_price_manual_user_id": self.director.id},
        ):
            with self.assertRaises(AccessError):
                line.with_user(self.salesperson).write(vals)
        with self.assertRaises(AccessError):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {
                    "order_id": line.order_id.id,
                    "product_id": self.product.id,
                    "unifyx_resolved_price": 1.0,
                }
            )

    def test_order_creation_form_and_partner_change(self):
        self._contract(
            [{"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}],
            partner=self.customer,
        )
        order = self._order([(self.product, 1, {})], partner=self.other_customer)
        self.assertEqual(order.order_line.price_unit, 100)
        order.partner_id = self.customer
        order.action_update_prices()
        self.assertEqual(order.order_line.price_unit, 90)
        self.assertEqual(order.order_line.unifyx_price_source, "contract")

    def test_pricing_an_order_takes_the_same_queries_for_50_and_500_lines(self):
        self._contract(
            [
                {"categ_id": self.parent_categ.id, "price_type": "discount", "discount": 5},
                {"categ_id": self.categ.id, "price_type": "cost_plus", "markup": 30},
            ],
            partner=self.customer,
        )
        products = self.env["product.product"].create(
            [
                {
                    "name": "Bulk %s" % index,
                    "type": "consu",
                    "categ_id": (self.categ if index % 2 else self.parent_categ).id,
                    "list_price": 10 + index,
                    "standard_price": 5,
                    "taxes_id": False,
                }
                for index in range(500)
            ]
        )
        for product in products[:20]:
            self._contract(
                [{"product_id": product.id, "price_type": "fixed", "fixed_price": 3}],
                partner=self.customer,
            )
        order = self._order(
            [(product, 1 + index % 7, {}) for index, product in enumerate(products)]
        )
        self.assertEqual(set(order.order_line.mapped("unifyx_price_source")), {"contract"})

        def count(lines):
            # Plain ids: an x2many's prefetch set would be lost with the cache.
            lines = lines.browse(lines.ids)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            resolved = self.env["unifyx.price.resolver"]._resolve_rules(lines)
            self.assertEqual(len(resolved), len(lines))
            return self.env.cr.sql_log_count - before

        small, large = count(order.order_line[:50]), count(order.order_line)
        self.assertLessEqual(large, small, "queries grow with the number of lines")
        self.assertLess(large, 20)
