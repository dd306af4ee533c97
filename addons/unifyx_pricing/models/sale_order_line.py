# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.bounds import non_finite

# Set by the pricing itself; never by a client (RPC included).
PROTECTED_FIELDS = {
    "unifyx_price_source",
    "unifyx_price_contract_line_id",
    "unifyx_price_exception_line_id",
    "unifyx_resolved_price",
    "unifyx_resolved_discount",
    "unifyx_price_manual_user_id",
    "unifyx_price_manual_date",
}


# A change of these may change the price, the discount or who set them.
PRICE_FIELDS = {"price_unit", "discount", "product_id", "product_uom", "product_uom_qty"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    unifyx_price_contract_line_id = fields.Many2one(
        "unifyx.price.contract.line",
        string="Contract Line",
        compute="_compute_unifyx_resolution",
        store=True,
        precompute=True,
        readonly=True,
        index="btree_not_null",
    )
    unifyx_price_exception_line_id = fields.Many2one(
        "unifyx.price.exception.line",
        string="Price Exception Line",
        compute="_compute_unifyx_resolution",
        store=True,
        precompute=True,
        readonly=True,
        index="btree_not_null",
    )
    unifyx_resolved_price = fields.Float(
        string="Resolved Price",
        digits="Product Price",
        compute="_compute_unifyx_resolution",
        store=True,
        precompute=True,
        readonly=True,
        help="The unit price the contract, exception or pricelist gives, before discount.",
    )
    unifyx_resolved_discount = fields.Float(
        string="Resolved Discount (%)",
        digits="Discount",
        compute="_compute_unifyx_resolution",
        store=True,
        precompute=True,
        readonly=True,
    )
    unifyx_price_source = fields.Selection(
        [
            ("contract", "Contract"),
            ("exception", "Price exception"),
            ("pricelist", "Pricelist"),
            ("manual", "Manual"),
        ],
        string="Price Source",
        compute="_compute_unifyx_price_source",
        store=True,
        precompute=True,
        readonly=True,
    )
    unifyx_price_reason = fields.Char(
        string="Why This Price", compute="_compute_unifyx_price_reason"
    )
    unifyx_price_manual_user_id = fields.Many2one(
        "res.users", string="Price Set By", readonly=True, copy=False
    )
    unifyx_price_manual_date = fields.Datetime(string="Price Set On", readonly=True, copy=False)
    unifyx_extra_discount = fields.Float(
        string="Discount Granted (%)",
        digits="Discount",
        compute="_compute_unifyx_extra_discount",
        help="How far the net price is below the resolved net price: what the "
        "discount authority of the person who set it must cover.",
    )

    unifyx_discount_alert = fields.Selection(
        [("approve", "Needs approval"), ("block", "Blocked")],
        string="Discount Alert",
        compute="_compute_unifyx_discount_alert",
        help="The discount granted is beyond the limit of whoever set it: the "
        "order needs approval, or cannot be confirmed.",
    )

    # -- computes ----------------------------------------------------------------

    @api.depends(
        "product_id",
        "product_uom",
        "product_uom_qty",
        "order_id.partner_id",
        "order_id.currency_id",
        "order_id.pricelist_id",
        "order_id.company_id",
    )
    def _compute_unifyx_resolution(self):
        # Not on the order date, as Odoo's prices: confirming an order moves
        # its date but keeps its prices; Update Prices resolves again.
        Resolver = self.env["unifyx.price.resolver"]
        ruled = Resolver._resolve(self)
        for line in self:
            if line in ruled:
                (
                    line.unifyx_price_contract_line_id,
                    line.unifyx_price_exception_line_id,
                    line.unifyx_resolved_price,
                    line.unifyx_resolved_discount,
                ) = ruled[line]
                continue
            # Cleared first: Odoo's display price reads them.
            line.unifyx_price_contract_line_id = line.unifyx_price_exception_line_id = False
            line.unifyx_resolved_price, line.unifyx_resolved_discount = Resolver._unruled(line)

    @api.depends(
        "price_unit",
        "discount",
        "unifyx_resolved_price",
        "unifyx_resolved_discount",
        "unifyx_price_contract_line_id",
        "unifyx_price_exception_line_id",
    )
    def _compute_unifyx_price_source(self):
        for line in self:
            if not line.product_id or line.display_type:
                line.unifyx_price_source = False
            elif line._unifyx_is_manual():
                line.unifyx_price_source = "manual"
            elif line.unifyx_price_exception_line_id:
                line.unifyx_price_source = "exception"
            elif line.unifyx_price_contract_line_id:
                line.unifyx_price_source = "contract"
            else:
                line.unifyx_price_source = "pricelist"

    @api.depends("unifyx_price_source", "unifyx_price_manual_user_id")
    @api.depends_context("uid")
    def _compute_unifyx_price_reason(self):
        for line in self:
            line.unifyx_price_reason = self.env["unifyx.price.resolver"]._explain(line)

    @api.depends("price_unit", "discount", "unifyx_resolved_price", "unifyx_resolved_discount")
    def _compute_unifyx_extra_discount(self):
        for line in self:
            line.unifyx_extra_discount = line._unifyx_extra_discount()

    @api.depends(
        "price_unit",
        "discount",
        "unifyx_resolved_price",
        "unifyx_resolved_discount",
        "unifyx_price_manual_user_id",
        "order_id.user_id",
    )
    def _compute_unifyx_discount_alert(self):
        over = self._unifyx_over_limit()
        for line in self:
            line.unifyx_discount_alert = over[line][1] if line in over else False

    @api.onchange("price_unit", "discount")
    def _onchange_unifyx_discount_limit(self):
        """Tell the salesperson at once, not at confirmation. Judged for the
        current user: saving the change makes them its setter."""
        over = self._unifyx_over_limit(user=self.env.user)
        if self not in over:
            return None
        allowed, policy = over[self]
        return self.env["unifyx.discount.limit"]._unifyx_excess_warning(
            self.product_id, self._unifyx_extra_discount(), allowed, policy
        )

    # -- Odoo's price computation --------------------------------------------------

    def _get_display_price_ignore_combo(self):
        if self.unifyx_price_contract_line_id or self.unifyx_price_exception_line_id:
            return self.unifyx_resolved_price
        return super()._get_display_price_ignore_combo()

    def _compute_discount(self):
        # Lines priced by a contract or an exception skip the pricelist
        # lookup (a query per line in Odoo).
        priced = self.filtered(
            lambda line: line.unifyx_price_contract_line_id or line.unifyx_price_exception_line_id
        )
        res = super(SaleOrderLine, self - priced)._compute_discount()
        # One assignment per value: called outside the ORM's recomputation
        # (Update Prices), each assignment is a write.
        by_discount = defaultdict(list)
        for line in priced:
            by_discount[line.unifyx_resolved_discount].append(line.id)
        for discount, ids in by_discount.items():
            priced.browse(ids).discount = discount
        return res

    # -- CRUD: manual prices and protected fields -------------------------------------

    @api.model
    def _unifyx_check_vals(self, vals_list):
        """The price source is the pricing's; a discount beyond 100 % pays the
        customer to take the goods (a negative one is a surcharge, which Odoo
        allows)."""
        for vals in vals_list:
            if PROTECTED_FIELDS & set(vals) and not self.env.su:
                raise AccessError(
                    self.env._("The price source of a sale line is set by the pricing only.")
                )
            if non_finite(vals, ["discount", "price_unit"]):
                raise ValidationError(self.env._("A sale line's price and discount are numbers."))
            discount = vals.get("discount")
            if isinstance(discount, int | float) and discount > 100:
                raise ValidationError(
                    self.env._(
                        "A sale line's discount is at most 100 %% (%(discount)s given).",
                        discount=discount,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_vals(vals_list)
        lines = super().create(vals_list)
        typed = lines.browse(
            line.id
            for line, vals in zip(lines, vals_list, strict=True)
            if "price_unit" in vals or "discount" in vals
        )
        typed.filtered(lambda line: line.unifyx_price_source == "manual")._unifyx_record_manual()
        # A new line beyond the limit on a confirmed order: refused; on an
        # approved one: approve again.
        self.env["sale.order"]._unifyx_on_more_discount(lines, {})
        return lines

    def write(self, vals):
        self._unifyx_check_vals([vals])
        if not PRICE_FIELDS & set(vals):
            return super().write(vals)
        # Only a manual price or discount grants a discount (otherwise 0).
        extra_before = {
            line.id: line._unifyx_extra_discount()
            for line in self
            if line.unifyx_price_source == "manual"
        }
        before = {line.id: (line.price_unit, line.discount) for line in self}
        res = super().write(vals)
        # Authority is the current user's, whatever the context says (a
        # client can send Odoo's sale_write_from_compute): who changes a price
        # or a discount, or makes the line grant more, has set it.
        manual = self.filtered(lambda line: line.unifyx_price_source == "manual")
        manual.filtered(
            lambda line: (
                before[line.id] != (line.price_unit, line.discount)
                or line._unifyx_extra_discount() > extra_before.get(line.id, 0.0) + 1e-4
            )
        )._unifyx_record_manual()
        (self - manual).filtered("unifyx_price_manual_user_id")._unifyx_record_manual(clear=True)
        self.env["sale.order"]._unifyx_on_more_discount(self, extra_before)
        return res

    def _unifyx_record_manual(self, clear=False):
        if not self:
            return
        vals = {"unifyx_price_manual_user_id": False, "unifyx_price_manual_date": False}
        if not clear:
            vals = {
                "unifyx_price_manual_user_id": self.env.uid,
                "unifyx_price_manual_date": fields.Datetime.now(),
            }
        # Straight to the ORM: these fields are closed to clients.
        super(SaleOrderLine, self.sudo()).write(vals)

    # -- helpers ---------------------------------------------------------------------

    def _unifyx_is_delivery(self):
        # is_delivery comes with the delivery module, when installed.
        return bool(self._fields.get("is_delivery") and self.is_delivery)

    def _unifyx_is_manual(self):
        self.ensure_one()
        return self.env["unifyx.price.resolver"]._is_manual(self)

    def _unifyx_extra_discount(self):
        """Percent the net price is below the resolved net price (0 if above)."""
        self.ensure_one()
        return self.env["unifyx.price.resolver"]._extra_discount(self)

    def _unifyx_discount_excess(self):
        """{line: policy} of the lines whose granted discount exceeds the
        authority of whoever set it (the salesperson if nobody did)."""
        return {line: policy for line, (_allowed, policy) in self._unifyx_over_limit().items()}

    def _unifyx_over_limit(self, user=None):
        """{line: (allowed discount, policy)} of the lines beyond the limit of
        ``user``, or else of whoever set them (the salesperson if nobody did)."""
        return self.env["unifyx.discount.limit"]._unifyx_lines_over_limit(self, user)
