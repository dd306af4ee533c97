# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.unifyx_base.models.product_product import COST_GROUP

from .purchase_request import in_state_action

# Worked out on the server: the amount the matrix and the budgets read.
SERVER_FIELDS = {"estimated_cost", "cancelled"}


class PurchaseRequestLine(models.Model):
    """A requested product. Its estimated cost is worked out on the server from
    the vendor prices (``product.supplierinfo``: the preferred vendor's price for
    the quantity and the date needed, else the product's cost); written,
    created or deleted on its own, the line gets its request's "got worse"
    check (``unifyx.approval.line.mixin``)."""

    _name = "purchase.request.line"
    _inherit = ["unifyx.approval.line.mixin", "purchase.request.line"]
    _unifyx_document_field = "request_id"

    date_required = fields.Date(string="Date Needed")
    # OCA's is a plain field anyone may type in: here the server's.
    estimated_cost = fields.Monetary(
        compute="_compute_estimated_cost",
        store=True,
        readonly=True,
        compute_sudo=True,
        groups=COST_GROUP,
        help="The preferred vendor's price (vendor prices) for this quantity at the date "
        "needed, in the company currency; the product's cost when no vendor price applies.",
    )
    unifyx_needs_tender = fields.Boolean(
        string="Call for Tenders",
        compute="_compute_unifyx_needs_tender",
        help="Its category or its estimated cost sends this line to a call for tenders "
        "(purchase settings).",
    )
    unifyx_qty_received = fields.Float(
        string="Received",
        digits="Product Unit of Measure",
        compute="_compute_unifyx_qty_received",
        compute_sudo=True,
    )

    def _fetch_field(self, field):
        # A cost; the approval core and the budgets sum it whoever asks.
        if field.name == "estimated_cost" and not self.env.su:
            return super(PurchaseRequestLine, self.sudo())._fetch_field(field)
        return super()._fetch_field(field)

    @api.depends("product_id", "product_qty", "product_uom_id", "date_required", "company_id")
    def _compute_estimated_cost(self):
        for line in self:
            line.estimated_cost = line._unifyx_estimate()

    def _unifyx_estimate(self):
        self.ensure_one()
        product = self.product_id
        company = self.company_id or self.request_id.company_id or self.env.company
        if not product or not self.product_qty:
            return 0.0
        uom = self.product_uom_id or product.uom_id
        date = self.date_required or fields.Date.context_today(self)
        seller = product.with_company(company)._select_seller(
            quantity=self.product_qty, date=date, uom_id=uom
        )
        if seller:
            # The vendor's price is per unit of its own purchase unit.
            qty = uom._compute_quantity(self.product_qty, seller.product_uom or uom)
            price = seller.price * qty
            return seller.currency_id._convert(price, company.currency_id, company, date)
        qty = uom._compute_quantity(self.product_qty, product.uom_id)
        return product.with_company(company).standard_price * qty

    def _compute_unifyx_needs_tender(self):
        for line in self:
            company = line.company_id or self.env.company
            path = line.product_id.categ_id.parent_path or ""
            by_category = any(
                path.startswith(category.parent_path)
                for category in company.unifyx_tender_category_ids
            )
            threshold = company.unifyx_tender_amount
            line.unifyx_needs_tender = by_category or bool(
                threshold and line.estimated_cost >= threshold
            )

    def _compute_unifyx_qty_received(self):
        for line in self:
            received = 0.0
            for po_line in line.purchase_lines.filtered(lambda pol: pol.state != "cancel"):
                received += po_line.product_uom._compute_quantity(
                    po_line.qty_received, line.product_uom_id or po_line.product_uom
                )
            line.unifyx_qty_received = received

    # -- budgets ----------------------------------------------------------------

    def _unifyx_cost(self):
        self.ensure_one()
        return 0.0 if self.cancelled else max(self.estimated_cost, 0.0)

    def _unifyx_open_qty(self, exclude_order=None):
        """Quantity not yet on a confirmed purchase order (``exclude_order``'s
        lines count as confirmed: the order being checked against the budget)."""
        self.ensure_one()
        ordered = 0.0
        for po_line in self.sudo().purchase_lines:
            if po_line.order_id.state in ("purchase", "done") or (
                exclude_order and po_line.order_id == exclude_order
            ):
                ordered += po_line.product_uom._compute_quantity(
                    po_line.product_qty, self.product_uom_id or po_line.product_uom
                )
        return max(self.product_qty - ordered, 0.0)

    def _unifyx_open_cost(self, exclude_order=None):
        self.ensure_one()
        if not self.product_qty:
            return 0.0
        return self._unifyx_cost() * self._unifyx_open_qty(exclude_order) / self.product_qty

    # -- CRUD -------------------------------------------------------------------

    @api.constrains("product_qty")
    def _check_unifyx_quantity(self):
        for line in self:
            if line.product_qty < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a requested quantity cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )

    def _unifyx_check_server_fields(self, vals_list):
        if self.env.su or in_state_action():
            return
        for vals in vals_list:
            written = SERVER_FIELDS & vals.keys()
            if written:
                raise AccessError(
                    self.env._(
                        "%(fields)s of a purchase request line are worked out by the server "
                        "(cancel a request with its Reject button).",
                        fields=", ".join(sorted(written)),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_server_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._unifyx_check_server_fields([vals])
        return super().write(vals)
