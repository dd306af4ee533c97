# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.unifyx_migration.tests.common import MigrationCase, csv_bytes

HEADERS = ["Code", "Raison sociale", "SIRET", "TVA", "Ville", "Type"]
ROWS = [
    HEADERS,
    ["C100", "Négoce Rhône", "732 829 320 00074", "FR44732829320", "Lyon", "C"],
    ["F200", "Câbles du Forez", "334175221", "", "Saint-Étienne", "F"],
]


class TestPartnerSirenImport(MigrationCase):
    """The partner profile's SIREN/SIRET column: checked, loaded into
    l10n_fr_siret's fields, and a match key."""

    def _partners(self):
        return self.env["res.partner"].search([("ref", "in", ["C100", "F200"])], order="ref")

    def test_siret_column_loads_siren_and_nic(self):
        run = self.run_file(self.profile("partner", "ref"), "tiers.csv", csv_bytes(ROWS))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        customer, vendor = self._partners()
        self.assertEqual(
            (customer.siren, customer.nic, customer.siret, customer.company_registry),
            ("732829320", "00074", "73282932000074", "732829320"),
        )
        self.assertEqual((vendor.siren, vendor.nic), ("334175221", False))
        # A French company's customers, migrated ones too, get Factur-X.
        self.assertEqual(customer.with_company(self.company).invoice_edi_format, "facturx")

    def test_wrong_checksum_refuses_the_file(self):
        rows = [row[:] for row in ROWS]
        rows[2][2] = "334 175 222"  # last digit wrong
        before = self.counts("res.partner")
        run = self.run_file(self.profile("partner", "ref"), "tiers.csv", csv_bytes(rows))
        self.assertEqual(run.state, "failed")
        self.assertEqual(self.counts("res.partner"), before, "nothing loaded")
        error = self.errors(run)
        self.assertEqual((error.row_number, error.original_value), (3, "334 175 222"))
        self.assertIn("Invalid SIREN or SIRET number", error.message)
        # In the consultant's language.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.consultant.lang = "fr_FR"
        french = self.cenv(context=dict(self.cenv.context, lang="fr_FR"))
        run_fr = self.run_file(
            self.profile("partner", "ref", env=french), "tiers.csv", csv_bytes(rows)
        )
        self.assertIn("SIREN ou SIRET invalide", self.errors(run_fr).message)
        # A SIRET whose SIREN is right but NIC key wrong, a SIREN not matching the VAT.
        rows[2][2] = "33417522100013"
        rows[1][2] = "334175221"
        run = self.run_file(self.profile("partner", "ref"), "tiers.csv", csv_bytes(rows))
        self.assertEqual(run.state, "failed")
        self.assertEqual(sorted(self.errors(run).mapped("row_number")), [2, 3])
        self.assertEqual(self.counts("res.partner"), before)

    def test_siren_match_key_rerun_changes_nothing(self):
        self.run_file(self.profile("partner", "ref"), "tiers.csv", csv_bytes(ROWS))
        customer, vendor = self._partners()
        profile = self.profile("partner", "siren")
        self.assertEqual(
            self.env["unifyx.migration.loader"]._target("partner").match_keys,
            ["ref", "vat", "external_id", "name", "siren"],
        )
        # Without the codes: the SIREN finds them (a SIRET's SIREN too).
        rows = [[row[1], row[2], row[4], row[5]] for row in ROWS]
        rows[0] = ["Raison sociale", "SIREN", "Ville", "Type"]
        before = self.counts("res.partner")
        run = self.run_file(profile, "tiers.csv", csv_bytes(rows))
        self.assertEqual(run.state, "done", self.errors(run).mapped("message"))
        self.assertEqual((run.count_create, run.count_update, run.count_unchanged), (0, 0, 2))
        self.assertEqual(self.counts("res.partner"), before)
        # A renamed company is still the same partner.
        rows[2][0] = "Câbles du Forez SAS"
        run = self.run_file(profile, "tiers.csv", csv_bytes(rows))
        self.assertEqual((run.count_create, run.count_update), (0, 1))
        self.assertEqual(vendor.name, "Câbles du Forez SAS")
        self.assertEqual(self._partners(), customer | vendor)
