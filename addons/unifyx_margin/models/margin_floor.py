# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.margin import most_specific


class UnifyxMarginFloor(models.Model):
    """Minimum margin % of a sale line, and what happens below it."""

    _name = "unifyx.margin.floor"
    _description = "Margin Floor"
    _order = "company_id, scope desc, id"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        domain=[("is_company", "=", True)],
        help="Most specific: a customer's floor beats its segment's, its products' "
        "category's and the company default.",
    )
    customer_segment_id = fields.Many2one(
        "unifyx.customer.segment",
        string="Customer Segment",
        help="Beats the category's floor and the company default, not the customer's.",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Applies to the category and its sub-categories (the deepest category "
        "wins); beats the company default only.",
    )
    scope = fields.Selection(
        [
            ("company", "Company default"),
            ("category", "Product category"),
            ("segment", "Customer segment"),
            ("customer", "Customer"),
        ],
        compute="_compute_scope",
        store=True,
        help="Most specific wins: customer > customer segment > product category > "
        "company default (a floor naming none of them).",
    )
    min_margin_percent = fields.Float(
        string="Minimum Margin (%)",
        required=True,
        help="Lowest margin, in percent of the line's revenue net of discounts, "
        "after cost and outbound freight.",
    )
    policy = fields.Selection(
        [
            ("warn", "Warn"),
            ("approve", "Require approval"),
            ("block", "Block"),
        ],
        required=True,
        default="warn",
        help="Warn: the line is flagged. Require approval: the order goes through the "
        "approval matrix (exceptions 'below margin floor' and, under cost, 'below "
        "cost'). Block: the order cannot be confirmed.",
    )

    @api.depends("partner_id", "customer_segment_id", "categ_id")
    def _compute_scope(self):
        for floor in self:
            if floor.partner_id:
                floor.scope = "customer"
            elif floor.customer_segment_id:
                floor.scope = "segment"
            elif floor.categ_id:
                floor.scope = "category"
            else:
                floor.scope = "company"

    @api.depends("scope", "partner_id", "customer_segment_id", "categ_id", "company_id")
    def _compute_name(self):
        labels = dict(self._fields["scope"]._description_selection(self.env))
        for floor in self:
            target = (
                floor.partner_id.display_name
                or floor.customer_segment_id.display_name
                or floor.categ_id.display_name
                or floor.company_id.name
            )
            floor.name = "%s: %s" % (labels.get(floor.scope, ""), target or "")

    @api.constrains("partner_id", "customer_segment_id", "categ_id")
    def _check_one_scope(self):
        for floor in self:
            if (
                len([f for f in (floor.partner_id, floor.customer_segment_id, floor.categ_id) if f])
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "A margin floor applies to one customer, one segment or one "
                        "category, not several: create one floor for each."
                    )
                )

    def _resolve(self, partner, segment, categ):
        """The floor that applies to a line among these floors (of one company)."""
        categ_chain = []
        while categ:
            categ_chain.append(categ.id)
            categ = categ.parent_id
        candidates = []
        for floor in self:
            if floor.scope == "customer" and floor.partner_id == partner:
                candidates.append(("customer", 0, floor.id, floor))
            elif floor.scope == "segment" and segment and floor.customer_segment_id == segment:
                candidates.append(("segment", 0, floor.id, floor))
            elif floor.scope == "category" and floor.categ_id.id in categ_chain:
                depth = len(categ_chain) - categ_chain.index(floor.categ_id.id)
                candidates.append(("category", depth, floor.id, floor))
            elif floor.scope == "company":
                candidates.append(("company", 0, floor.id, floor))
        return most_specific(candidates) or self.browse()
