# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form

from odoo.addons.unifyx_base.tests.common import UnifyxCompanyCase


class TestPartnerSiren(UnifyxCompanyCase):
    """SIREN/SIRET checks through the ORM (OCA l10n_fr_siret's checks, the
    separators compacted first) and the duplicate warning of the form."""

    def _partner(self, **vals):
        vals = {
            "name": "Client SIREN",
            "is_company": True,
            "country_id": self.env.ref("base.fr").id,
            "company_id": self.company.id,
            **vals,
        }
        return self.env["res.partner"].with_user(self.users["sales_manager"]).create(vals)

    def test_valid_siren_and_siret(self):
        partner = self._partner(siren="334 175 221", nic="00012")
        self.assertEqual(
            (partner.siren, partner.nic, partner.siret), ("334175221", "00012", "33417522100012")
        )
        other = self._partner(name="Client SIRET", siret="732.829.320.00074")
        self.assertEqual((other.siren, other.nic), ("732829320", "00074"))
        other.write({"siret": "73282932000074"})
        self.assertEqual(other.siret, "73282932000074")

    def test_wrong_checksums_refused(self):
        Partner = self.env["res.partner"]
        count = Partner.search_count([("name", "like", "Client SIREN")])
        for vals, text in (
            ({"siren": "334175222"}, "checksum is wrong"),
            ({"siren": "334175221", "nic": "00013"}, "checksum is wrong"),
            ({"siret": "33417522100013"}, "is invalid"),
            ({"siren": "33417522"}, "9 digits"),
        ):
            # Odoo's assertRaises rolls the failed create back, as a request would.
            with self.assertRaises(ValidationError) as caught:
                self._partner(**vals)
            self.assertIn(text, str(caught.exception))
        self.assertEqual(Partner.search_count([("name", "like", "Client SIREN")]), count)
        partner = self._partner(siren="334175221")
        with self.assertRaises(ValidationError) as caught:
            partner.write({"siren": "334 175 222"})
        self.assertIn("checksum is wrong", str(caught.exception))
        self.assertEqual(partner.siren, "334175221")

    def test_vat_must_carry_the_siren(self):
        with self.assertRaises(ValidationError) as caught:
            self._partner(siren="334175221", vat="FR44732829320")
        self.assertIn("not consistent", str(caught.exception))

    def test_duplicate_siren_warns_without_blocking(self):
        first = self._partner(name="Négoce Alpha", siren="334175221")
        user = self.users["sales_manager"]
        form = Form(self.env["res.partner"].with_user(user))
        form.company_type = "company"
        form.name = "Négoce Alpha (doublon)"
        form.country_id = self.env.ref("base.fr")
        form.siren = "334175221"
        self.assertEqual(form.same_siren_partner_ids[:], first)
        duplicate = form.save()  # a warning, not a refusal
        self.assertEqual(duplicate.siren, "334175221")
        self.assertEqual(first.with_user(user).same_siren_partner_ids, duplicate)
        # The banner is translated: OCA's French catalogue, loaded with French.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["l10n_fr_siret"], ["fr_FR"])
        arch = (
            self.env["res.partner"]
            .with_user(user)
            .with_context(lang="fr_FR")
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("Avertissement doublon", arch)

    def test_duplicate_of_another_company_not_shown(self):
        other_company = self.env["res.company"].create({"name": "Autre société"})
        stranger = self.env["res.partner"].create(
            {
                "name": "Négoce Beta",
                "is_company": True,
                "siren": "732829320",
                "company_id": other_company.id,
            }
        )
        mine = self._partner(name="Négoce Beta Lyon", siren="732829320")
        self.assertFalse(mine.with_user(self.users["sales_manager"]).same_siren_partner_ids)
        self.assertEqual(stranger.same_siren_partner_ids, self.env["res.partner"])
        shared = self._partner(name="Négoce Beta partagé", siren="732829320", company_id=False)
        mine.invalidate_recordset()
        self.assertEqual(mine.with_user(self.users["sales_manager"]).same_siren_partner_ids, shared)
