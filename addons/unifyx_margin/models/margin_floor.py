# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.margin import below_floor, margin_percent, most_specific

COST_GROUPS = "product_cost_security.group_product_cost"


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

    @api.model
    def _unifyx_match_lines(self, lines):
        """{line: floor (or an empty recordset)} for sale lines: the floors of the
        lines' companies read in one query, resolved once per customer, segment
        and category."""
        floors = defaultdict(self.browse)
        for floor in self.sudo().search([("company_id", "in", lines.company_id.ids)]):
            floors[floor.company_id.id] |= floor
        resolved = {}
        result = {}
        for line in lines:
            floor = self.browse()
            if not line.display_type and line.product_id:
                partner = line.order_id.partner_id.commercial_partner_id
                segment, categ = partner.unifyx_customer_segment_id, line.product_id.categ_id
                key = (line.company_id.id, partner.id, segment.id, categ.id)
                if key not in resolved:
                    resolved[key] = floors[key[0]]._resolve(partner, segment, categ)
                floor = resolved[key]
            result[line] = floor
        return result

    def _unifyx_labels(self):
        return (
            dict(self._fields["scope"]._description_selection(self.env)),
            dict(self._fields["policy"]._description_selection(self.env)),
        )

    def _unifyx_below_message(self, margin, revenue, labels=None):
        """The line's margin against this floor, for those who see costs."""
        self.ensure_one()
        scope_labels, policy_labels = labels or self._unifyx_labels()
        return self.env._(
            "Margin %(margin).1f %% below the floor of %(floor).1f %% "
            "(%(origin)s: %(name)s, %(policy)s)",
            margin=margin_percent(margin, revenue) * 100,
            floor=self.min_margin_percent,
            origin=scope_labels[self.scope],
            name=self.display_name,
            policy=policy_labels[self.policy],
        )

    def _unifyx_below_warning(self, labels=None):
        """This floor, without the line's margin: whoever may not see costs reads it."""
        self.ensure_one()
        scope_labels, policy_labels = labels or self._unifyx_labels()
        return self.env._(
            "Below the margin floor of %(floor).1f %% (%(origin)s: %(name)s, %(policy)s)",
            floor=self.min_margin_percent,
            origin=scope_labels[self.scope],
            name=self.display_name,
            policy=policy_labels[self.policy],
        )

    @api.model
    def _unifyx_line_values(self, lines):
        """{sale line: values of its floor fields}: its floor, whether its
        expected margin is below it (or below cost) and the message saying so."""
        labels = self._unifyx_labels()
        result = {}
        for line, floor in self._unifyx_match_lines(lines).items():
            margin, revenue = line.unifyx_expected_margin, line.unifyx_expected_revenue
            below = bool(floor) and below_floor(margin, revenue, floor.min_margin_percent)
            result[line] = {
                "unifyx_floor_id": floor,
                "unifyx_below_floor": below,
                "unifyx_below_cost": below and margin < 0,
                "unifyx_floor_message": (
                    floor._unifyx_below_message(margin, revenue, labels) if below else False
                ),
            }
        return result

    @api.model
    def _unifyx_moved_lines(self, lines):
        """The sale lines whose floor fields no longer say what their floors do
        (the floors, the customer's segment or the margin changed)."""
        return lines.browse(
            line.id
            for line, values in self._unifyx_line_values(lines).items()
            if any(line[name] != value for name, value in values.items())
        )

    @api.model
    def _unifyx_line_warnings(self, lines):
        """{sale line: the floor it is below, without its margin, or False}."""
        labels = self._unifyx_labels()
        result = {}
        for line in lines:
            floor = line.unifyx_floor_id.sudo()
            below = line.unifyx_below_floor and floor
            result[line] = floor._unifyx_below_warning(labels) if below else False
        return result

    @api.model
    def _unifyx_line_text(self, line, margins=None):
        """A sale line's floor warning: with its margin when ``margins`` (by
        default: when the current user sees costs), without it otherwise."""
        if margins is None:
            margins = self.env.su or self.env.user.has_group(COST_GROUPS)
        return line.sudo().unifyx_floor_message if margins else line.unifyx_floor_warning

    @api.model
    def _unifyx_real_below(self, line):
        """Whether a delivered sale line's real margin is below its floor."""
        floor = line.unifyx_floor_id
        return bool(
            floor
            and line.qty_delivered
            and below_floor(
                line.unifyx_real_margin, line.unifyx_real_revenue, floor.min_margin_percent
            )
        )

    @api.model
    def _unifyx_refuse_blocked(self, lines):
        """Refuse sale lines below a blocking floor."""
        blocked = lines.filtered(
            lambda line: line.unifyx_below_floor and line.unifyx_floor_policy == "block"
        )
        if blocked:
            raise UserError(
                self.env._(
                    "This order cannot be confirmed: these lines are below a blocking margin "
                    "floor.\n%(lines)s",
                    lines="\n".join(
                        "- %s: %s" % (line.product_id.display_name, self._unifyx_line_text(line))
                        for line in blocked
                    ),
                )
            )

    def _unifyx_drift_text(self, line, margins):
        """A delivered sale line's real margin against this floor, with the
        margin only when ``margins`` may be told."""
        self.ensure_one()
        if margins:
            return self.env._(
                "%(product)s: real margin %(margin).1f %% (floor %(floor).1f %%)",
                product=line.product_id.display_name,
                margin=line.unifyx_real_margin_percent * 100,
                floor=self.min_margin_percent,
            )
        return self.env._(
            "%(product)s: real margin below the floor of %(floor).1f %%",
            product=line.product_id.display_name,
            floor=self.min_margin_percent,
        )
