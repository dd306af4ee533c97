# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import fields
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import BillMatchCase

NOVEMBER = (fields.Date.to_date("2026-11-01"), fields.Date.to_date("2026-11-30"))


@tagged("post_install", "-at_install")
class TestMatchRateKpi(BillMatchCase):
    def _bill_for(self, price, date):
        order = self.purchase([(self.product_fifo, 2, 10.0)])
        self.receive_po(order)
        bill = self.bill(order, {self.product_fifo: {"price_unit": price}})
        bill.invoice_date = date
        bill.action_post()
        return bill

    def test_match_rate_against_a_hand_count(self):
        """November: the UBL e-invoice posted without a click, a bill confirmed
        by hand, a held one, a draft nobody confirmed; October: one more e-invoice
        posted without a click. November's rate: 1 of 3 bills, 33.33 %."""
        order = self.purchase(
            [(self.product_avco, 10, 12.0), (self.product_fifo, 5, 10.0)],
            vendor=self.ubl_vendor,
            name="PO-2026-0042",
        )
        self.receive_po(order)
        auto = self.upload(self.ubl_file(), "FER-2026-11873.xml")
        self.assertEqual(auto.invoice_date, fields.Date.to_date("2026-11-20"))
        self.assertTrue(auto.unifyx_auto_posted)
        clicked = self._bill_for(10.0, "2026-11-05")
        held = self._bill_for(14.0, "2026-11-06")
        self.assertEqual((clicked.state, held.unifyx_match_state), ("posted", "held"))
        draft = self.hand_bill(self.vendor, [(self.product_fifo, 1, 10.0)])
        draft.invoice_date = "2026-11-07"
        # October: posted by the import's last step (what an upload ends with).
        october = self.purchase([(self.product_fifo, 1, 10.0)])
        self.receive_po(october)
        october = self.bill(october)
        october.invoice_date = "2026-10-31"
        october._autopost_bill()
        self.assertTrue(october.unifyx_auto_posted)
        Kpi = self.env["unifyx.kpi.value"]
        (row,) = Kpi._kpi_measure("bill_match_rate", self.company, *NOVEMBER)
        self.assertEqual((row["numerator"], row["denominator"]), (1.0, 3.0))
        self.assertAlmostEqual(row["value"], 100.0 / 3)
        Kpi._store(self.company, *NOVEMBER, Kpi._compute(self.company, *NOVEMBER))
        value = Kpi.search(
            [
                ("kpi", "=", "bill_match_rate"),
                ("company_id", "=", self.company.id),
                ("date_from", "=", NOVEMBER[0]),
            ]
        )
        self.assertAlmostEqual(value.value, 33.33, places=2)
        behind = self.env["account.move"].search(value.action_open_records()["domain"])
        self.assertEqual(behind, auto | clicked | held)

    def test_on_the_operations_board(self):
        """The board's KPI table lists every stored KPI, one row each (up to 20)."""
        with open(
            file_path("unifyx_dashboards/data/files/unifyx_operations_dashboard.json")
        ) as board:
            pivot = json.load(board)["pivots"]["1"]
        self.assertEqual(pivot["model"], "unifyx.kpi.value")
        self.assertEqual(pivot["rows"], [{"fieldName": "kpi"}])
        self.assertNotIn("kpi", [leaf[0] for leaf in pivot["domain"]])
        codes = self.env["unifyx.kpi.value"]._kpi_definitions()
        self.assertIn("bill_match_rate", codes)
        self.assertLessEqual(len(codes), 20)
