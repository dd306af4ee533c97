# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A contract's own "Import Lines": the file "Export Lines" writes, loaded through
the cockpit's contract target (moved from unifyx_pricing's importer)."""

import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.unifyx_pricing.tests.common import PricingCase
from odoo.addons.unifyx_pricing.tools.spreadsheet import write_rows


@tagged("post_install", "-at_install")
class TestContractLinesImport(PricingCase):
    @staticmethod
    def _xlsx(rows):
        """The file "Export Lines" writes, holding ``rows``."""
        return base64.b64encode(write_rows(rows))

    def _import(self, contract, data, user=None):
        wizard = (
            self.env["unifyx.price.contract.import"]
            .with_user(user or self.manager)
            .create({"contract_id": contract.id, "file": data, "filename": "lines.xlsx"})
        )
        return wizard.action_import()

    def test_import_is_all_or_nothing_and_idempotent(self):
        self.product.default_code = "RAD-A"
        contract = self.env["unifyx.price.contract"].create(
            {"name": "C", "partner_id": self.customer.id, "company_id": self.company.id}
        )
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
