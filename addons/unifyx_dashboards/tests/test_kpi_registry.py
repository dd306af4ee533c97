# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One declaration per KPI: the selection, the refresh and the drill-down
read it, and an extension of the registry adds a KPI everywhere at once."""

from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCase

from ..tools.kpi import KpiDefinition, measure

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@tagged("post_install", "-at_install")
class TestKpiRegistry(UnifyxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Kpi = cls.env["unifyx.kpi.value"]
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)])

    def test_every_declaration_is_complete(self):
        definitions = self.Kpi._kpi_definitions()
        self.assertEqual(len(definitions), len(self.Kpi._unifyx_kpi_definitions()), "unique codes")
        units = dict(self.Kpi._fields["unit"].selection)
        for code, definition in definitions.items():
            self.assertIn(definition.model, self.env, code)
            Records = self.env[definition.model]
            self.assertTrue(callable(getattr(Records, definition.query_method, None)), code)
            self.assertTrue(callable(getattr(Records, definition.domain_method, None)), code)
            self.assertIn(definition.unit, units, code)
            self.assertIn(definition.direction, ("up", "down", None), code)
        self.assertEqual(
            {code for code, d in definitions.items() if d.snapshot},
            {"slow_moving_value", "open_backorders"},
        )

    def test_drill_down_of_every_kpi(self):
        """Each stored value opens the declared model, filtered by a domain
        that model can search, under the declared label."""
        definitions = self.Kpi._kpi_definitions()
        values = self.Kpi.create(
            [
                {
                    "kpi": code,
                    "company_id": self.company.id,
                    "warehouse_id": self.warehouse.id,
                    "date_from": MARCH[0],
                    "date_to": MARCH[1],
                }
                for code in definitions
            ]
        )
        for value in values:
            definition = definitions[value.kpi]
            action = value.action_open_records()
            self.assertEqual(action["res_model"], definition.model, value.kpi)
            self.assertEqual(action["name"], definition.label, value.kpi)
            self.assertEqual(value.unit, definition.unit, value.kpi)
            self.assertIn(("company_id", "=", self.company.id), action["domain"], value.kpi)
            self.env[action["res_model"]].search(action["domain"])

    def test_labels_are_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        french = dict(self.Kpi.with_context(lang="fr_FR")._selection_kpi())
        english = dict(self.Kpi.with_context(lang="en_US")._selection_kpi())
        self.assertEqual(english["rotation"], "Stock rotation")
        self.assertEqual(set(french), set(english))
        for code, label in english.items():
            self.assertNotEqual(french[code], label, code)

    def test_an_extension_declares_a_kpi_once(self):
        """What another addon does with ``_inherit`` and ``super()``: one
        declaration, and the KPI is in the selection, refreshed, snapshotted
        only in the current period and opened on its records."""
        Model = type(self.Kpi)
        Partner = type(self.env["res.partner"])
        declared = Model._unifyx_kpi_definitions

        def definitions(model):
            return declared(model) + [
                KpiDefinition(
                    "test_partners",
                    "Test: partners of the company",
                    "count",
                    "res.partner",
                    sequence=5,
                    snapshot=True,
                )
            ]

        def query(model, period):
            count = model.env["res.partner"].search_count(
                [("company_id", "=", period.company.id), ("name", "=like", "Registry %")]
            )
            return [measure(count, count, 1)]

        def domain(model, value):
            return [("company_id", "=", value.company_id.id), ("name", "=like", "Registry %")]

        self.env["res.partner"].create(
            [{"name": "Registry %s" % n, "company_id": self.company.id} for n in range(3)]
        )
        with (
            patch.object(Model, "_unifyx_kpi_definitions", definitions, create=False),
            patch.object(Partner, "_unifyx_kpi_test_partners", query, create=True),
            patch.object(Partner, "_unifyx_kpi_test_partners_domain", domain, create=True),
        ):
            self.assertEqual(
                self.Kpi._selection_kpi()[0], ("test_partners", "Test: partners of the company")
            )
            self.Kpi._refresh(self.company, months=2)
            stored = self.Kpi.search(
                [("company_id", "=", self.company.id), ("kpi", "=", "test_partners")]
            )
            today = fields.Date.context_today(self.Kpi)
            # A snapshot: measured in the current period only.
            self.assertEqual(stored.date_from, today.replace(day=1))
            self.assertEqual(stored.value, 3.0)
            self.assertEqual(stored.unit, "count")
            action = stored.action_open_records()
            self.assertEqual(action["name"], "Test: partners of the company")
            partners = self.env[action["res_model"]].search(action["domain"])
            self.assertEqual(len(partners), 3)
