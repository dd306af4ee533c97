# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .approval_matrix import DOCUMENT_MODELS, TEAM_PATHS
from .tier_review import review_flow, validation_skipped

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

# OCA's context keys that skip its checks. A client sends any context: they are
# honoured only inside validation_skipped() (server-side state).
SKIP_KEYS = ("skip_validation_check", "skip_check_state_condition")

# Always compared with what was approved, whatever the matrix's rows read: the
# amount, the sales exceptions, who asks (self-approval, the requester's manager
# step) and what the amount is counted in.
ALWAYS_WATCHED = (
    "unifyx_approval_amount",
    "unifyx_exception_type_ids",
    "user_id",
    "currency_id",
    "company_id",
)


# What a confirmed order may not change for the worse (see _unifyx_worse_reasons).
CONFIRMED_WATCHED = (
    "unifyx_approval_amount",
    "partner_id",
    "currency_id",
    "company_id",
    "warehouse_id",
    "picking_type_id",
)


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
    unifyx_exception_type_ids = fields.Many2many(
        "unifyx.approval.exception.type",
        string="Sales Exceptions",
        compute="_compute_unifyx_exception_type_ids",
        store=True,
        readonly=True,
        help="Why this document needs approval beyond its amount. Matrix rows can "
        "require approval for any of them.",
    )
    unifyx_approval_snapshot = fields.Json(
        string="Approved Values",
        readonly=True,
        copy=False,
        help="What the matrix matched when approval was requested (or at confirmation): "
        "a document that gets worse than this goes back to approval.",
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

    # The hook of exceptions. An addon that raises one adds its code in
    # _unifyx_get_exception_codes() and the fields it reads with @api.depends
    # on an override of _compute_unifyx_exception_type_ids.
    def _compute_unifyx_exception_type_ids(self):
        codes_by_record = self._unifyx_get_exception_codes()
        all_codes = set().union(*codes_by_record.values()) if codes_by_record else set()
        types = self.env["unifyx.approval.exception.type"].search([("code", "in", list(all_codes))])
        for record in self:
            codes = codes_by_record.get(record.id, set())
            record.unifyx_exception_type_ids = types.filtered(lambda t, c=codes: t.code in c)

    def _unifyx_get_exception_codes(self):
        """Return {record id: set of exception codes} for these records."""
        return {record.id: set() for record in self}

    @api.depends_context("uid")
    def _compute_has_comment(self):
        # Per user: a value computed for one user must not be served to another.
        return super()._compute_has_comment()

    # -- what was approved --------------------------------------------------------

    def _unifyx_watched_paths(self):
        """The fields the matrix matches on: those its rows can match on for this
        document (approval_matrix.py), those the domains of this model's tier
        definitions compare, and ALWAYS_WATCHED."""
        paths = {name for name in ALWAYS_WATCHED if name in self._fields}
        for doc_type, (model, warehouse, partner, lines) in DOCUMENT_MODELS.items():
            if model == self._name:
                paths.update(filter(None, (warehouse, partner, TEAM_PATHS[doc_type])))
                paths.add("%s.product_id.categ_id" % lines)
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .with_context(active_test=False)
            .search([("model", "=", self._name), ("definition_type", "=", "domain")])
        )
        for definition in definitions:
            for leaf in literal_eval(definition.definition_domain or "[]"):
                if isinstance(leaf, list | tuple) and len(leaf) == 3:
                    paths.add(leaf[0])
            if definition.reviewer_field_id:
                paths.add(definition.reviewer_field_id.name)
        # The document's own field a path goes through (the picking type of a
        # purchase's warehouse) is compared too.
        paths.update(
            path.split(".")[0]
            for path in list(paths)
            if "." in path and path.split(".")[0] != self._unifyx_lines_field
        )
        return sorted(path for path in paths if path.split(".")[0] in self._fields)

    def _unifyx_path_value(self, path):
        record = self.sudo()
        head, _dot, rest = path.partition(".")
        if head == self._unifyx_lines_field and rest:
            # A line without an amount (an extra product delivered, priced at 0)
            # brings nothing to approve.
            lines = record[head].filtered(lambda line: line[self._unifyx_line_amount_field])
            value = lines.mapped(rest)
        else:
            value = record.mapped(path)
        if isinstance(value, models.BaseModel):
            return sorted(value.ids)
        if path == "unifyx_approval_amount":
            return self.unifyx_approval_amount
        return [v if isinstance(v, int | float | str | bool) else str(v) for v in value]

    def _unifyx_snapshot_values(self):
        self.ensure_one()
        return {path: self._unifyx_path_value(path) for path in self._unifyx_watched_paths()}

    def _unifyx_take_snapshot(self):
        for record in self:
            record._unifyx_write_snapshot(record._unifyx_snapshot_values())
        return True

    def _unifyx_clear_snapshot(self):
        return self.filtered("unifyx_approval_snapshot")._unifyx_write_snapshot(False)

    def _unifyx_write_snapshot(self, values):
        # Below the mixin's write: the flow's own field, closed to clients.
        if not self:
            return True
        return super(UnifyxApprovalMixin, self.sudo()).write({"unifyx_approval_snapshot": values})

    def _unifyx_worse_reasons(self, confirmed=False):
        """What changed for the worse since the snapshot: the amount up, or any
        other watched value changed (for values read through the lines, such as
        their categories, only additions count: rows match "any line").

        Once ``confirmed``, only the amount and the order's own partner,
        currency, company and warehouse count: exceptions, teams or categories
        also move with costs, people and products, outside the order."""
        self.ensure_one()
        snapshot = self.unifyx_approval_snapshot or {}
        reasons = []
        for path, before in snapshot.items():
            if path.split(".")[0] not in self._fields:
                continue
            if confirmed and path not in CONFIRMED_WATCHED:
                continue
            now = self._unifyx_path_value(path)
            if path == "unifyx_approval_amount":
                # More is worse where a band decides: an order approved for an
                # exception only may sell dearer.
                worse = float_compare(
                    now, before or 0.0, precision_rounding=self.company_currency_id.rounding
                ) > 0 and any(
                    "unifyx_approval_amount" in (definition.definition_domain or "")
                    for definition in self._unifyx_matching_definitions()
                )
            elif self._fields[path.split(".")[0]].type in ("one2many", "many2many"):
                worse = bool(set(now) - set(before or []))
            else:
                worse = now != before
            if worse:
                reasons.append(path)
        return reasons

    def _unifyx_matching_definitions(self):
        self.ensure_one()
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False] + self._get_company().ids),
                ]
            )
        )
        return definitions.filtered(lambda d: self.evaluate_tier(d))

    def _unifyx_check_worse(self):
        """Approval restarts for a document in approval that got worse than what
        was approved; a confirmed one that got worse, and that the matrix
        governs, is refused: Odoo does not take a confirmed order back to a
        quotation with its deliveries or receipts."""
        restart = self.browse()
        for record in self.filtered("unifyx_approval_snapshot"):
            state = record[self._state_field]
            confirmed = state not in self._state_from
            reasons = record._unifyx_worse_reasons(confirmed=confirmed)
            if not reasons:
                continue
            if not confirmed:
                if record.review_ids:
                    restart |= record
                else:
                    record._unifyx_clear_snapshot()
            elif (
                state != self._cancel_state
                and not self.env.su
                and record._unifyx_matching_definitions()
            ):
                labels = [
                    record._fields[path.split(".")[0]]._description_string(self.env)
                    for path in reasons
                ]
                raise UserError(
                    self.env._(
                        "%(document)s is confirmed: it cannot change for the worse "
                        "(%(fields)s) without a new approval. Cancel it and ask for "
                        "approval again.",
                        document=record.display_name,
                        fields=", ".join(labels),
                    )
                )
        if restart:
            restart.restart_validation()
            for record in restart:
                record.message_post(
                    body=self.env._("Changed after approval was requested: approval starts again."),
                    subtype_xmlid="mail.mt_note",
                )

    def _unifyx_under_approval(self):
        self.ensure_one()
        return bool(self.review_ids) and self[self._state_field] in self._state_from

    def _unifyx_without_client_skips(self):
        """OCA honours skip_validation_check and skip_check_state_condition from
        the context: only inside validation_skipped() here."""
        if validation_skipped() or not any(self.env.context.get(key) for key in SKIP_KEYS):
            return self
        return self.with_context(**dict.fromkeys(SKIP_KEYS, False))

    def _check_state_from_condition(self):
        return super(
            UnifyxApprovalMixin, self._unifyx_without_client_skips()
        )._check_state_from_condition()

    def _tier_validation_check_write_allowed(self, vals):
        return super(
            UnifyxApprovalMixin, self._unifyx_without_client_skips()
        )._tier_validation_check_write_allowed(vals)

    def _tier_validation_check_state_on_write(self, vals):
        """OCA's check, with the amount compared with what was approved, and
        without relying on request_validation's return value (it returns True
        for XML-RPC)."""
        self = self._unifyx_without_client_skips()
        for record in self:
            if not record._check_state_conditions(vals):
                continue
            if record.need_validation:
                # Try to validate: a reviewer confirming approves at once.
                record.request_validation()
                record._validate_tier(record.review_ids)
                if record.validation_status != "validated":
                    pending = record.review_ids.filtered(lambda r: r.status == "pending")
                    raise ValidationError(
                        self.env._(
                            "This action needs to be validated for at least one record. "
                            "Reviews pending:\n - %s \nPlease request a validation.",
                            "\n - ".join(pending.mapped("name")),
                        )
                    )
            if record.review_ids and record.validation_status != "validated":
                raise ValidationError(
                    self.env._("A validation process is still open for at least one record.")
                )
            if record.review_ids and record._unifyx_worse_reasons():
                raise ValidationError(
                    self.env._(
                        "%(document)s changed since it was approved: ask for approval again.",
                        document=record.display_name,
                    )
                )

    def _unifyx_leaves_approval(self, vals):
        """Written to a state past approval other than cancelling: Odoo's Lock
        button writes 'done' on a draft purchase order, and Unlock then makes it
        'purchase' from a state no check watched."""
        state = vals.get(self._state_field)
        return bool(state) and state not in self._state_from + [self._cancel_state]

    def _check_state_conditions(self, vals):
        # Any way out of the states under approval is a confirmation.
        if self._unifyx_leaves_approval(vals):
            self.ensure_one()
            return bool(self._check_state_from_condition())
        return super()._check_state_conditions(vals)

    def _check_tier_state_transition(self, vals):
        # Checked as a confirmation above, not as a write under approval.
        if self._unifyx_leaves_approval(vals):
            return False
        return super()._check_tier_state_transition(vals)

    def _tier_validation_check_write_remove_reviews(self, vals):
        # Leaving an approved state (cancel, back to draft) clears the approval.
        leaving = self.filtered(lambda r: r._allow_to_remove_reviews(vals))
        with review_flow():
            res = super()._tier_validation_check_write_remove_reviews(vals)
        leaving._unifyx_clear_snapshot()
        return res

    def _unifyx_stale_approval(self):
        """Reviewed, still before confirmation, and worse than what was approved
        (a path that did not restart approval at once): ask for it again."""
        self.ensure_one()
        return bool(
            not isinstance(self.id, models.NewId)
            and self.review_ids
            and self.unifyx_approval_snapshot
            and self[self._state_field] in self._state_from
            and self._unifyx_worse_reasons()
        )

    def _compute_need_validation(self):
        res = super()._compute_need_validation()
        for record in self.filtered(lambda r: not r.need_validation):
            if record._unifyx_stale_approval() and record._unifyx_matching_definitions():
                record.need_validation = True
        return res

    @api.model
    def _get_under_validation_exceptions(self):
        # The snapshot is the flow's own (clients cannot write it, see write()).
        return (
            super()._get_under_validation_exceptions()
            + self._unifyx_editable_under_approval
            + ["unifyx_approval_snapshot"]
        )

    @api.model
    def _get_after_validation_exceptions(self):
        return (
            super()._get_after_validation_exceptions()
            + self._unifyx_editable_under_approval
            + ["unifyx_approval_snapshot"]
        )

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

    # -- the review flow ----------------------------------------------------------

    def _unifyx_reviews_to_decide(self, tiers=False):
        """The reviews of this document that the current user decides now: theirs,
        waiting or pending, at their turn. ``tiers`` (from a wizard) narrows them,
        never widens them to another document's."""
        self.ensure_one()
        user = self.env.user
        sequences = self._get_sequences_to_approve(user)
        reviews = self.review_ids.filtered(
            lambda r: (
                r.status in ("waiting", "pending")
                and user in r.reviewer_ids
                and (r.sequence in sequences or r.approve_sequence_bypass)
            )
        )
        if tiers:
            reviews &= tiers
        return reviews

    def _unifyx_check_approver(self, reviews):
        """Nobody approves their own request, whatever roles they hold, nor
        after their delegation has ended."""
        self.ensure_one()
        if self.env.su or not reviews:
            return
        self._unifyx_check_delegation(reviews)
        if self.env.user in (self.user_id | self.create_uid):
            raise UserError(
                self.env._(
                    "You cannot approve your own request %(document)s: "
                    "another approver must review it.",
                    document=self.display_name,
                )
            )

    def _unifyx_check_delegation(self, reviews):
        if any(self.env.user not in review.sudo()._get_reviewers() for review in reviews):
            raise UserError(
                self.env._(
                    "Your delegation to approve %(document)s has ended.",
                    document=self.display_name,
                )
            )

    def request_validation(self):
        self.invalidate_recordset(["need_validation"])
        self.filtered(lambda r: r._unifyx_stale_approval()).restart_validation()
        self.invalidate_recordset(["need_validation"])
        # Only the reviews created now take a snapshot: requesting again must not
        # bless changes made since an approval.
        fresh = self.filtered(lambda r: not r.review_ids)
        with review_flow():
            super().request_validation()
        fresh.filtered("review_ids")._unifyx_take_snapshot()
        self.review_ids._unifyx_sync_activities()
        # Not the reviews: XML-RPC cannot marshal a recordset.
        return True

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        reviews = self._unifyx_reviews_to_decide(tiers)
        if not reviews:
            # OCA would take every review of the document for an empty set.
            return
        self._unifyx_check_approver(reviews)
        with review_flow():
            super()._validate_tier(tiers=reviews)
        self.review_ids._unifyx_sync_activities()

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        reviews = self._unifyx_reviews_to_decide(tiers)
        if not reviews:
            return
        if not self.env.su:
            self._unifyx_check_delegation(reviews)
        with review_flow():
            super()._rejected_tier(tiers=reviews)
        self.review_ids._unifyx_sync_activities()

    def validate_tier(self):
        self.ensure_one()
        if not self._unifyx_reviews_to_decide():
            # Nothing is the user's to decide now: no wizard to fill in for nothing.
            return True
        res = super().validate_tier()
        return True if res is None else res

    def reject_tier(self):
        self.ensure_one()
        if not self._unifyx_reviews_to_decide():
            return True
        res = super().reject_tier()
        return True if res is None else res

    def restart_validation(self):
        with review_flow():
            super().restart_validation()
        # OCA restarts only before confirmation: a confirmed order keeps what it
        # was confirmed at, or it could then get worse unchecked.
        self.filtered(
            lambda r: not r.review_ids and r[r._state_field] in r._state_from
        )._unifyx_clear_snapshot()
        self.review_ids._unifyx_sync_activities()
        return True

    def _update_counter(self, review_counter):
        # OCA moves the next sequential review to pending here, after a decision.
        with review_flow():
            res = super()._update_counter(review_counter)
        self.review_ids._unifyx_sync_activities()
        return res
