# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A contract's own "Import Lines": the file "Export Lines" writes, loaded through
the cockpit's contract target (moved from unifyx_pricing's importer)."""

import base64
import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.unifyx_pricing.tests.common import PricingCase


@tagged("post_install", "-at_install")
class TestContractLinesImport(PricingCase):
    def _vals(self, **vals):
        return {
            "name": "C",
            "partner_id": self.customer.id,
            "company_id": self.company.id,
            "line_ids": [
                Command.create(
                    {"product_id": self.product.id, "price_type": "fixed", "fixed_price": 90}
                )
            ],
            **vals,
        }

    def _xlsx(self, rows):
        book = openpyxl.Workbook()
        book.active.append(
            [
                "product",
                "category",
                "price_type",
                "fixed_price",
                "discount",
                "markup",
                "min_qty",
                "uom",
            ]
        )
        for row in rows:
            book.active.append(row)
        out = io.BytesIO()
        book.save(out)
        return base64.b64encode(out.getvalue())

    def _import(self, contract, data, user=None):
        wizard = (
            self.env["unifyx.price.contract.import"]
            .with_user(user or self.manager)
            .create({"contract_id": contract.id, "file": data, "filename": "lines.xlsx"})
        )
        return wizard.action_import()

    def test_import_is_all_or_nothing_and_idempotent(self):
        self.product.default_code = "RAD-A"
        contract = self.env["unifyx.price.contract"].create(self._vals(line_ids=[]))
        good = [
            ["RAD-A", None, "fixed", 90, None, None, 0, None],
            ["RAD-A", None, "fixed", 900, None, None, 1, "Dozens"],
            [None, "Heating T / Radiators T", "discount", None, 10, None, None, None],
        ]
        bad = good + [["NOPE", None, "fixed", 1, None, None, 0, None]]
        with self.assertRaisesRegex(UserError, "NOPE"):
            self._import(contract, self._xlsx(bad))
        self.assertFalse(contract.line_ids)
        self._import(contract, self._xlsx(good))
        self.assertEqual(len(contract.line_ids), 3)
        good[0][3] = 88
        self._import(contract, self._xlsx(good))
        self.assertEqual(len(contract.line_ids), 3, "a rerun updates, never duplicates")
        self.assertEqual(
            contract.line_ids.filtered(
                lambda line: not line.uom_id and line.product_id
            ).fixed_price,
            88,
        )
        # Export then import again: the same lines.
        action = contract.action_export_lines()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        self._import(contract, attachment.datas)
        self.assertEqual(len(contract.line_ids), 3)
        with self.assertRaises(AccessError):
            self._import(contract, self._xlsx(good), user=self.salesperson)
