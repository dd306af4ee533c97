# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo import Command
from odoo.tests import tagged

from .common import UnifyxCase

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def load_script(version, name):
    path = MIGRATIONS / version / ("%s.py" % name)
    spec = importlib.util.spec_from_file_location("unifyx_mig_%s" % version.replace(".", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrations(UnifyxCase):
    def test_18_0_1_1_0_gives_pending_reviews_their_todos(self):
        self.env["unifyx.approval.matrix"].with_user(self.users["consultant"]).create(
            {
                "name": "PO from 1,000",
                "company_id": self.company.id,
                "amount_min": 1000,
                "step_ids": [
                    Command.create(
                        {"group_id": self.env.ref("unifyx_base.group_purchasing_manager").id}
                    )
                ],
            }
        )
        vendor = self.env["res.partner"].create({"name": "Vendor M", "company_id": self.company.id})
        product = self.env["product.product"].create({"name": "Part M", "type": "consu"})
        order = (
            self.env["purchase.order"]
            .with_user(self.users["purchaser"])
            .create(
                {
                    "partner_id": vendor.id,
                    "company_id": self.company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "price_unit": 2000, "taxes_id": False}
                        )
                    ],
                }
            )
        )
        order.request_validation()
        # The data as 18.0.1.0.0 left it: a pending review and no to-do.
        review = order.review_ids
        self.assertEqual(review.status, "pending")
        review.sudo().unifyx_activity_ids.unlink()
        self.assertFalse(order.activity_ids)

        load_script("18.0.1.1.0", "post-migration").migrate(self.env.cr, "18.0.1.0.0")

        order.invalidate_recordset()
        self.assertIn(self.users["purchasing_manager"], order.activity_ids.user_id)
        self.assertEqual(
            order.activity_ids.activity_type_id,
            self.env.ref("unifyx_approvals.mail_activity_type_approval"),
        )
        # A fresh install (no previous version) runs nothing.
        review.sudo().unifyx_activity_ids.unlink()
        load_script("18.0.1.1.0", "post-migration").migrate(self.env.cr, None)
        order.invalidate_recordset()
        self.assertFalse(order.activity_ids)

    def test_18_0_1_2_0_gross_amounts_and_snapshots(self):
        self.env["unifyx.approval.matrix"].create(
            {
                "name": "PO from 1,000",
                "company_id": self.company.id,
                "amount_min": 1000,
                "step_ids": [
                    Command.create(
                        {"group_id": self.env.ref("unifyx_base.group_purchasing_manager").id}
                    )
                ],
            }
        )
        vendor = self.env["res.partner"].create({"name": "Vendor G", "company_id": self.company.id})
        product = self.env["product.product"].create({"name": "Part G", "type": "consu"})
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "company_id": self.company.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": p, "taxes_id": False})
                    for p in (20000, -15000)
                ],
            }
        )
        order.request_validation()
        # The data as 18.0.1.1.0 left it: the net amount, no snapshot.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE purchase_order SET unifyx_approval_amount = 5000, "
            "unifyx_approval_snapshot = NULL WHERE id = %s",
            [order.id],
        )
        self.env.invalidate_all()

        load_script("18.0.1.2.0", "post-migration").migrate(self.env.cr, "18.0.1.1.0")

        self.env.invalidate_all()
        self.assertEqual(order.unifyx_approval_amount, 20000)
        self.assertEqual(order.unifyx_approval_snapshot["unifyx_approval_amount"], 20000)
        self.assertEqual(order.unifyx_approval_snapshot["partner_id"], vendor.ids)
