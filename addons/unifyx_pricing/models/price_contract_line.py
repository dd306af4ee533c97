# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.bounds import MAX_MARKUP, MAX_PRICE, non_finite
from ..tools.quoting import uom_ratio
from ..tools.resolution import LEVEL_CUSTOMER, LEVEL_SEGMENT, Rule

NUMBER_FIELDS = ("fixed_price", "discount", "markup", "min_qty")
# What the resolution reads of a contract line, fetched in the one search.
RULE_FIELDS = (
    "contract_id company_id product_id categ_id price_type fixed_price discount markup min_qty "
    "uom_id"
).split()

COST_GROUP = "product_cost_security.group_product_cost"


class UnifyxPriceContractLine(models.Model):
    """One negotiated price: for a product or a whole category, from a minimum
    quantity, expressed in a unit of measure (a box of 12 prices units too)."""

    _name = "unifyx.price.contract.line"
    _description = "Price Contract Line"
    _order = "contract_id, product_id, categ_id, min_qty, id"

    contract_id = fields.Many2one(
        "unifyx.price.contract", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    state = fields.Selection(related="contract_id.state")
    product_id = fields.Many2one(
        "product.product", index=True, check_company=True, help="Leave empty for a category line."
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        index=True,
        help="Applies to the products of this category and of its subcategories.",
    )
    price_type = fields.Selection(
        [
            ("fixed", "Fixed price"),
            ("discount", "Discount on list price"),
            ("cost_plus", "Cost plus markup"),
        ],
        required=True,
        default="fixed",
    )
    fixed_price = fields.Monetary(currency_field="currency_id", help="Price per unit of measure.")
    discount = fields.Float(string="Discount (%)", digits="Discount")
    # A markup with the price gives the cost: the suite's cost policy.
    markup = fields.Float(
        string="Markup (%)", help="Added to the product's cost.", groups=COST_GROUP
    )
    min_qty = fields.Float(
        string="Min. Quantity",
        digits="Product Unit of Measure",
        help="Volume tier: applies from this quantity, in the line's unit of measure.",
    )
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit of Measure",
        help="Unit of the price and the minimum quantity. Empty: the product's unit.",
    )

    @api.constrains("product_id", "categ_id")
    def _check_product_or_category(self):
        for line in self:
            if bool(line.product_id) == bool(line.categ_id):
                raise ValidationError(
                    self.env._("A contract line is for a product or a category, not both.")
                )

    @api.constrains("product_id", "uom_id")
    def _check_uom(self):
        for line in self:
            if (
                line.product_id
                and line.uom_id
                and line.uom_id.category_id != line.product_id.uom_id.category_id
            ):
                raise ValidationError(
                    self.env._(
                        "The unit %(uom)s cannot measure %(product)s.",
                        uom=line.uom_id.name,
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("discount", "markup", "fixed_price", "min_qty")
    def _check_values(self):
        for line in self:
            what = line.product_id.display_name or line.categ_id.display_name or ""
            if not 0 <= line.discount <= 100:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s: a discount is between 0 and 100 %% "
                        "(%(value)s given).",
                        line=what,
                        value=line.discount,
                    )
                )
            if line.fixed_price < 0 or line.min_qty < 0:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s: prices and quantities cannot be negative.",
                        line=what,
                    )
                )
            if not -100 <= line.markup <= MAX_MARKUP:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s: a markup is between -100 and %(max)s %% "
                        "(%(value)s given).",
                        line=what,
                        max=MAX_MARKUP,
                        value=line.markup,
                    )
                )
            if line.fixed_price > MAX_PRICE or line.min_qty > MAX_PRICE:
                raise ValidationError(
                    self.env._(
                        "Contract line %(line)s: %(max)s is the most a price or a minimum "
                        "quantity can be.",
                        line=what,
                        max=MAX_PRICE,
                    )
                )

    @api.model
    def _check_numbers(self, vals_list):
        for vals in vals_list:
            if non_finite(vals, NUMBER_FIELDS):
                raise ValidationError(
                    self.env._("A contract price, discount, markup or quantity must be a number.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_numbers(vals_list)
        lines = super().create(vals_list)
        if not self.env.su:
            lines.contract_id._check_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            # A line stays with its contract: moving it would change two
            # contracts at once, one of them maybe active.
            if "contract_id" in vals and any(
                line.contract_id.id != vals["contract_id"] for line in self
            ):
                raise UserError(self.env._("A contract line cannot move to another contract."))
            self.contract_id._check_editable()
        self._check_numbers([vals])
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.contract_id._check_editable()
        return super().unlink()

    def _compute_display_name(self):
        for line in self:
            line.display_name = "%s / %s" % (
                line.contract_id.name or "",
                line.product_id.display_name or line.categ_id.display_name or "",
            )

    def _rule_value(self):
        self.ensure_one()
        return {
            "fixed": self.fixed_price,
            "discount": self.discount,
            "cost_plus": self.markup,
        }[self.price_type]

    def _describe(self, lang_env=None, show_cost=True):
        """Short human text of the rule, for "why this price"; without the
        markup of a cost-plus rule unless ``show_cost`` (the reader sees costs)."""
        self.ensure_one()
        env = lang_env or self.env
        if self.price_type == "fixed":
            what = env._("fixed %(price)s", price=self.currency_id.format(self.fixed_price))
        elif self.price_type == "discount":
            what = env._("list price -%(pct)s %%", pct=self.discount)
        elif show_cost:
            what = env._("cost +%(pct)s %%", pct=self.sudo().markup)
        else:
            what = env._("cost plus the contract's markup")
        if self.uom_id:
            what += " / %s" % self.uom_id.name
        if self.min_qty:
            what += env._(" from %(qty)s", qty=self.min_qty)
        return what

    def _unifyx_explain(self, show_cost=False):
        """Why this line prices a sale line: the contract, whose it is, the rule."""
        self.ensure_one()
        contract = self.contract_id
        whose = contract.partner_id.name or self.env._(
            "segment %(segment)s", segment=contract.customer_segment_id.name
        )
        return self.env._(
            "Contract %(contract)s (%(whose)s): %(rule)s",
            contract=contract.name,
            whose=whose,
            rule=self._describe(show_cost=show_cost),
        )

    # -- which contract line applies ---------------------------------------------

    @api.model
    def _unifyx_find(self, quotes):
        """The active contract lines that may price ``quotes`` ({key: Quote}),
        in one query (sudo: a contract prices the lines of a seller who may not
        read it)."""
        partners = self.env["res.partner"].concat(*(q.partner for q in quotes.values()))
        products = self.env["product.product"].concat(*(q.product for q in quotes.values()))
        categ_ids = {categ_id for q in quotes.values() for categ_id in q.categ_path}
        return self.sudo().search_fetch(
            [
                ("contract_id.state", "=", "active"),
                ("company_id", "in", list({q.company.id for q in quotes.values()})),
                "|",
                ("contract_id.date_end", "=", False),
                ("contract_id.date_end", ">=", min(q.day for q in quotes.values())),
                "|",
                ("contract_id.partner_id", "in", partners.ids),
                ("contract_id.customer_segment_id", "in", partners.unifyx_customer_segment_id.ids),
                "|",
                ("product_id", "in", products.ids),
                ("categ_id", "in", list(categ_ids)),
            ],
            RULE_FIELDS,
        )

    @api.model
    def _unifyx_rules_for(self, quotes, rates):
        """{key: [(contract line, Rule)]}: the customer's contract rules, then
        its segment's, that may price each quote of ``quotes`` ({key: Quote}),
        product rules before category rules, the nearest category first."""
        if not quotes:
            return {}
        by_partner = defaultdict(lambda: defaultdict(list))
        by_segment = defaultdict(lambda: defaultdict(list))
        for rec in self._unifyx_find(quotes):
            contract = rec.contract_id
            index = (
                by_partner[contract.partner_id.id]
                if contract.partner_id
                else by_segment[contract.customer_segment_id.id]
            )
            match = ("p", rec.product_id.id) if rec.product_id else ("c", rec.categ_id.id)
            index[match].append(rec)
        result = {}
        for key, quote in quotes.items():
            found = []
            for level, index in (
                (LEVEL_CUSTOMER, by_partner.get(quote.partner.id)),
                (LEVEL_SEGMENT, by_segment.get(quote.partner.unifyx_customer_segment_id.id)),
            ):
                if not index:
                    continue
                records = list(index.get(("p", quote.product.id), ()))
                for categ_id in quote.categ_path:
                    records += index.get(("c", categ_id), ())
                for rec in records:
                    rule = rec._unifyx_rule(level, quote, rates)
                    if rule is not None:
                        found.append((rec, rule))
            if found:
                result[key] = found
        return result

    def _unifyx_rule(self, level, quote, rates):
        """This line as a resolution Rule for ``quote`` (a fixed price in the
        quote's currency), or None when it cannot price it: another company, or
        a unit that cannot measure the product."""
        self.ensure_one()
        if self.company_id != quote.company:
            return None
        ratio = uom_ratio(self.uom_id, quote.product)
        if ratio is None:
            return None
        contract = self.contract_id
        value = self._rule_value()
        if self.price_type == "fixed":
            value = rates.convert(value, contract.currency_id, quote)
        return Rule(
            0,
            level,
            self.price_type,
            value,
            product_id=self.product_id.id or None,
            categ_id=self.categ_id.id or None,
            min_qty=self.min_qty,
            uom_ratio=ratio,
            date_start=contract.date_start,
            date_end=contract.date_end,
        )
