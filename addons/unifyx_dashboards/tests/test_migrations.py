# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase
from odoo.addons.unifyx_base.tests.common import load_migration, run_migration

# The KPI codes of 18.0.1.0.0, its static selection.
PREVIOUS_KPIS = [
    ("on_time_delivery", "On-time delivery (%)"),
    ("discrepancy_count", "Inventory discrepancy, counted lines (%)"),
    ("discrepancy_value", "Inventory discrepancy, value (%)"),
    ("sale_to_confirm", "Sales: created to confirmed (median days)"),
    ("sale_to_deliver", "Sales: confirmed to delivered (median days)"),
    ("sale_to_invoice", "Sales: delivered to invoiced (median days)"),
    ("purchase_to_confirm", "Purchases: RFQ to confirmed (median days)"),
    ("purchase_to_receive", "Purchases: confirmed to received (median days)"),
    ("purchase_to_bill", "Purchases: received to billed (median days)"),
    ("close_duration", "Month-end close (days)"),
    ("rotation", "Stock rotation"),
    ("slow_moving_value", "Slow-moving stock value"),
    ("open_backorders", "Open backorders"),
]


def run_script(cr, version, name, installed_version):
    run_migration(cr, "unifyx_dashboards", version, name, installed_version)


@tagged("post_install", "-at_install")
class TestMigrationScripts(UnifyxCase):
    def _previous_version_selection(self):
        """The reflection 18.0.1.0.0 left of its static ``kpi`` selection."""
        field = self.env["ir.model.fields"]._get("unifyx.kpi.value", "kpi")
        cr = self.env.cr
        for sequence, (code, label) in enumerate(PREVIOUS_KPIS):
            cr.execute(
                """INSERT INTO ir_model_fields_selection
                          (field_id, value, name, sequence, create_uid, write_uid,
                           create_date, write_date)
                   VALUES (%s, %s, jsonb_build_object('en_US', %s), %s, 1, 1, now(), now())
                   RETURNING id""",
                (field.id, code, label, sequence),
            )
            (res_id,) = cr.fetchone()
            cr.execute(
                """INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
                   VALUES ('unifyx_dashboards', %s, 'ir.model.fields.selection', %s, false)""",
                ("selection__unifyx_kpi_value__kpi__%s" % code, res_id),
            )
        return field

    def test_18_0_2_0_0_kpi_history_kept_with_the_registry(self):
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)])
        # A year of history of every KPI of the previous version, as it stored them.
        Kpi = self.env["unifyx.kpi.value"]
        history = Kpi.create(
            [
                {
                    "kpi": code,
                    "company_id": self.company.id,
                    "warehouse_id": warehouse.id if code == "rotation" else False,
                    "date_from": date(2025, month, 1),
                    "date_to": date(2025, month, 28),
                    "value": month * 10 + index,
                    "numerator": month,
                    "denominator": index + 1,
                }
                for month in (1, 2, 3)
                for index, (code, _label) in enumerate(PREVIOUS_KPIS)
            ]
        )
        before = history.read(["kpi", "warehouse_id", "date_from", "value", "numerator"])
        field = self._previous_version_selection()

        run_script(self.env.cr, "18.0.2.0.0", "pre-migration", "18.0.1.0.0")

        self.env.invalidate_all()
        self.assertFalse(field.selection_ids, "the static selection's reflection is dropped")
        self.assertFalse(
            self.env["ir.model.data"].search_count(
                [
                    ("module", "=", "unifyx_dashboards"),
                    ("model", "=", "ir.model.fields.selection"),
                    ("name", "=like", "selection__unifyx_kpi_value__kpi__%"),
                ]
            )
        )
        after = Kpi.search([("company_id", "=", self.company.id)])
        self.assertEqual(after, history, "no stored value lost")
        self.assertEqual(
            history.read(["kpi", "warehouse_id", "date_from", "value", "numerator"]), before
        )
        # Every code of the previous version is still declared, with its label
        # (addons installed later, such as bill matching, add KPIs of their own).
        declared = dict(Kpi._selection_kpi())
        for code, label in PREVIOUS_KPIS:
            self.assertEqual(declared.get(code), label, code)
        labels = dict(Kpi._fields["kpi"]._description_selection(self.env))
        self.assertEqual({row.kpi: labels[row.kpi] for row in after}, dict(PREVIOUS_KPIS))
        # Run twice (an interrupted update restarted): nothing more happens.
        run_script(self.env.cr, "18.0.2.0.0", "pre-migration", "18.0.1.0.0")
        self.assertEqual(Kpi.search_count([("company_id", "=", self.company.id)]), 39)

    def test_18_0_2_1_0_margin_report_segment_renamed(self):
        """The margin analysis' ``segment_id`` became ``customer_segment_id``:
        the field, its xml id and a saved "group by segment" follow."""
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            """UPDATE ir_model_fields SET name = 'segment_id'
                WHERE model = 'unifyx.margin.report' AND name = 'customer_segment_id';
               UPDATE ir_model_data SET name = 'field_unifyx_margin_report__segment_id'
                WHERE module = 'unifyx_dashboards'
                  AND name = 'field_unifyx_margin_report__customer_segment_id';"""
        )
        saved = self.env["ir.filters"].create(
            {
                "name": "Margin by segment",
                "model_id": "unifyx.margin.report",
                "domain": "[('segment_id', '!=', False)]",
                "context": "{'group_by': ['segment_id']}",
            }
        )
        self.env.flush_all()

        migration = load_migration("unifyx_dashboards", "18.0.2.1.0", "pre-migration")
        migration.rename(self.env)
        migration.rename(self.env)

        self.env.invalidate_all()
        field = self.env["ir.model.fields"]._get("unifyx.margin.report", "customer_segment_id")
        self.assertTrue(field)
        self.assertEqual(
            self.env.ref("unifyx_dashboards.field_unifyx_margin_report__customer_segment_id"), field
        )
        self.assertEqual(saved.domain, "[('customer_segment_id', '!=', False)]")
        self.assertIn("'customer_segment_id'", saved.context)
        self.assertNotIn("'segment_id'", saved.context)
        # The report still groups by the renamed field.
        self.env["unifyx.margin.report"].read_group([], ["quantity"], ["customer_segment_id"])
