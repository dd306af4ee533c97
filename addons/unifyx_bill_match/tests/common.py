# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from pathlib import Path

from odoo import Command, fields

from odoo.addons.unifyx_approvals.tests.common import decide, matrix_row
from odoo.addons.unifyx_margin.tests.common import MarginCase

FILES = Path(__file__).parent / "files"
UBL_VENDOR_VAT = "FR44732829320"


class BillMatchCase(MarginCase):
    """MarginCase's company (generic chart, real-time valuation, role users)
    matching its bills: 2 % and 50.00 on a line's price, nothing over the
    received quantity, 100.00 over a bill. A 20 % purchase tax; the vendor of
    the shipped UBL file with its product codes; a matrix row sending every
    held bill to finance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "unifyx_bill_match": True,
                "unifyx_bill_price_tolerance_percent": 2.0,
                "unifyx_bill_price_tolerance_amount": 50.0,
                "unifyx_bill_quantity_tolerance_percent": 0.0,
                "unifyx_bill_total_tolerance_amount": 100.0,
            }
        )
        cls.purchaser = cls.users["purchaser"]
        cls.finance = cls.users["finance"]
        cls.purchase_tax = cls.env["account.tax"].create(
            {
                "name": "TVA 20 % achats",
                "amount": 20.0,
                "amount_type": "percent",
                "type_tax_use": "purchase",
                "company_id": cls.company.id,
            }
        )
        cls.journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "purchase")], limit=1
        )
        cls.ubl_vendor = cls.env["res.partner"].create(
            {
                "name": "Fournitures Electriques du Rhone",
                "is_company": True,
                "vat": UBL_VENDOR_VAT,
                "country_id": cls.env.ref("base.fr").id,
                "company_id": cls.company.id,
            }
        )
        for product, code in ((cls.product_avco, "FER-DJ16C"), (cls.product_fifo, "FER-CC22")):
            cls.env["product.supplierinfo"].create(
                {
                    "partner_id": cls.ubl_vendor.id,
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "product_code": code,
                    "price": 10.0,
                    "company_id": cls.company.id,
                }
            )
        cls.bill_types = cls.env["unifyx.approval.exception.type"].search(
            [("code", "in", ("bill_price_gap", "bill_quantity_gap", "bill_without_po"))]
        )
        cls.matrix = matrix_row(
            cls.env,
            cls.company,
            "unifyx_base.group_finance",
            document_type="vendor_bill",
            name="Held vendor bills",
            exception_type_ids=[Command.set(cls.bill_types.ids)],
        )

    # ------------------------------------------------------------- purchases

    def purchase(self, lines, vendor=None, **vals):
        """A confirmed purchase order; lines: [(product, qty, unit price)]."""
        order = self.env["purchase.order"].create(
            {
                "partner_id": (vendor or self.vendor).id,
                "company_id": self.company.id,
                **vals,
                "order_line": [
                    Command.create(
                        {"product_id": p.id, "product_qty": q, "price_unit": u, "taxes_id": False}
                    )
                    for p, q, u in lines
                ],
            }
        )
        order.button_confirm()
        return order

    def receive_po(self, order, quantities=None):
        """Validate the open receipt of ``order``: {product: qty} (a backorder
        keeps the rest), everything when None."""
        picking = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        for move in picking.move_ids:
            move.quantity = (
                move.product_uom_qty if quantities is None else quantities.get(move.product_id, 0)
            )
            move.picked = True
        res = picking.button_validate()
        if isinstance(res, dict) and res.get("res_model") == "stock.backorder.confirmation":
            wizard = self.env["stock.backorder.confirmation"].with_context(**res["context"])
            wizard.create({"pick_ids": [Command.set(picking.ids)]}).process()
        return picking

    def bill(self, order, changes=None):
        """A draft bill of ``order`` as Odoo makes it (its lines at the quantities
        received and not billed), dated today; changes: {product: {field: value}}."""
        action = order.action_create_invoice()
        bill = self.env["account.move"].browse(action["res_id"])
        bill.invoice_date = fields.Date.today()
        for line in bill.invoice_line_ids:
            if changes and line.product_id in changes:
                line.write(changes[line.product_id])
        return bill

    def hand_bill(self, vendor, lines):
        """A draft bill typed by hand, without purchase order: [(product, qty, price)]."""
        return self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": vendor.id,
                "company_id": self.company.id,
                "journal_id": self.journal.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": p.id, "quantity": q, "price_unit": u, "tax_ids": False}
                    )
                    for p, q, u in lines
                ],
            }
        )

    def upload(self, content, filename, user=None):
        """Upload a file on the purchase journal as the dashboard does; the bills."""
        env = self.env(user=user) if user else self.env
        attachment = env["ir.attachment"].create(
            {"name": filename, "raw": content, "mimetype": "application/xml"}
        )
        journal = self.journal.with_env(env).with_context(default_move_type="in_invoice")
        return journal._create_document_from_attachment(attachment.ids)

    def ubl_file(self):
        return (FILES / "vendor_invoice_ubl_bis3.xml").read_bytes()

    def approve(self, bill, user=None, decision="validate"):
        decide(bill.unifyx_review_id, user or self.finance, decision=decision)
        bill.invalidate_recordset()
        return bill

    @staticmethod
    def b64(content):
        return base64.b64encode(content)
