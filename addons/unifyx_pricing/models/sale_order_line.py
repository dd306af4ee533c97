# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from ..tools.bounds import non_finite
from ..tools.resolution import LEVEL_CUSTOMER, LEVEL_EXCEPTION, LEVEL_SEGMENT, Rule, resolve
from .price_contract_line import COST_GROUP

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
        resolutions = self._unifyx_resolve()
        discount_enabled = self.env["product.pricelist.item"]._is_discount_feature_enabled()
        for line in self:
            found = resolutions.get(line)
            if found:
                record, shown, net, discount = found
                line.unifyx_price_contract_line_id = (
                    record if record._name == "unifyx.price.contract.line" else False
                )
                line.unifyx_price_exception_line_id = (
                    record if record._name == "unifyx.price.exception.line" else False
                )
                if discount_enabled:
                    line.unifyx_resolved_price, line.unifyx_resolved_discount = shown, discount
                else:
                    line.unifyx_resolved_price, line.unifyx_resolved_discount = net, 0.0
                continue
            line.unifyx_price_contract_line_id = False
            line.unifyx_price_exception_line_id = False
            if not line.product_id or line.display_type or not line.product_uom:
                line.unifyx_resolved_price = line.unifyx_resolved_discount = 0.0
                continue
            if line.combo_item_id and not line._unifyx_linked_line_known():
                # A combo item whose combo line is not in the order yet (the
                # combo configurator's onchange): Odoo prices it from that line.
                line.unifyx_resolved_price = line.price_unit
                line.unifyx_resolved_discount = line.discount
                continue
            # Odoo's own pricelist price and discount, as _compute_price_unit
            # and _compute_discount would set them.
            line_c = line.with_company(line.company_id)
            line.unifyx_resolved_price = line_c._get_display_price()
            line.unifyx_resolved_discount = line_c._unifyx_pricelist_discount(discount_enabled)

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
            line.unifyx_price_reason = line._unifyx_reason()

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
        if policy == "block":
            message = self.env._(
                "The discount granted on %(product)s (%(extra).2f %%) is beyond your "
                "limit of %(allowed).2f %%: the order cannot be confirmed like this.",
                product=self.product_id.display_name,
                extra=self._unifyx_extra_discount(),
                allowed=allowed,
            )
        else:
            message = self.env._(
                "The discount granted on %(product)s (%(extra).2f %%) is beyond your "
                "limit of %(allowed).2f %%: the order will need approval.",
                product=self.product_id.display_name,
                extra=self._unifyx_extra_discount(),
                allowed=allowed,
            )
        return {
            "warning": {
                "title": self.env._("Discount beyond your limit"),
                "message": message,
                "type": "notification",
            }
        }

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

    def _unifyx_pricelist_discount(self, discount_enabled):
        """The discount Odoo's _compute_discount gives from the pricelist."""
        self.ensure_one()
        if not (self.order_id.pricelist_id and discount_enabled):
            return 0.0
        if not self.pricelist_item_id._show_discount():
            return 0.0
        pricelist_price = self._get_pricelist_price()
        base_price = self._get_pricelist_price_before_discount()
        if base_price:
            discount = (base_price - pricelist_price) / base_price * 100
            if (discount > 0 and base_price > 0) or (discount < 0 and base_price < 0):
                return discount
        return 0.0

    # -- CRUD: manual prices and protected fields -------------------------------------

    @api.model
    def _unifyx_check_protected(self, vals_list):
        if self.env.su:
            return
        for vals in vals_list:
            if PROTECTED_FIELDS & set(vals):
                raise AccessError(
                    self.env._("The price source of a sale line is set by the pricing only.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_protected(vals_list)
        self._unifyx_check_discount_values(vals_list)
        lines = super().create(vals_list)
        typed = lines.browse(
            line.id
            for line, vals in zip(lines, vals_list, strict=True)
            if "price_unit" in vals or "discount" in vals
        )
        typed.filtered(lambda line: line.unifyx_price_source == "manual")._unifyx_record_manual()
        # A new line beyond the limit on a confirmed order: refused; on an
        # approved one: approve again.
        lines._unifyx_check_confirmed_discount({})
        lines._unifyx_restart_if_more_discount({})
        return lines

    def write(self, vals):
        self._unifyx_check_protected([vals])
        self._unifyx_check_discount_values([vals])
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
        self._unifyx_check_confirmed_discount(extra_before)
        self._unifyx_restart_if_more_discount(extra_before)
        return res

    @api.model
    def _unifyx_check_discount_values(self, vals_list):
        """A discount beyond 100 % pays the customer to take the goods (a
        negative one is a surcharge, which Odoo allows)."""
        for vals in vals_list:
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

    def _unifyx_check_confirmed_discount(self, extra_before):
        """A confirmed order does not go back to approval: more discount than
        the current user may grant is refused on it when confirming would have
        been (a blocking limit, or a matrix row routing excess discounts),
        whichever way the line is changed."""
        if self.env.su:
            return
        lines = self.filtered(
            lambda line: (
                line.state == "sale"
                # Lines Odoo adds to confirmed orders at their own price.
                and not (line.is_expense or line.is_downpayment or line._unifyx_is_delivery())
                and line._unifyx_extra_discount() > extra_before.get(line.id, 0.0) + 1e-4
            )
        )
        over = {
            line: (allowed, policy)
            for line, (allowed, policy) in lines._unifyx_over_limit(user=self.env.user).items()
            if policy == "block" or line.order_id._unifyx_excess_needs_approval()
        }
        if not over:
            return
        messages = []
        for line, (allowed, policy) in over.items():
            values = {
                "order": line.order_id.name,
                "product": line.product_id.display_name,
                "extra": line._unifyx_extra_discount(),
                "allowed": allowed,
            }
            if policy == "block":
                messages.append(
                    self.env._(
                        "%(order)s, %(product)s: %(extra).2f %% is beyond your limit of "
                        "%(allowed).2f %%, which blocks it.",
                        **values,
                    )
                )
            else:
                messages.append(
                    self.env._(
                        "%(order)s, %(product)s: %(extra).2f %% is beyond your limit of "
                        "%(allowed).2f %% and needs approval, which a confirmed order cannot "
                        "go back to: ask someone whose limit covers it, or cancel the order "
                        "and set it back to quotation to have it approved.",
                        **values,
                    )
                )
        raise UserError("\n".join(messages))

    def _unifyx_restart_if_more_discount(self, extra_before):
        """An approved (or pending) order whose lines now grant more discount
        than their limit and than before goes back to approval: a larger
        discount lowers the amount, so the amount rule would not catch it."""
        lines = self.filtered(
            lambda line: (
                line.order_id._unifyx_under_approval()
                and line._unifyx_extra_discount() > extra_before.get(line.id, 0.0) + 1e-4
            )
        )
        excess = lines._unifyx_discount_excess()
        if excess:
            self.env["sale.order.line"].concat(*excess).order_id.restart_validation()

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

    def _unifyx_linked_line_known(self):
        """Whether Odoo's _get_linked_line() finds this line's combo line."""
        self.ensure_one()
        if self.linked_line_id:
            return True
        siblings = self.order_id.order_line.filtered(
            lambda line: line.virtual_id == self.linked_virtual_id
        )
        return bool(self.linked_virtual_id) and len(siblings) == 1

    def _unifyx_expected_price_unit(self):
        """The resolved price as price_unit holds it (taxes included if the
        product's are), as Odoo's _reset_price_unit converts it."""
        self.ensure_one()
        line = self.with_company(self.company_id)
        taxes = line.product_id.taxes_id._filter_taxes_by_company(line.company_id)
        if not any(taxes.mapped("price_include")):
            return self.unifyx_resolved_price
        return line.product_id._get_tax_included_unit_price_from_price(
            self.unifyx_resolved_price,
            product_taxes=taxes,
            fiscal_position=line.order_id.fiscal_position_id,
        )

    def _unifyx_is_manual(self):
        self.ensure_one()
        currency = self.currency_id or self.company_id.currency_id or self.env.company.currency_id
        return bool(
            currency.compare_amounts(self.price_unit, self._unifyx_expected_price_unit())
            or float_compare(self.discount, self.unifyx_resolved_discount, precision_digits=2)
        )

    def _unifyx_extra_discount(self):
        """Percent the net price is below the resolved net price (0 if above)."""
        self.ensure_one()
        if not self.product_id or self.display_type:
            return 0.0
        reference = self._unifyx_expected_price_unit() * (1 - self.unifyx_resolved_discount / 100)
        if reference <= 0:
            return 0.0
        net = self.price_unit * (1 - self.discount / 100)
        return max(0.0, round((1 - net / reference) * 100, 4))

    def _unifyx_discount_excess(self):
        """{line: policy} of the lines whose granted discount exceeds the
        authority of whoever set it (the salesperson if nobody did)."""
        return {line: policy for line, (_allowed, policy) in self._unifyx_over_limit().items()}

    def _unifyx_over_limit(self, user=None):
        """{line: (allowed discount, policy)} of the lines beyond the limit of
        ``user``, or else of whoever set them (the salesperson if nobody did)."""
        result = {}
        lines = self.filtered(lambda line: line._unifyx_extra_discount() > 0)
        if not lines:
            return result
        Limit = self.env["unifyx.discount.limit"]
        limits_by_company = {}
        for line in lines:
            company = line.company_id or self.env.company
            if company not in limits_by_company:
                limits_by_company[company] = Limit._get_limits(company)
            judged = (
                user or line.unifyx_price_manual_user_id or line.order_id.user_id or self.env.user
            )
            categ_path = line.product_id.categ_id._unifyx_path()
            allowed, policy = Limit._limit_for(limits_by_company[company], judged, categ_path)
            if allowed is not None and line._unifyx_extra_discount() > allowed + 1e-6:
                result[line] = (allowed, policy)
        return result

    def _unifyx_reason(self):
        self.ensure_one()
        source = self.unifyx_price_source
        if not source:
            return False
        if source == "manual":
            if self.unifyx_price_manual_user_id:
                return self.env._(
                    "Set by hand by %(user)s on %(date)s (resolved: %(price)s, %(discount)s %%)",
                    user=self.unifyx_price_manual_user_id.name,
                    date=fields.Datetime.to_string(self.unifyx_price_manual_date),
                    price=round(self.unifyx_resolved_price, 4),
                    discount=round(self.unifyx_resolved_discount, 2),
                )
            return self.env._(
                "Differs from the resolved price %(price)s (update the prices to apply it)",
                price=round(self.unifyx_resolved_price, 4),
            )
        # sudo: whoever reads the line may not read the exception (another
        # salesperson's request) or the contract; the reason is theirs to see.
        if source == "exception":
            exception = self.unifyx_price_exception_line_id.sudo().exception_id
            return self.env._(
                "Price exception %(name)s, approved by %(user)s, until %(date)s",
                name=exception.name,
                user=exception.approved_by_id.name or "",
                date=exception.date_expiry,
            )
        if source == "contract":
            rule = self.unifyx_price_contract_line_id.sudo()
            contract = rule.contract_id
            whose = contract.partner_id.name or self.env._(
                "segment %(segment)s", segment=contract.segment_id.name
            )
            return self.env._(
                "Contract %(contract)s (%(whose)s): %(rule)s",
                contract=contract.name,
                whose=whose,
                # A cost-plus markup is told only to whoever sees costs.
                rule=rule._describe(show_cost=self.env.su or self.env.user.has_group(COST_GROUP)),
            )
        pricelist = self.order_id.pricelist_id
        if not pricelist:
            return self.env._("Sales price of the product")
        return self.env._("Pricelist %(pricelist)s", pricelist=pricelist.display_name)

    def _unifyx_resolve(self):
        """Resolve the contract or exception price of these lines, with a fixed
        number of queries whatever their number.

        :return: {line: (contract or exception line, displayed price, net price,
                  discount %)}, prices per unit of the line in the order currency
        """
        lines = self.filtered(
            lambda line: (
                line.product_id
                and line.product_uom
                and not line.display_type
                and line.order_id
                and not line.combo_item_id
                and line.product_type != "combo"
            )
        )
        if not lines:
            return {}
        orders = lines.order_id
        partners = orders.partner_id.commercial_partner_id
        segments = partners.customer_segment_id
        products = lines.product_id
        companies = orders.company_id
        categ_ids = set()
        for categ in products.categ_id:
            categ_ids.update(categ._unifyx_path())
        min_date = min(line._get_order_date() or fields.Datetime.now() for line in lines).date()

        contract_lines = (
            self.env["unifyx.price.contract.line"]
            .sudo()
            .search_fetch(
                [
                    ("contract_id.state", "=", "active"),
                    ("company_id", "in", companies.ids),
                    "|",
                    ("contract_id.date_end", "=", False),
                    ("contract_id.date_end", ">=", min_date),
                    "|",
                    ("contract_id.partner_id", "in", partners.ids),
                    ("contract_id.segment_id", "in", segments.ids),
                    "|",
                    ("product_id", "in", products.ids),
                    ("categ_id", "in", list(categ_ids)),
                ],
                [
                    "contract_id",
                    "company_id",
                    "product_id",
                    "categ_id",
                    "price_type",
                    "fixed_price",
                    "discount",
                    "markup",
                    "min_qty",
                    "uom_id",
                ],
            )
        )
        exception_lines = (
            self.env["unifyx.price.exception.line"]
            .sudo()
            .search_fetch(
                [
                    ("exception_id.state", "=", "approved"),
                    ("exception_id.date_expiry", ">=", min_date),
                    ("exception_id.partner_id", "in", partners.ids),
                    ("company_id", "in", companies.ids),
                    ("product_id", "in", products.ids),
                ],
                ["exception_id", "company_id", "product_id", "uom_id", "price"],
            )
        )
        # Index the rules by who they price and what they match.
        by_partner = defaultdict(lambda: defaultdict(list))
        by_segment = defaultdict(lambda: defaultdict(list))
        for rec in contract_lines:
            contract = rec.contract_id
            index = (
                by_partner[contract.partner_id.id]
                if contract.partner_id
                else by_segment[contract.segment_id.id]
            )
            key = ("p", rec.product_id.id) if rec.product_id else ("c", rec.categ_id.id)
            index[key].append(rec)
        for rec in exception_lines:
            by_partner[rec.exception_id.partner_id.id][("x", rec.product_id.id)].append(rec)

        rates = {}

        def convert(amount, from_currency, to_currency, company, day):
            if from_currency == to_currency or not amount:
                return amount
            key = (from_currency.id, to_currency.id, company.id, day)
            if key not in rates:
                rates[key] = from_currency._get_conversion_rate(
                    from_currency, to_currency, company, day
                )
            return amount * rates[key]

        result = {}
        for line in lines:
            order = line.order_id
            partner = order.partner_id.commercial_partner_id
            product = line.product_id
            company = order.company_id
            currency = order.currency_id or company.currency_id
            day = (line._get_order_date() or fields.Datetime.now()).date()
            categ_path = product.categ_id._unifyx_path()
            candidates = [
                (LEVEL_EXCEPTION, rec) for rec in by_partner[partner.id][("x", product.id)]
            ]
            for level, index in (
                (LEVEL_CUSTOMER, by_partner.get(partner.id)),
                (LEVEL_SEGMENT, by_segment.get(partner.customer_segment_id.id)),
            ):
                if not index:
                    continue
                candidates += [(level, rec) for rec in index.get(("p", product.id), ())]
                for categ_id in categ_path:
                    candidates += [(level, rec) for rec in index.get(("c", categ_id), ())]
            if not candidates:
                continue
            rules, records = [], []
            for level, rec in candidates:
                if rec.company_id != company:
                    continue
                rule_uom = rec.uom_id or product.uom_id
                if rule_uom.category_id != product.uom_id.category_id:
                    continue
                ratio = rule_uom._compute_quantity(1.0, product.uom_id, round=False)
                if level == LEVEL_EXCEPTION:
                    exception = rec.exception_id
                    value = convert(rec.price, exception.currency_id, currency, company, day)
                    rule = Rule(
                        len(rules),
                        level,
                        "fixed",
                        value,
                        product_id=product.id,
                        uom_ratio=ratio,
                        date_end=exception.date_expiry,
                    )
                else:
                    contract = rec.contract_id
                    value = rec._rule_value()
                    if rec.price_type == "fixed":
                        value = convert(value, contract.currency_id, currency, company, day)
                    rule = Rule(
                        len(rules),
                        level,
                        rec.price_type,
                        value,
                        product_id=rec.product_id.id or None,
                        categ_id=rec.categ_id.id or None,
                        min_qty=rec.min_qty,
                        uom_ratio=ratio,
                        date_start=contract.date_start,
                        date_end=contract.date_end,
                    )
                rules.append(rule)
                records.append(rec)
            if not rules:
                continue
            qty = line.product_uom._compute_quantity(
                line.product_uom_qty or 1.0, product.uom_id, round=False
            )
            product_c = product.with_company(company)
            list_price = convert(product_c.lst_price, company.currency_id, currency, company, day)
            # sudo: a cost-plus price is worked out on the server for a seller
            # who may not see costs; only the price leaves it.
            cost = convert(
                product_c.sudo().standard_price, company.currency_id, currency, company, day
            )
            res = resolve(rules, product.id, categ_path, qty, list_price, cost, day)
            if res is None:
                continue
            # Per reference unit -> per unit of the line.
            to_line = product.uom_id._compute_price
            result[line] = (
                records[res.rule.id],
                to_line(res.list_price, line.product_uom),
                to_line(res.price, line.product_uom),
                res.discount,
            )
        return result
