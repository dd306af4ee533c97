# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.bounds import MAX_PRICE, non_finite


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
