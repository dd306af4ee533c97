# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.unifyx_base.models.product_product import COST_GROUP

from .stock_quant import _COUNT_LINES

# The value of a counted difference is its cost: the counting operator reads
# the quantities, the roles that see costs the values.
COST_FIELDS = {"value", "window_value"}


class UnifyxInventoryApprovalLine(models.Model):
    """One counted quant of an inventory request. Everything but the counted
    quantity is worked out on the server from the quant; lines are written by
    the server only (the count being held, or re-checked when applied)."""

    _name = "unifyx.inventory.approval.line"
    _description = "Inventory Adjustment Approval Line"
    _check_company_auto = True

    approval_id = fields.Many2one(
        "unifyx.inventory.approval", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="approval_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="approval_id.company_currency_id")
    quant_id = fields.Many2one(
        "stock.quant", required=True, ondelete="cascade", readonly=True, check_company=True
    )
    product_id = fields.Many2one(related="quant_id.product_id", store=True)
    location_id = fields.Many2one(related="quant_id.location_id", store=True)
    lot_id = fields.Many2one(related="quant_id.lot_id", store=True)
    quantity = fields.Float(
        string="System Quantity",
        digits="Product Unit of Measure",
        compute="_compute_from_quant",
        store=True,
    )
    counted_quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    difference = fields.Float(
        digits="Product Unit of Measure", compute="_compute_from_quant", store=True
    )
    value = fields.Monetary(
        currency_field="company_currency_id",
        compute="_compute_from_quant",
        store=True,
        groups=COST_GROUP,
        help="The difference at the product's cost in the request's company.",
    )
    window_value = fields.Monetary(
        string="Counted Earlier",
        currency_field="company_currency_id",
        compute="_compute_from_quant",
        store=True,
        groups=COST_GROUP,
        help="Value of the differences of this product and location already applied "
        "without approval within the company's count window: split counts add up.",
    )

    # Worked out when the line is created and when its request is applied, not
    # on every stock move: what the approver saw stays until it is applied.
    def _fetch_field(self, field):
        # The approval core sums them on the server whoever applies the count.
        if field.name in COST_FIELDS and not self.env.su:
            return super(UnifyxInventoryApprovalLine, self.sudo())._fetch_field(field)
        return super()._fetch_field(field)

    @api.depends("quant_id", "counted_quantity", "approval_id.company_id")
    def _compute_from_quant(self):
        earlier = self._unifyx_window_values()
        for line in self:
            company = line.approval_id.company_id or line.quant_id.company_id
            # sudo: the counting user may not see costs; the value is the server's.
            cost = line.quant_id.product_id.sudo().with_company(company).standard_price
            line.quantity = line.quant_id.quantity
            line.difference = line.counted_quantity - line.quant_id.quantity
            line.value = line.difference * cost
            line.window_value = earlier.get((line.product_id.id, line.location_id.id), 0.0)

    def _unifyx_window_values(self):
        """{(product id, location id): value of the counts applied without
        approval in the window}, at today's cost in the line's company. Its
        days are the company's: a client's timezone (in its context, or its
        preference changed between two counts) would move midnight."""
        result = {}
        for company, lines in self.grouped(lambda line: line.approval_id.company_id).items():
            days = company.unifyx_count_window_days
            if not days or not lines.quant_id:
                continue
            tz = pytz.timezone(company.partner_id.tz or "UTC")
            today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
            start = (
                tz.localize(datetime.combine(today - timedelta(days=days - 1), time.min))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )
            locations = lines.quant_id.location_id
            groups = (
                self.env["stock.move"]
                .sudo()
                ._read_group(
                    [
                        ("unifyx_unapproved_count", "=", True),
                        ("state", "=", "done"),
                        ("company_id", "=", company.id),
                        ("date", ">=", start),
                        ("product_id", "in", lines.quant_id.product_id.ids),
                        "|",
                        ("location_id", "in", locations.ids),
                        ("location_dest_id", "in", locations.ids),
                    ],
                    ["product_id", "location_id", "location_dest_id"],
                    ["quantity:sum"],
                )
            )
            for product, source, destination, quantity in groups:
                cost = product.sudo().with_company(company).standard_price
                for location in (source, destination):
                    if location in locations:
                        key = (product.id, location.id)
                        result[key] = result.get(key, 0.0) + abs(quantity * cost)
        return result

    @api.constrains("quant_id", "approval_id")
    def _check_quant_company(self):
        for line in self:
            if line.quant_id.company_id != line.approval_id.company_id:
                raise ValidationError(
                    self.env._("A count belongs to the company of the stock it counts.")
                )

    def _unifyx_check_server(self):
        if not self.env.su and not _COUNT_LINES.get():
            raise AccessError(
                self.env._(
                    "Counted lines come from the count itself: they cannot be added, "
                    "changed or removed."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_server()
        return super().create(vals_list)

    def write(self, vals):
        self._unifyx_check_server()
        return super().write(vals)

    def unlink(self):
        self._unifyx_check_server()
        return super().unlink()
