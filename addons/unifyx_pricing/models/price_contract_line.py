# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.bounds import MAX_MARKUP, MAX_PRICE, non_finite

NUMBER_FIELDS = ("fixed_price", "discount", "markup", "min_qty")

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
