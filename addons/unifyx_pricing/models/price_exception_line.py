# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


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
        if any(line.price < 0 for line in self):
            raise ValidationError(self.env._("A price cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_exception_draft()
        return lines

    def write(self, vals):
        self._check_exception_draft()
        return super().write(vals)

    def unlink(self):
        self._check_exception_draft()
        return super().unlink()

    def _check_exception_draft(self):
        # What was approved is what applies.
        if not self.env.su and any(line.exception_id.state != "draft" for line in self):
            raise UserError(self.env._("Only a draft price exception can change its products."))
