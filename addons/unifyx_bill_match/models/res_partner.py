# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.tolerance import Tolerance
from .res_company import TOLERANCE_FIELDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    unifyx_bill_tolerance_own = fields.Boolean(
        string="Own Bill Tolerances",
        help="This vendor's bills are matched with the tolerances below instead of the company's.",
    )
    unifyx_bill_price_tolerance_percent = fields.Float(string="Price Tolerance (%)")
    unifyx_bill_price_tolerance_amount = fields.Float(string="Price Tolerance (amount)")
    unifyx_bill_quantity_tolerance_percent = fields.Float(string="Quantity Tolerance (%)")
    unifyx_bill_total_tolerance_amount = fields.Float(string="Total Tolerance (amount)")

    @api.constrains(*TOLERANCE_FIELDS.values())
    def _check_unifyx_bill_tolerances(self):
        for partner in self:
            if any(partner[name] < 0 for name in TOLERANCE_FIELDS.values()):
                raise ValidationError(self.env._("Bill tolerances cannot be negative."))

    def _unifyx_bill_tolerance(self, company):
        """The vendor's own tolerances when it has them (on its commercial
        entity), else the company's."""
        vendor = self.commercial_partner_id
        if vendor.unifyx_bill_tolerance_own:
            return Tolerance(**{key: vendor[name] for key, name in TOLERANCE_FIELDS.items()})
        return company._unifyx_bill_tolerance()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._unifyx_check_tolerance_rights(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._unifyx_check_tolerance_rights(vals)
        return super().write(vals)

    def _unifyx_check_tolerance_rights(self, vals):
        """A vendor's tolerances decide which of its bills are posted unseen: the
        consultant sets them (as the company's), not purchasers."""
        names = {"unifyx_bill_tolerance_own", *TOLERANCE_FIELDS.values()}
        if (
            names & vals.keys()
            and any(vals[name] for name in names & vals.keys())
            and not self.env.su
            and not self.env.user.has_group("unifyx_base.group_consultant")
        ):
            raise AccessError(self.env._("Only a consultant may set a vendor's bill tolerances."))
