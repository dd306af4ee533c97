# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..hooks import pre_init_hook
from .common import load_migration


@tagged("post_install", "-at_install")
class TestSegmentRename(TransactionCase):
    """18.0.2.1.0 names the customer's segment ``unifyx_customer_segment_id``:
    a database of the previous version keeps every customer's segment, its saved
    filters follow, and a rerun changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.segment = cls.env["unifyx.customer.segment"].create({"name": "Installers M"})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Customer M", "is_company": True, "unifyx_customer_segment_id": cls.segment.id}
        )

    def _as_previous_version(self, module):
        """The database as ``module`` at 18.0.2.0.0 (or unifyx_approvals before
        it) left it: the column, index, foreign key, field and xml id are
        ``customer_segment_id``; a saved filter groups customers by it."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                ALTER TABLE res_partner RENAME unifyx_customer_segment_id TO customer_segment_id;
                ALTER INDEX res_partner__unifyx_customer_segment_id_index
                    RENAME TO res_partner__customer_segment_id_index;
                ALTER TABLE res_partner RENAME CONSTRAINT
                    res_partner_unifyx_customer_segment_id_fkey
                    TO res_partner_customer_segment_id_fkey;
                UPDATE ir_model_fields SET name = 'customer_segment_id'
                 WHERE model = 'res.partner' AND name = 'unifyx_customer_segment_id';
                UPDATE ir_model_data
                   SET name = 'field_res_partner__customer_segment_id', module = %s
                 WHERE module = 'unifyx_base'
                   AND name = 'field_res_partner__unifyx_customer_segment_id';
                """,
                module,
            )
        )
        self.env["ir.filters"].create(
            {
                "name": "Customers by segment M",
                "model_id": "res.partner",
                "domain": "[('customer_segment_id', '!=', False)]",
                "context": "{'group_by': ['customer_segment_id']}",
            }
        )
        self.env.flush_all()

    def _assert_renamed(self, module):
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                "res_partner",
            )
        )
        columns = {name for (name,) in cr.fetchall()}
        self.assertIn("unifyx_customer_segment_id", columns)
        self.assertNotIn("customer_segment_id", columns)
        cr.execute(
            SQL(
                "SELECT 1 FROM pg_indexes WHERE indexname = %s",
                "res_partner__unifyx_customer_segment_id_index",
            )
        )
        self.assertTrue(cr.fetchone())
        cr.execute(
            SQL(
                "SELECT 1 FROM pg_constraint WHERE conname = %s",
                "res_partner_unifyx_customer_segment_id_fkey",
            )
        )
        self.assertTrue(cr.fetchone())
        self.env.invalidate_all()
        self.assertEqual(self.customer.unifyx_customer_segment_id, self.segment)
        field = self.env["ir.model.fields"]._get("res.partner", "unifyx_customer_segment_id")
        self.assertEqual(
            self.env.ref("%s.field_res_partner__unifyx_customer_segment_id" % module), field
        )
        saved = self.env["ir.filters"].search([("name", "=", "Customers by segment M")])
        self.assertIn("unifyx_customer_segment_id", saved.domain)
        self.assertIn("unifyx_customer_segment_id", saved.context)
        self.assertEqual(self.segment.partner_count, 1)

    def test_upgrade_from_18_0_2_0_0(self):
        self._as_previous_version("unifyx_base")
        migration = load_migration("unifyx_base", "18.0.2.1.0", "pre-migration")
        migration.rename(self.env)
        self._assert_renamed("unifyx_base")
        # A rerun changes nothing.
        migration.rename(self.env)
        self._assert_renamed("unifyx_base")

    def test_install_on_a_database_of_unifyx_approvals(self):
        # Before 18.0.2.0.0 the field was unifyx_approvals': the base's install
        # hook renames it before the base's own field is created empty.
        self._as_previous_version("unifyx_approvals")
        pre_init_hook(self.env)
        self._assert_renamed("unifyx_approvals")
        pre_init_hook(self.env)
        self._assert_renamed("unifyx_approvals")
