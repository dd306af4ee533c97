# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.unifyx_base.tests.common import run_migration

from .common import UnifyxCase, matrix_row, purchase_order


def migrate(cr, version, installed_version):
    """Run unifyx_approvals' post-migration script of ``version`` on a database
    of ``installed_version``."""
    run_migration(cr, "unifyx_approvals", version, "post-migration", installed_version)


@tagged("post_install", "-at_install")
class TestMigrations(UnifyxCase):
    def _matrix_from_1000(self, env):
        matrix_row(
            env,
            self.company,
            "unifyx_base.group_purchasing_manager",
            name="PO from 1,000",
            amount_min=1000,
        )

    def test_18_0_1_1_0_gives_pending_reviews_their_todos(self):
        self._matrix_from_1000(self.env(user=self.users["consultant"]))
        vendor = self.env["res.partner"].create({"name": "Vendor M", "company_id": self.company.id})
        product = self.env["product.product"].create({"name": "Part M", "type": "consu"})
        order = purchase_order(self.env, self.users["purchaser"], vendor, product, 2000)
        order.request_validation()
        # The data as 18.0.1.0.0 left it: a pending review and no to-do.
        review = order.review_ids
        self.assertEqual(review.status, "pending")
        review.sudo().unifyx_activity_ids.unlink()
        self.assertFalse(order.activity_ids)

        migrate(self.env.cr, "18.0.1.1.0", "18.0.1.0.0")

        order.invalidate_recordset()
        self.assertIn(self.users["purchasing_manager"], order.activity_ids.user_id)
        self.assertEqual(
            order.activity_ids.activity_type_id,
            self.env.ref("unifyx_approvals.mail_activity_type_approval"),
        )
        # A fresh install (no previous version) runs nothing.
        review.sudo().unifyx_activity_ids.unlink()
        migrate(self.env.cr, "18.0.1.1.0", None)
        order.invalidate_recordset()
        self.assertFalse(order.activity_ids)

    def test_18_0_1_2_0_gross_amounts_and_snapshots(self):
        self._matrix_from_1000(self.env)
        vendor = self.env["res.partner"].create({"name": "Vendor G", "company_id": self.company.id})
        product = self.env["product.product"].create({"name": "Part G", "type": "consu"})
        order = purchase_order(self.env, None, vendor, product, 20000, -15000)
        order.request_validation()
        # The data as 18.0.1.1.0 left it: the net amount, no snapshot.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE purchase_order SET unifyx_approval_amount = 5000, "
            "unifyx_approval_snapshot = NULL WHERE id = %s",
            [order.id],
        )
        self.env.invalidate_all()

        migrate(self.env.cr, "18.0.1.2.0", "18.0.1.1.0")

        self.env.invalidate_all()
        self.assertEqual(order.unifyx_approval_amount, 20000)
        self.assertEqual(order.unifyx_approval_snapshot["unifyx_approval_amount"], 20000)
        self.assertEqual(order.unifyx_approval_snapshot["partner_id"], vendor.ids)
