# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Document type -> (model, path to the warehouse, to the partner, to the lines)
DOCUMENT_MODELS = {
    "purchase": ("purchase.order", "picking_type_id.warehouse_id", "partner_id", "order_line"),
    "sale": ("sale.order", "warehouse_id", "partner_id", "order_line"),
    "inventory": ("unifyx.inventory.approval", "warehouse_ids", None, "line_ids"),
}
# Document type -> path to the requester's team. A sale belongs to its sales
# team (channel); a purchase or a count to the team its requester is member of.
TEAM_PATHS = {
    "purchase": "user_id.sale_team_id",
    "sale": "team_id",
    "inventory": "user_id.sale_team_id",
}


class UnifyxApprovalMatrix(models.Model):
    """One row of the approval matrix: when a document matches its conditions,
    its steps must approve it. Rows add up: a document matching two rows needs
    the steps of both.

    The matrix is the consultant's screen; OCA base_tier_validation does the
    reviewing. Each step is mirrored by a tier.definition that the matrix creates
    and keeps in sync (see ``_sync_tier_definitions``).
    """

    _name = "unifyx.approval.matrix"
    _description = "Approval Matrix Row"
    _inherit = ["mail.thread"]
    _order = "document_type, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    document_type = fields.Selection(
        [
            ("purchase", "Purchase Order"),
            ("sale", "Sale Order"),
            ("inventory", "Inventory Adjustment"),
        ],
        required=True,
        default="purchase",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_min = fields.Monetary(
        string="Untaxed Amount From",
        tracking=True,
        help="Inclusive, in the company currency at the document date. 0: no lower bound.",
    )
    amount_max = fields.Monetary(
        string="Untaxed Amount To",
        tracking=True,
        help="Inclusive, in the company currency at the document date. 0: no upper bound.",
    )
    category_ids = fields.Many2many(
        "product.category",
        string="Product Categories",
        help="The row applies when any line is in one of these categories (or below).",
    )
    warehouse_ids = fields.Many2many("stock.warehouse", string="Warehouses")
    partner_ids = fields.Many2many("res.partner", string="Vendors or Customers")
    team_ids = fields.Many2many(
        "crm.team",
        string="Requester's Teams",
        help="Documents of these teams only: the sales team (channel) of a sale order, "
        "the team its requester is member of for a purchase or a count.",
    )
    exception_type_ids = fields.Many2many(
        "unifyx.approval.exception.type",
        string="Sales Exceptions",
        help="The row applies to sale orders raising any of these exceptions.",
    )
    reminder_delay = fields.Integer(
        string="Reminder After (days)",
        default=2,
        help="Approvers get a reminder when a review waits longer than this. 0: never.",
    )
    over_budget = fields.Boolean(
        string="Over Budget",
        help="The row applies to purchases that would take a budget of the period "
        "(product category or analytic account) over its amount, whatever their amount.",
    )
    parallel = fields.Boolean(
        help="Steps may approve in any order. Otherwise each step waits for the one before."
    )
    step_ids = fields.One2many("unifyx.approval.matrix.step", "matrix_id", string="Steps")
    tier_definition_ids = fields.One2many(
        "tier.definition", "unifyx_matrix_id", string="Tier Definitions", readonly=True
    )
    description = fields.Text(compute="_compute_description")

    @api.constrains("amount_min", "amount_max")
    def _check_amounts(self):
        for row in self:
            if row.amount_min < 0 or row.amount_max < 0:
                raise ValidationError(self.env._("Amounts of an approval row cannot be negative."))
            if row.amount_max and row.amount_max < row.amount_min:
                raise ValidationError(
                    self.env._(
                        "Row %(row)s: the upper amount is below the lower one.", row=row.name
                    )
                )

    @api.constrains("document_type", "exception_type_ids")
    def _check_sale_conditions(self):
        for row in self:
            if row.document_type != "sale" and row.exception_type_ids:
                raise ValidationError(self.env._("Sales exceptions apply to sale orders only."))

    @api.depends(
        "amount_min",
        "amount_max",
        "category_ids",
        "warehouse_ids",
        "partner_ids",
        "team_ids",
        "exception_type_ids",
        "over_budget",
    )
    def _compute_description(self):
        for row in self:
            parts = []
            if row.amount_min or row.amount_max:
                parts.append(
                    self.env._(
                        "untaxed amount %(low)s to %(high)s",
                        low=row.amount_min,
                        high=row.amount_max or "∞",
                    )
                )
            if row.category_ids:
                parts.append(", ".join(row.category_ids.mapped("display_name")))
            if row.warehouse_ids:
                parts.append(", ".join(row.warehouse_ids.mapped("name")))
            if row.partner_ids:
                parts.append(", ".join(row.partner_ids.mapped("display_name")))
            if row.team_ids:
                parts.append(", ".join(row.team_ids.mapped("name")))
            if row.exception_type_ids:
                parts.append(", ".join(row.exception_type_ids.mapped("name")))
            if row.over_budget:
                parts.append(self.env._("over budget"))
            row.description = "; ".join(parts) or self.env._("every document")

    @api.model
    def _unifyx_document_models(self):
        """Extension point: document type -> (model, path to the warehouse, to
        the partner, to the lines). An addon adding a document type (its value
        in ``document_type`` by ``selection_add``) calls super() and adds its
        entry; ``_unifyx_team_paths`` gives its team path."""
        return dict(DOCUMENT_MODELS)

    @api.model
    def _unifyx_team_paths(self):
        """Extension point: document type -> path to the requester's team."""
        return dict(TEAM_PATHS)

    def _get_document_domain(self):
        """The row's conditions as a domain on its document model."""
        self.ensure_one()
        _model, warehouse_field, partner_field, lines_field = self._unifyx_document_models()[
            self.document_type
        ]
        domain = [("company_id", "=", self.company_id.id)]
        if self.document_type == "purchase":
            # Urgent purchases are approved after the fact, not before.
            domain.append(("unifyx_urgent", "=", False))
            if self.over_budget:
                domain.append(("unifyx_budget_exceeded", "=", True))
        if self.amount_min:
            domain.append(("unifyx_approval_amount", ">=", self.amount_min))
        if self.amount_max:
            domain.append(("unifyx_approval_amount", "<=", self.amount_max))
        if self.category_ids:
            domain.append(
                ("%s.product_id.categ_id" % lines_field, "child_of", self.category_ids.ids)
            )
        if self.warehouse_ids:
            domain.append((warehouse_field, "in", self.warehouse_ids.ids))
        if self.partner_ids and partner_field:
            domain.append((partner_field, "in", self.partner_ids.ids))
        if self.team_ids:
            team_path = self._unifyx_team_paths()[self.document_type]
            if team_path:
                domain.append((team_path, "in", self.team_ids.ids))
        if self.exception_type_ids:
            domain.append(("unifyx_exception_type_ids", "in", self.exception_type_ids.ids))
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        rows = super().create(vals_list)
        rows._sync_tier_definitions()
        return rows

    def write(self, vals):
        res = super().write(vals)
        self._sync_tier_definitions()
        return res

    def unlink(self):
        self.tier_definition_ids.sudo().write({"active": False})
        return super().unlink()

    def _sync_tier_definitions(self):
        """Mirror every step by a tier.definition.

        Definitions are never edited: when a row or step changes, its current
        definitions are archived and new ones created. Reviews already requested
        keep pointing at the definition they were made from, so editing the
        matrix never re-routes a review in progress or decided.
        """
        Definition = self.env["tier.definition"].sudo().with_context(active_test=False)
        model_ids = {
            doc_type: self.env["ir.model"]._get_id(model)
            for doc_type, (model, *_paths) in self._unifyx_document_models().items()
        }
        to_create = []
        for row in self.with_context(active_test=False):
            wanted = {}
            if row.active:
                for index, step in enumerate(row.step_ids.sorted("sequence")):
                    wanted[step.id] = row._prepare_tier_definition(step, index, model_ids)
            current = Definition.search([("unifyx_matrix_id", "=", row.id), ("active", "=", True)])
            for definition in current:
                vals = wanted.get(definition.unifyx_matrix_step_id.id)
                if vals and all(
                    definition[name] == value
                    if not isinstance(definition[name], models.BaseModel)
                    else definition[name].id == value
                    for name, value in vals.items()
                ):
                    del wanted[definition.unifyx_matrix_step_id.id]
                else:
                    definition.active = False
            to_create.extend(wanted.values())
        if to_create:
            Definition.create(to_create)

    def _prepare_tier_definition(self, step, index, model_ids):
        self.ensure_one()
        is_group = step.approver_type == "group"
        manager_field = (
            self.env["ir.model.fields"]._get(
                self._unifyx_document_models()[self.document_type][0],
                "unifyx_requester_manager_id",
            )
            if step.approver_type == "manager"
            else self.env["ir.model.fields"]
        )
        return {
            "name": "%s: %s" % (self.name, step.display_name),
            "model_id": model_ids[self.document_type],
            "company_id": self.company_id.id,
            "review_type": "group"
            if is_group
            else ("field" if step.approver_type == "manager" else "individual"),
            "reviewer_group_id": step.group_id.id if is_group else False,
            "reviewer_id": step.user_id.id if step.approver_type == "user" else False,
            "reviewer_field_id": manager_field.id,
            "definition_type": "domain",
            "definition_domain": repr(self._get_document_domain()),
            # tier.review numbers definitions by descending sequence: the first
            # step of the first row must get the highest one.
            "sequence": 100000 - self.sequence * 100 - index,
            "approve_sequence": not self.parallel,
            # A reason is asked for every decision, and every decision is
            # posted in the document's chatter.
            "has_comment": True,
            "notify_on_create": True,
            "notify_on_pending": True,
            "notify_on_accepted": True,
            "notify_on_rejected": True,
            "notify_on_restarted": True,
            "notify_reminder_delay": self.reminder_delay,
            "unifyx_matrix_id": self.id,
            "unifyx_matrix_step_id": step.id,
        }
