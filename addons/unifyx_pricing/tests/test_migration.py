# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.unifyx_base.tests.common import load_migration

from .common import PricingCase


@tagged("post_install", "-at_install")
class TestMigration(PricingCase):
    def _columns(self):
        self.env.cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                "unifyx_price_contract",
            )
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _indexes(self):
        self.env.cr.execute(
            SQL("SELECT indexname FROM pg_indexes WHERE tablename = %s", "unifyx_price_contract")
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def test_18_0_2_0_0_renames_the_contract_segment(self):
        contract = self._contract(
            [{"categ_id": self.categ.id, "price_type": "discount", "discount": 10}],
            segment=self.segment,
        )
        self.env.flush_all()
        cr = self.env.cr
        # The database as 18.0.1.x left it: the column, its index and foreign
        # key, the field and its xml id are segment_id.
        cr.execute(
            SQL(
                """
                ALTER TABLE unifyx_price_contract RENAME customer_segment_id TO segment_id;
                ALTER INDEX unifyx_price_contract__customer_segment_id_index
                    RENAME TO unifyx_price_contract__segment_id_index;
                ALTER TABLE unifyx_price_contract RENAME CONSTRAINT
                    unifyx_price_contract_customer_segment_id_fkey
                    TO unifyx_price_contract_segment_id_fkey;
                UPDATE ir_model_fields SET name = 'segment_id'
                 WHERE model = 'unifyx.price.contract' AND name = 'customer_segment_id';
                UPDATE ir_model_data SET name = 'field_unifyx_price_contract__segment_id'
                 WHERE module = 'unifyx_pricing'
                   AND name = 'field_unifyx_price_contract__customer_segment_id';
                """
            )
        )
        self.env["ir.filters"].create(
            {
                "name": "Segment contracts",
                "model_id": "unifyx.price.contract",
                "domain": "[('segment_id', '!=', False)]",
                "context": "{'group_by': ['segment_id']}",
            }
        )
        self.env.flush_all()
        self.assertIn("segment_id", self._columns())
        self.assertNotIn("customer_segment_id", self._columns())

        # What migrate() runs (its decorator wants the migration manager's frame).
        load_migration("unifyx_pricing", "18.0.2.0.0", "pre-migration").rename_fields(self.env)

        columns = self._columns()
        self.assertIn("customer_segment_id", columns)
        self.assertNotIn("segment_id", columns)
        self.assertIn("unifyx_price_contract__customer_segment_id_index", self._indexes())
        cr.execute(
            SQL(
                "SELECT 1 FROM pg_constraint WHERE conname = %s",
                "unifyx_price_contract_customer_segment_id_fkey",
            )
        )
        self.assertTrue(cr.fetchone())
        self.env.invalidate_all()
        self.assertEqual(contract.customer_segment_id, self.segment)
        field = self.env["ir.model.fields"]._get("unifyx.price.contract", "customer_segment_id")
        self.assertTrue(field)
        self.assertEqual(
            self.env.ref("unifyx_pricing.field_unifyx_price_contract__customer_segment_id"), field
        )
        saved = self.env["ir.filters"].search([("name", "=", "Segment contracts")])
        self.assertIn("customer_segment_id", saved.domain)
        self.assertNotIn("'segment_id'", saved.context)
        # The segment's contract still prices the segment's customers.
        line = self._order([(self.product, 1, {})], partner=self.other_customer).order_line
        self.assertEqual(line.unifyx_price_contract_line_id, contract.line_ids)
