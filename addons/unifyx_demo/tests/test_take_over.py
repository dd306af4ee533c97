# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..hooks import moved_xmlids, take_over


@tagged("post_install", "-at_install")
class TestTakeOver(TransactionCase):
    """A database of 18.0.1.x: the demo records were unifyx_approvals' (and
    unifyx_margin's, ...). The install hook gives them to unifyx_demo, so the
    same records are kept, and a rerun changes nothing."""

    def _as_previous_version(self, name, module):
        record = self.env.ref(f"unifyx_demo.{name}")
        self.env["ir.model.data"].search(
            [("module", "=", "unifyx_demo"), ("name", "=", name)]
        ).write({"module": module})
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        return record

    def test_demo_records_change_hands(self):
        company = self._as_previous_version("company_distributor_demo", "unifyx_approvals")
        product = self._as_previous_version("product_001_demo", "unifyx_approvals")
        floor = self._as_previous_version("margin_floor_company_demo", "unifyx_margin")
        menu = self._as_previous_version("unifyx_barcode_menu", "unifyx_approvals")
        self.assertFalse(
            self.env.ref("unifyx_demo.company_distributor_demo", raise_if_not_found=False)
        )

        moved = take_over(self.env.cr)
        self.env.registry.clear_cache()

        self.assertEqual(
            sorted(moved["unifyx_approvals"]),
            ["company_distributor_demo", "product_001_demo", "unifyx_barcode_menu"],
        )
        self.assertEqual(moved["unifyx_margin"], ["margin_floor_company_demo"])
        self.assertEqual(self.env.ref("unifyx_demo.company_distributor_demo"), company)
        self.assertEqual(self.env.ref("unifyx_demo.product_001_demo"), product)
        self.assertEqual(self.env.ref("unifyx_demo.margin_floor_company_demo"), floor)
        self.assertEqual(self.env.ref("unifyx_demo.unifyx_barcode_menu"), menu)
        self.assertFalse(
            self.env.ref("unifyx_approvals.company_distributor_demo", raise_if_not_found=False)
        )
        # A rerun finds nothing left to move.
        self.assertFalse(any(take_over(self.env.cr).values()))

    def test_every_moved_name_is_defined_here(self):
        names = set(
            self.env["ir.model.data"].search([("module", "=", "unifyx_demo")]).mapped("name")
        )
        for module, moved in moved_xmlids().items():
            self.assertFalse(set(moved) - names, module)

    def test_generator_runs_once(self):
        """On a database that already has the demo (taken over), installing the
        addon does not generate a second distributor."""
        company = self.env.ref("unifyx_demo.company_distributor_demo")
        warehouses = self.env["stock.warehouse"].search_count([])
        products = self.env["product.product"].search_count([])
        self.assertFalse(self.env["unifyx.demo"]._generate_demo_distributor(company.id))
        self.assertEqual(self.env["stock.warehouse"].search_count([]), warehouses)
        self.assertEqual(self.env["product.product"].search_count([]), products)
