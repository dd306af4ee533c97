# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The approval core: ``unifyx.approval.mixin`` itself.

Declares the mixin (on top of OCA's ``tier.validation``), the amount the matrix
compares with its bands, the "who must approve this?" preview, and the CRUD
guards (fields only the review flow writes, documents created straight into a
confirmed state). The other concerns are ``_inherit`` files of the mixin:

- ``approval_mixin_exception``: the exception-type hook
  (``_unifyx_get_exception_codes``);
- ``approval_mixin_snapshot``: the approval fingerprint (``_unifyx_watched_paths``)
  and "got worse" (``_unifyx_worse_reasons``);
- ``approval_mixin_guard``: the confirmation guard and the refusal of clients'
  skip keys;
- ``approval_mixin_review``: the review flow (request, validate, reject, restart).
"""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .tier_review import review_flow

# Fields an order under or after approval may still change before confirmation:
# if the order gets worse, it goes back to approval.
EDITABLE_UNDER_APPROVAL = [
    "order_line",
    "notes",
    "note",
    "partner_ref",
    "client_order_ref",
    "date_planned",
    "commitment_date",
    "payment_term_id",
    "incoterm_id",
    "fiscal_position_id",
]


class UnifyxApprovalMixin(models.AbstractModel):
    """The approval core: what makes a document approvable by the approval
    matrix, on top of OCA's tier.validation. Purchase orders, sale orders and
    inventory requests inherit it.

    - the amount compared with the bands (gross: no negative line lowers it),
      the sales exceptions, the "who must approve this?" preview;
    - reviews change only through the review flow (validate / reject and their
      wizard), for the approver whose turn it is, never their own request;
    - what was approved is kept (``unifyx_approval_snapshot``): a document that
      gets worse (amount up, a new exception, a field the matrix matches on
      changed) goes back to approval, or is refused once confirmed;
    - public methods return what XML-RPC can marshal.
    """

    _name = "unifyx.approval.mixin"
    _inherit = ["tier.validation"]
    _description = "UnifyX approval matrix document"

    # The documents' one2many of lines, and the fields a line's amount reads.
    _unifyx_lines_field = "order_line"
    _unifyx_line_amount_field = "price_subtotal"
    # Fields still writable under approval (OCA's exceptions), see above.
    _unifyx_editable_under_approval = []

    # Every governed document has them; declared for the related fields below.
    company_id = fields.Many2one("res.company")
    user_id = fields.Many2one("res.users")
    unifyx_approval_amount = fields.Monetary(
        string="Amount for Approval",
        currency_field="company_currency_id",
        compute="_compute_unifyx_approval_amount",
        store=True,
        index=True,
        readonly=True,
        help="Gross untaxed amount in the company currency at the document date (the sum "
        "of the positive lines: a negative line does not lower it): what the approval "
        "matrix compares with its bands.",
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    unifyx_requester_manager_id = fields.Many2one(
        related="user_id.unifyx_approval_manager_id", string="Requester's Manager"
    )
    unifyx_approval_preview = fields.Html(
        string="Who must approve this?",
        compute="_compute_unifyx_approval_preview",
        sanitize=False,
    )

    @api.model
    def _unifyx_amount_depends(self):
        if self._abstract:
            return []
        return [
            "%s.%s" % (self._unifyx_lines_field, self._unifyx_line_amount_field),
            "currency_id",
            "date_order",
            "company_id",
        ]

    @api.depends(lambda self: self._unifyx_amount_depends())
    def _compute_unifyx_approval_amount(self):
        for record in self:
            record.unifyx_approval_amount = record._unifyx_gross_amount()

    def _unifyx_gross_amount(self):
        """Sum of the positive line amounts in the company currency: +30,000
        and -26,000 count as 30,000, not 4,000."""
        self.ensure_one()
        amount = sum(
            max(line[self._unifyx_line_amount_field], 0.0)
            for line in self[self._unifyx_lines_field]
            if not line.display_type
        )
        return self.currency_id._convert(
            amount,
            self.company_id.currency_id,
            self.company_id,
            self.date_order or fields.Date.context_today(self),
        )

    def _compute_unifyx_approval_preview(self):
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search([("model", "=", self._name), ("unifyx_matrix_id", "!=", False)])
            .sorted("sequence", reverse=True)
        )
        for record in self:
            lines = []
            for definition in definitions:
                if definition.company_id and definition.company_id != record.company_id:
                    continue
                if isinstance(record.id, models.NewId) or not record.evaluate_tier(definition):
                    continue
                lines.append(
                    Markup("<li>%s <span class='text-muted'>(%s: %s)</span></li>")
                    % (
                        definition.unifyx_matrix_step_id.display_name,
                        definition.unifyx_matrix_id.name,
                        definition.unifyx_matrix_id.description,
                    )
                )
            record.unifyx_approval_preview = (
                Markup("<ol>%s</ol>") % Markup().join(lines)
                if lines
                else escape(self.env._("No approval needed."))
            )

    @api.depends_context("uid")
    def _compute_has_comment(self):
        # Per user: a value computed for one user must not be served to another.
        return super()._compute_has_comment()

    # -- CRUD ---------------------------------------------------------------------

    def _unifyx_protected_fields(self):
        """Fields only the review flow sets: reviews, their outcome, and what
        was approved."""
        names = set(self.env["tier.validation"]._fields) - {"id", "display_name"}
        return names | {
            "unifyx_approval_snapshot",
            "unifyx_approval_amount",
            "unifyx_exception_type_ids",
        }

    @api.model_create_multi
    def create(self, vals_list):
        # The confirmation checks run on write: a document a client creates (or
        # copies) straight into a confirmed state is created before it, then moved.
        states = [None] * len(vals_list)
        if not self.env.su:
            for index, vals in enumerate(vals_list):
                if vals.get(self._state_field) not in (None, False, *self._state_from):
                    vals_list[index] = dict(vals)
                    states[index] = vals_list[index].pop(self._state_field)
        records = super().create(vals_list)
        for record, state in zip(records, states, strict=True):
            if state:
                record.write({self._state_field: state})
        return records

    def write(self, vals):
        protected = self._unifyx_protected_fields() & vals.keys()
        if protected and not self.env.su:
            raise AccessError(
                self.env._(
                    "Approvals change only through the Validate and Reject buttons of "
                    "their document (%(fields)s cannot be written).",
                    fields=", ".join(sorted(protected)),
                )
            )
        # need_validation declares no dependency: a value computed before reviews
        # were requested in the same transaction would ask for them twice.
        self.invalidate_recordset(["need_validation"])
        leaving = self.browse()
        if self._unifyx_leaves_approval(vals):
            leaving = self.filtered(lambda r: r[self._state_field] in self._state_from)
        res = super().write(vals)
        if vals.get(self._state_field) in self._state_to:
            # Confirmed: later changes are compared with what was confirmed.
            self._unifyx_take_snapshot()
        else:
            leaving._unifyx_take_snapshot()
        self._unifyx_check_worse()
        return res

    def unlink(self):
        # The reviews go with their document (OCA deletes them in unlink).
        with review_flow():
            return super().unlink()
