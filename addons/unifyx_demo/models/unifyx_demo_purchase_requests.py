# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per theme of the demo (issue 16): the split is on purpose.
# pylint: disable=consider-merging-classes-inherited
"""Purchase requests of the demo distributor (data/demo_purchase_requests.json):
the matrix's request bands, a tender amount, and one request in every state,
played by the demo users: a draft, one waiting for approval, one approved, one
on RFQs, one done (ordered and received), one rejected, and one large enough to
go to a call for tenders."""

import math

from odoo import Command, api, fields, models


class UnifyxDemo(models.AbstractModel):
    _inherit = "unifyx.demo"

    @api.model
    def _demo_purchase_requests(self, company_id):
        company = self.env["res.company"].browse(company_id)
        if self.env.ref("unifyx_demo.purchase_request_draft_demo", raise_if_not_found=False):
            return False
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        data = self._demo_data("purchase_requests")
        company.unifyx_tender_amount = data["tender_amount"]
        for index, band in enumerate(data["bands"]):
            row = self.env["unifyx.approval.matrix"].create(
                {
                    "name": band["name"],
                    "sequence": 60 + index,
                    "document_type": "purchase_request",
                    "company_id": company.id,
                    "amount_min": band.get("amount_min", 0.0),
                    "amount_max": band.get("amount_max", 0.0),
                    "step_ids": [
                        Command.create({"sequence": step, "group_id": self.env.ref(group).id})
                        for step, group in enumerate(band["steps"], start=1)
                    ],
                }
            )
            self._demo_xmlid("approval_matrix_request_%s_demo" % index, row)
        products = self._demo_request_products(company)
        lyon = self.env.ref("unifyx_demo.warehouse_lyon_demo")
        for spec in data["requests"]:
            request = self._demo_purchase_request(company, lyon, products, spec, data)
            self._demo_xmlid("purchase_request_%s_demo" % spec["key"], request)
        return True

    def _demo_request_products(self, company):
        """Stocked, untracked products bought from one catalogue vendor, not
        replenished by requests."""
        sellers = self.env["product.supplierinfo"].search(
            [("company_id", "in", (False, company.id)), ("price", ">", 0)], order="id"
        )
        products = self.env["product.product"]
        for seller in sellers:
            product = seller.product_tmpl_id.product_variant_id
            if product.is_storable and product.tracking == "none" and product not in products:
                products |= product
        return products

    def _demo_purchase_request(self, company, warehouse, products, spec, data):
        requester = self.env.ref("unifyx_demo.%s" % spec["requester"])
        manager = self.env.ref("unifyx_demo.user_purchasing_manager_demo")
        finance = self.env.ref("unifyx_demo.user_finance_demo")
        purchaser = self.env.ref("unifyx_demo.user_purchaser_demo")
        lines = []
        for index, qty in spec["lines"]:
            product = products[index]
            if qty == "tender":
                # Enough units for the estimate to reach the tender amount.
                price = product.seller_ids[:1].price
                qty = math.ceil(data["tender_amount"] / price) + 1
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "product_qty": qty,
                        "product_uom_id": product.uom_po_id.id,
                        "date_required": fields.Date.add(fields.Date.today(), days=10),
                    }
                )
            )
        request = (
            self.env["purchase.request"]
            .with_user(requester)
            .create(
                {
                    "description": spec["reason"],
                    "company_id": company.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "line_ids": lines,
                }
            )
        )
        if spec["state"] == "draft":
            return request
        request.with_user(requester).button_to_approve()
        if spec["state"] == "to_approve":
            return request
        for approver in (manager, finance):
            self._demo_decide(
                request, approver, "reject" if spec["state"] == "rejected" else "validate"
            )
        if spec["state"] in ("approved", "rejected"):
            return request
        request.with_user(purchaser).action_unifyx_create_purchases()
        if spec["state"] == "done":
            orders = request.unifyx_order_ids
            orders.with_user(purchaser).button_confirm()
            self._demo_receive(orders.picking_ids)
            request.with_user(purchaser).button_done()
        return request

    def _demo_decide(self, request, user, decision):
        """``user`` validates or rejects as in the web client (the comment wizard)."""
        record = request.with_user(user)
        if not record._unifyx_reviews_to_decide():
            return
        action = record.validate_tier() if decision == "validate" else record.reject_tier()
        if isinstance(action, dict):
            wizard = record.env["comment.wizard"].with_context(**action["context"])
            wizard.create({"comment": "OK" if decision == "validate" else "Not now"}).add_comment()
        request.invalidate_recordset()
