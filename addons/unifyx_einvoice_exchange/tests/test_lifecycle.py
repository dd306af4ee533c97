# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.tests import BaseCase

from ..tools.lifecycle import ACCEPTED, KEYS, parse_status_message, status_key


class TestLifecycle(BaseCase):
    def test_status_by_key_or_reform_code(self):
        self.assertEqual(status_key("200"), "deposited")
        self.assertEqual(status_key("205"), "approved")
        self.assertEqual(status_key("210"), "refused")
        self.assertEqual(status_key("212"), "paid")
        self.assertEqual(status_key(" Disputed "), "disputed")
        with self.assertRaises(ValueError):
            status_key("299")
        self.assertEqual(len(KEYS), 14)
        self.assertTrue(set(ACCEPTED) <= set(KEYS))

    def test_parse_one_or_many(self):
        one = parse_status_message(json.dumps({"ref": "INV_1-7", "status": "207", "reason": "qty"}))
        self.assertEqual(
            one, [{"ref": "INV_1-7", "status": "disputed", "date": "", "reason": "qty"}]
        )
        many = parse_status_message(
            json.dumps(
                [
                    {"ref": 1, "status": "approved", "date": "2026-12-01T10:00:00"},
                    {"ref": "2", "status": "211"},
                ]
            )
        )
        self.assertEqual([m["status"] for m in many], ["approved", "payment_sent"])
        self.assertEqual(many[0]["ref"], "1")
        with self.assertRaises(ValueError):
            parse_status_message(json.dumps({"status": "205"}))
        with self.assertRaises(ValueError):
            parse_status_message(b"not json")
