# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.bounds import MAX_PRICE, non_finite
from ..tools.quoting import uom_ratio
from ..tools.resolution import LEVEL_EXCEPTION, Rule


class UnifyxPriceExceptionLine(models.Model):
    _name = "unifyx.price.exception.line"
    _description = "Price Exception Line"
    _order = "exception_id, id"

    exception_id = fields.Many2one(
        "unifyx.price.exception", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="exception_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="exception_id.currency_id")
    product_id = fields.Many2one("product.product", required=True, index=True, check_company=True)
    uom_id = fields.Many2one(
        "uom.uom", string="Unit of Measure", help="Unit of the price. Empty: the product's unit."
    )
    price = fields.Monetary(currency_field="currency_id", required=True)

    @api.constrains("price")
    def _check_price(self):
        for line in self:
            if line.price < 0:
                raise ValidationError(
                    self.env._(
                        "The exception price of %(product)s cannot be negative (%(price)s).",
                        product=line.product_id.display_name,
                        price=line.price,
                    )
                )
            if line.price > MAX_PRICE:
                raise ValidationError(
                    self.env._(
                        "The exception price of %(product)s (%(price)s) is beyond any "
                        "price: %(max)s at most.",
                        product=line.product_id.display_name,
                        price=line.price,
                        max=MAX_PRICE,
                    )
                )

    @api.model
    def _check_numbers(self, vals_list):
        for vals in vals_list:
            if non_finite(vals, ["price"]):
                raise ValidationError(self.env._("An exception price must be a number."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_numbers(vals_list)
        lines = super().create(vals_list)
        lines._check_exception_draft()
        return lines

    def write(self, vals):
        # A line stays with its exception for life: moved into an approved
        # one, it would price what nobody approved.
        if (
            not self.env.su
            and "exception_id" in vals
            and any(line.exception_id.id != vals["exception_id"] for line in self)
        ):
            raise UserError(
                self.env._("A price exception keeps its products: a line cannot move to another.")
            )
        self._check_exception_draft()
        self._check_numbers([vals])
        return super().write(vals)

    def unlink(self):
        self._check_exception_draft()
        return super().unlink()

    def _check_exception_draft(self):
        # What was approved is what applies.
        if not self.env.su and any(line.exception_id.state != "draft" for line in self):
            raise UserError(self.env._("Only a draft price exception can change its products."))

    # -- which exception line applies ---------------------------------------------

    @api.model
    def _unifyx_find(self, quotes):
        """The approved, unexpired exception lines that may price ``quotes``
        ({key: Quote}), in one query (sudo: an exception approved for one
        salesperson prices the customer's lines whoever quotes them)."""
        partners = self.env["res.partner"].concat(*(q.partner for q in quotes.values()))
        products = self.env["product.product"].concat(*(q.product for q in quotes.values()))
        return self.sudo().search_fetch(
            [
                ("exception_id.state", "=", "approved"),
                ("exception_id.date_expiry", ">=", min(q.day for q in quotes.values())),
                ("exception_id.partner_id", "in", partners.ids),
                ("company_id", "in", list({q.company.id for q in quotes.values()})),
                ("product_id", "in", products.ids),
            ],
            ["exception_id", "company_id", "product_id", "uom_id", "price"],
        )

    @api.model
    def _unifyx_rules_for(self, quotes, rates):
        """{key: [(exception line, Rule)]}: the approved exceptions of each
        quote's customer for its product."""
        if not quotes:
            return {}
        index = defaultdict(list)
        for rec in self._unifyx_find(quotes):
            index[rec.exception_id.partner_id.id, rec.product_id.id].append(rec)
        result = {}
        for key, quote in quotes.items():
            found = [
                (rec, rule)
                for rec in index.get((quote.partner.id, quote.product.id), ())
                for rule in [rec._unifyx_rule(quote, rates)]
                if rule is not None
            ]
            if found:
                result[key] = found
        return result

    def _unifyx_rule(self, quote, rates):
        """This line as a resolution Rule for ``quote`` (its price in the
        quote's currency, valid until the exception expires), or None when it
        cannot price it: another company, or a unit that cannot measure it."""
        self.ensure_one()
        if self.company_id != quote.company or self.product_id != quote.product:
            return None
        ratio = uom_ratio(self.uom_id, quote.product)
        if ratio is None:
            return None
        exception = self.exception_id
        return Rule(
            0,
            LEVEL_EXCEPTION,
            "fixed",
            rates.convert(self.price, exception.currency_id, quote),
            product_id=quote.product.id,
            uom_ratio=ratio,
            date_end=exception.date_expiry,
        )

    def _unifyx_explain(self):
        """Why this line prices a sale line: the exception and who approved it."""
        self.ensure_one()
        exception = self.exception_id
        return self.env._(
            "Price exception %(name)s, approved by %(user)s, until %(date)s",
            name=exception.name,
            user=exception.approved_by_id.name or "",
            date=exception.date_expiry,
        )
