# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The three-way match of a vendor bill: each line to its purchase order line
(product, vendor's product code, order reference, then price), its price to the
order's, its quantity to what was received and not billed yet; within the
tolerances the bill is posted, outside them it is held for approval."""

import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

from ..tools.tolerance import NO_PO, PRICE, QUANTITY, LineGap, bill_reasons
from .match_flow import match_flow

_logger = logging.getLogger(__name__)


# One _inherit per concern, on purpose.
# pylint: disable=consider-merging-classes-inherited
class AccountMove(models.Model):
    _inherit = "account.move"

    # -- entry points ---------------------------------------------------------------

    def _unifyx_match_and_post(self, auto=False):
        """Match these draft bills; post those within tolerance (``auto``: without
        anyone's click, as the import's last step), hold the others."""
        for bill in self:
            if bill.state != "draft" or bill.unifyx_match_state == "held":
                continue
            reasons = bill._unifyx_match()
            if reasons:
                bill._unifyx_hold()
            elif auto:
                bill._unifyx_auto_post()
            else:
                with match_flow():
                    bill.write({"unifyx_match_state": "matched"})
                    bill._post(soft=False)
        return True

    def action_unifyx_match(self):
        """The Match button: show the differences without posting."""
        for bill in self.filtered(lambda m: m.state == "draft" and m._unifyx_needs_match()):
            bill._unifyx_held()._unifyx_refuse_held(self.env._("matched again"))
            bill._unifyx_match()
        return True

    def action_unifyx_reopen_match(self):
        """Take a held bill out of its review to correct it (the vendor sends a
        corrected invoice): it is matched again when confirmed."""
        self.check_access("write")
        self._unifyx_held()._unifyx_cancel_review()
        return True

    def _find_and_set_purchase_orders(
        self, po_references, partner_id, amount_total, from_ocr=False, timeout=10
    ):
        """Odoo's import replaces an e-invoice's lines by the order's when the
        totals agree, at the quantities received: the vendor's own quantities and
        prices, what the match compares, would be lost. A bill to match keeps
        its lines; the match links them to the order lines."""
        if self._unifyx_needs_match() and not from_ocr:
            return
        return super()._find_and_set_purchase_orders(
            po_references, partner_id, amount_total, from_ocr=from_ocr, timeout=timeout
        )

    # -- the match --------------------------------------------------------------------

    def _unifyx_match(self):
        """Link the lines to purchase order lines, write the match lines and
        the bill's gaps; return the set of reasons the bill is held for."""
        self.ensure_one()
        with match_flow():
            self._unifyx_link_purchase_lines()
            rows, reasons = self._unifyx_match_rows()
            self.unifyx_match_line_ids.sudo().unlink()
            lines = self.env["unifyx.bill.match.line"].sudo().create(rows)
            self.sudo().write(
                {
                    "unifyx_gap_price": PRICE in reasons,
                    "unifyx_gap_quantity": QUANTITY in reasons,
                    "unifyx_without_po": NO_PO in reasons,
                    "unifyx_gap_amount": sum(lines.mapped("gap_amount")),
                }
            )
        return reasons

    def _unifyx_product_lines(self):
        return self.invoice_line_ids.filtered(
            lambda line: (
                line.display_type == "product"
                and not float_is_zero(
                    line.price_subtotal, precision_rounding=self.currency_id.rounding
                )
            )
        )

    def _unifyx_link_purchase_lines(self):
        """Complete what Odoo's import did not: the product from the vendor's
        code (its vendor prices), the purchase order line from the product and
        the order the vendor names (line or bill), else any open order of the
        vendor; the line with quantity still to bill and the closest price first."""
        self.ensure_one()
        vendor = self.partner_id.commercial_partner_id
        for line in self._unifyx_product_lines().filtered(lambda aml: not aml.purchase_line_id):
            if not line.product_id and line.unifyx_vendor_product_code and vendor:
                info = (
                    self.env["product.supplierinfo"]
                    .sudo()
                    .search(
                        [
                            ("partner_id", "child_of", vendor.id),
                            ("product_code", "=", line.unifyx_vendor_product_code),
                            ("company_id", "in", [False, self.company_id.id]),
                        ],
                        limit=1,
                    )
                )
                product = info.product_id or info.product_tmpl_id.product_variant_id
                if product:
                    # The match completes the import: not the user's own edit.
                    line.sudo().product_id = product
            if not line.product_id or not vendor:
                continue
            candidates = (
                self.env["purchase.order.line"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", self.company_id.id),
                        ("order_id.state", "in", ("purchase", "done")),
                        ("partner_id", "child_of", vendor.id),
                        ("product_id", "=", line.product_id.id),
                        ("display_type", "=", False),
                    ],
                    order="id",
                )
            )
            refs = {
                ref.strip()
                for ref in (line.unifyx_order_reference or self.invoice_origin or "").split(",")
                if ref.strip()
            }
            named = candidates.filtered(
                lambda pol, refs=refs: pol.order_id.name in refs or pol.order_id.partner_ref in refs
            )
            candidates = named or candidates
            if not candidates:
                continue
            unit = line.price_subtotal / (line.quantity or 1.0)
            best = min(
                candidates,
                key=lambda pol, unit=unit: (
                    pol.qty_received - pol.qty_invoiced <= 0,
                    abs(pol.price_subtotal / (pol.product_qty or 1.0) - unit),
                    pol.id,
                ),
            )
            line.sudo().purchase_line_id = best

    def _unifyx_match_rows(self):
        """(values of the match lines, reasons the bill is held for)."""
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        tolerance = self.partner_id._unifyx_bill_tolerance(company)
        date = self.invoice_date or self.date
        billed_here = defaultdict(float)
        gaps, rows = [], []
        for line in self._unifyx_product_lines():
            row = {
                "move_id": self.id,
                "move_line_id": line.id,
                "product_id": line.product_id.id,
                "name": line.name,
            }
            pol = line.purchase_line_id
            if not pol or line.quantity <= 0:
                if line.price_subtotal > 0:
                    row.update(
                        reason_no_po=True,
                        qty_billed=line.quantity,
                        price_billed=self.currency_id._convert(
                            line.price_subtotal / (line.quantity or 1.0), currency, company, date
                        ),
                        gap_amount=abs(line.balance),
                    )
                    rows.append(row)
                continue
            qty = line.product_uom_id._compute_quantity(line.quantity, pol.product_uom)
            base = pol.qty_received if pol.qty_received_method == "stock_moves" else pol.product_qty
            other_bills = pol.invoice_lines.filtered(
                lambda aml: (
                    aml.move_id != self
                    and (aml.parent_state == "posted" or aml.move_id.unifyx_match_state == "held")
                )
            )
            billed_elsewhere = sum(
                (1 if aml.move_id.move_type == "in_invoice" else -1)
                * aml.product_uom_id._compute_quantity(aml.quantity, pol.product_uom)
                for aml in other_bills
            )
            gap = LineGap(
                ordered_price=pol.currency_id._convert(
                    pol.price_subtotal / (pol.product_qty or 1.0), currency, company, date
                ),
                billed_price=self.currency_id._convert(
                    line.price_subtotal / (qty or 1.0), currency, company, date
                ),
                billed_qty=qty,
                billable_qty=base - billed_elsewhere - billed_here[pol.id],
            )
            billed_here[pol.id] += qty
            gaps.append((gap, row))
            row.update(
                purchase_line_id=pol.id,
                qty_billed=qty,
                qty_received=pol.qty_received,
                qty_billable=gap.billable_qty,
                qty_gap=gap.quantity_gap,
                price_ordered=gap.ordered_price,
                price_billed=gap.billed_price,
                price_gap=gap.price_gap,
                price_gap_percent=gap.price_gap_percent,
                price_gap_amount=currency.round(gap.price_gap_amount),
                quantity_gap_amount=currency.round(gap.quantity_gap_amount),
                gap_amount=currency.round(gap.price_gap_amount + gap.quantity_gap_amount),
            )
            rows.append(row)
        line_reasons = bill_reasons([g for g, _row in gaps], tolerance, currency.rounding)
        reasons = {NO_PO} if any(r.get("reason_no_po") for r in rows) else set()
        if not rows:
            reasons.add(NO_PO)
        for (_gap, row), found in zip(gaps, line_reasons, strict=True):
            row.update(reason_price=PRICE in found, reason_quantity=QUANTITY in found)
            reasons |= found
        return rows, reasons

    # -- outcomes ---------------------------------------------------------------------

    def _unifyx_auto_post(self):
        """Post without a click; a bill Odoo refuses to post (no bill date, a
        lock date) stays a draft with the reason in its chatter: the import
        itself must not fail."""
        self.ensure_one()
        try:
            # The match decides, not the importing user's rights (a purchaser
            # uploading, the mail gateway).
            with self.env.cr.savepoint(), match_flow():
                bill = self.sudo()
                bill.write({"unifyx_match_state": "matched", "unifyx_auto_posted": True})
                bill._post(soft=False)
        except (UserError, ValidationError) as error:
            _logger.info("Matched bill %s not posted: %s", self.id, error)
            self.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._("Matched with its purchase order within tolerance, but not posted:"),
                    str(error),
                )
            )
        return True

    def _unifyx_hold(self):
        """Held: a review of the differences goes to the approval matrix."""
        self.ensure_one()
        with match_flow():
            review = (
                self.env["unifyx.bill.review"]
                .sudo()
                .create(
                    {
                        "move_id": self.id,
                        "company_id": self.company_id.id,
                        "user_id": self.env.user.id,
                    }
                )
            )
            self.unifyx_match_line_ids.sudo().write({"review_id": review.id})
            self.sudo().write({"unifyx_match_state": "held", "unifyx_review_id": review.id})
        review.request_validation()
        self.message_post(
            body=self.env._(
                "Held by the three-way match: %(reasons)s. It goes to approval (%(review)s).",
                reasons=review.reasons,
                review=review.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return review

    def _unifyx_cancel_review(self):
        with match_flow():
            self.unifyx_review_id.sudo()._unifyx_set_state("cancel")
            self.sudo().write({"unifyx_match_state": False, "unifyx_review_id": False})
        return True

    def _unifyx_release(self):
        """Approved: post the bill as it was held."""
        with match_flow():
            self.sudo().write({"unifyx_match_state": "released"})
            self.sudo()._post(soft=False)
        return True
