# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import QualityMixin


@tagged("post_install", "-at_install")
class TestQualityGate(QualityMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_quality()

    def test_receipt_blocked_by_open_inspection_released_by_pass(self):
        order = self.purchase(qty=10.0)
        inspection, storage = self.receive_to_quality(order)
        self.assertEqual(inspection.state, "ready")
        self.assertEqual(inspection.qty, 10.0)
        self.assertEqual(inspection.unifyx_vendor_id, self.vendor)
        self.assertEqual(inspection.company_id, self.company)
        self.assertEqual(self.quants(self.warehouse.wh_qc_stock_loc_id), 10.0)
        with self.assertRaisesRegex(UserError, "wait for quality control"):
            self.validate(storage)
        # Every path reaches the moves' _action_done, not only the button.
        with self.assertRaisesRegex(UserError, inspection.name):
            storage.move_ids.with_user(self.operator)._action_done()
        self.assertEqual(storage.state, "assigned")
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 0.0)
        # The operator records the answer and submits: a manager decides.
        self.answer(inspection, ok=True)
        inspection.with_user(self.operator).action_confirm()
        self.assertEqual(inspection.state, "waiting")
        with self.assertRaisesRegex(UserError, "wait for quality control"):
            self.validate(storage)
        with self.assertRaises(AccessError):
            inspection.with_user(self.operator).action_approve()
        inspection.with_user(self.manager).action_approve()
        self.assertEqual(inspection.state, "success")
        self.validate(storage)
        self.assertEqual(storage.state, "done")
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 10.0)
        self.assertEqual(self.quants(self.warehouse.wh_qc_stock_loc_id), 0.0)

    def test_manager_confirm_passes_directly(self):
        inspection, storage = self.receive_to_quality(self.purchase(qty=3.0))
        self.answer(inspection, ok=True)
        inspection.with_user(self.manager).action_confirm()
        self.assertEqual(inspection.state, "success")
        self.validate(storage)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 3.0)

    def test_refused_roles_change_nothing(self):
        inspection, storage = self.receive_to_quality(self.purchase(qty=5.0))
        self.answer(inspection, ok=True)
        as_operator = inspection.with_user(self.operator)
        for vals in (
            {"state": "success"},
            {"state": "canceled"},
            {"unifyx_return_picking_id": storage.id},
        ):
            with self.assertRaises(AccessError):
                as_operator.write(vals)
        with self.assertRaises(AccessError):
            as_operator.action_cancel()
        with self.assertRaises(AccessError):
            as_operator.action_unifyx_open_reject()
        with self.assertRaises(AccessError):
            self.env["unifyx.quality.reject"].with_user(self.operator).create(
                {"inspection_id": inspection.id, "quantity": 5.0, "reason": "x"}
            )
        with self.assertRaises(AccessError):
            self.env["qc.inspection"].with_user(self.operator).create(
                {"object_id": "stock.move,%d" % storage.move_ids.id, "state": "success"}
            )
        # Purchasers and salespeople do not reach inspections at all.
        for role in ("purchaser", "salesperson"):
            with self.assertRaises(AccessError):
                inspection.with_user(self.users[role]).read(["state"])
        self.assertEqual(inspection.state, "ready")
        with self.assertRaises(UserError):
            self.validate(storage)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 0.0)

    def test_failed_without_return_still_blocks(self):
        """A failure recorded by OCA's own flow (no rejection yet) holds the goods."""
        inspection, storage = self.receive_to_quality(self.purchase(qty=2.0))
        inspection.sudo().write({"state": "failed"})
        with self.assertRaisesRegex(UserError, "failed and not returned yet"):
            self.validate(storage)

    def test_reject_refuses_bad_input(self):
        inspection, storage = self.receive_to_quality(self.purchase(qty=4.0))
        wizard = self.env["unifyx.quality.reject"].with_user(self.manager)
        for qty, reason in ((0.0, "Scratched"), (5.0, "Scratched"), (2.0, "  ")):
            with self.assertRaises(UserError):
                wizard.create(
                    {"inspection_id": inspection.id, "quantity": qty, "reason": reason}
                ).action_reject()
        self.assertEqual(inspection.state, "ready")
        self.assertFalse(inspection.unifyx_return_picking_id)
        self.assertEqual(storage.move_ids.product_uom_qty, 4.0)

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.operator.lang = "fr_FR"
        inspection, storage = self.receive_to_quality(self.purchase(qty=1.0))
        with self.assertRaisesRegex(
            UserError, "attendent le contrôle qualité(.|\n)*l.inspection %s est" % inspection.name
        ):
            self.validate(storage.with_context(lang="fr_FR"))
        with self.assertRaisesRegex(AccessError, "Seul un responsable d'entrepôt"):
            inspection.with_user(self.operator).with_context(lang="fr_FR").action_cancel()

    def test_no_way_around_the_gate(self):
        """A transfer out of the quality location made by hand, or the storage
        move taken out of its chain, is held too."""
        inspection, storage = self.receive_to_quality(self.purchase(qty=6.0))
        qc_location = self.warehouse.wh_qc_stock_loc_id
        # Taken out of its chain, the storage move still takes the goods from
        # where the inspection holds them.
        storage.move_ids.with_user(self.operator).write({"move_orig_ids": [(5, 0, 0)]})
        with self.assertRaisesRegex(UserError, inspection.name):
            self.validate(storage)
        storage.do_unreserve()
        by_hand = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.int_type_id.id,
                "location_id": qc_location.id,
                "location_dest_id": self.warehouse.lot_stock_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 2.0,
                            "product_uom": self.product.uom_id.id,
                            "location_id": qc_location.id,
                            "location_dest_id": self.warehouse.lot_stock_id.id,
                        },
                    )
                ],
            }
        )
        by_hand.action_confirm()
        with self.assertRaisesRegex(UserError, inspection.name):
            self.validate(by_hand)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 0.0)
        # Once passed, both go.
        self.answer(inspection, ok=True)
        inspection.with_user(self.manager).action_confirm()
        self.validate(by_hand)
        self.assertEqual(self.quants(self.warehouse.lot_stock_id), 2.0)

    def test_vendor_specific_point(self):
        """A point limited to some vendors inspects their goods at the quality
        step too (the vendor is the receipt's, not the quality transfer's)."""
        other_vendor = self.env["res.partner"].create({"name": "Other Valves", "is_company": True})
        trigger = self.env["qc.trigger"].search(
            [("picking_type_id", "=", self.warehouse.qc_type_id.id)]
        )
        for vendor, name in ((self.vendor, "Valves SA audit"), (other_vendor, "Other audit")):
            test = self.test.copy({"name": name})
            self.env["qc.trigger.product_line"].create(
                {
                    "trigger": trigger.id,
                    "test": test.id,
                    "product": self.product.id,
                    "partners": [(6, 0, vendor.ids)],
                    "timing": "after",
                }
            )
        order = self.purchase(qty=2.0)
        self.validate(order.picking_ids)
        quality = order.picking_ids.move_ids.move_dest_ids.picking_id
        self.validate(quality)
        inspections = self.env["qc.inspection"]._get_existing_inspections(quality.move_ids)
        self.assertEqual(
            sorted(inspections.test.mapped("name")), ["Valve aspect", "Valves SA audit"]
        )
        self.assertEqual(inspections.unifyx_vendor_id, self.vendor)
