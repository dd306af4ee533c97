# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from ..tools import identifiers


class TestIdentifiers(BaseCase):
    def test_parse_siren_and_siret(self):
        self.assertEqual(identifiers.parse("334175221"), ("334175221", None))
        self.assertEqual(identifiers.parse("334 175 221 00012"), ("334175221", "00012"))
        self.assertEqual(identifiers.parse("732.829.320.00074"), ("732829320", "00074"))

    def test_parse_refuses_wrong_numbers(self):
        # One digit changed: the Luhn key no longer checks.
        self.assertIsNone(identifiers.parse("334175222"))
        self.assertIsNone(identifiers.parse("33417522100013"))
        # Wrong lengths, letters, nothing.
        for value in ("33417522", "3341752210001", "33417522A", "", None):
            self.assertIsNone(identifiers.parse(value), value)

    def test_made_identifiers_check(self):
        # 3341752 2 -> key 1 (Luhn): the demo company's SIREN.
        self.assertEqual(identifiers.make_siren(33417522), "334175221")
        self.assertEqual(identifiers.make_siret("334175221", 1), "33417522100012")
        for seed in (1, 40000000, 50010477, 99999999):
            siren = identifiers.make_siren(seed)
            self.assertEqual(identifiers.parse(siren), (siren, None))
            for rank in (1, 2, 57):
                siret = identifiers.make_siret(siren, rank)
                self.assertEqual(identifiers.parse(siret), (siren, siret[9:]))

    def test_compact(self):
        self.assertEqual(identifiers.compact(" 334 175.221 "), "334175221")
        self.assertEqual(identifiers.compact("334175221*****"), "334175221*****")
        self.assertIs(identifiers.compact(False), False)
