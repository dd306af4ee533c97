# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What was approved: the approval fingerprint and "got worse".

When approval is requested (or at confirmation) the mixin keeps a fingerprint
of the document, ``unifyx_approval_snapshot``: the values of the paths
``_unifyx_watched_paths`` returns (the fields the matrix rows and the tier
definitions match on, plus ``ALWAYS_WATCHED``). ``_unifyx_worse_reasons``
compares the document with it: in approval, a worse document goes back to
approval; confirmed, it is refused.

Extension point: an addon whose rule reads another field of the document
overrides ``_unifyx_watched_paths`` and adds its path to the result.
"""

from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .approval_mixin import UnifyxApprovalMixin as ApprovalMixinCore

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


# One _inherit per concern, on purpose (issue 16).
# pylint: disable=consider-merging-classes-inherited
class UnifyxApprovalMixin(models.AbstractModel):
    _inherit = "unifyx.approval.mixin"

    unifyx_approval_snapshot = fields.Json(
        string="Approved Values",
        readonly=True,
        copy=False,
        help="What the matrix matched when approval was requested (or at confirmation): "
        "a document that gets worse than this goes back to approval.",
    )

    def _unifyx_watched_paths(self):
        """Extension point of the approval fingerprint: the paths whose values
        are kept when approval is requested and compared afterwards.

        The fields the matrix matches on: those its rows can match on for this
        document (approval_matrix.py), those the domains of this model's tier
        definitions compare, and ALWAYS_WATCHED. An override calls super() and
        adds its paths (a field of the document, or ``<lines>.<field>``), sorted."""
        paths = {name for name in ALWAYS_WATCHED if name in self._fields}
        Matrix = self.env["unifyx.approval.matrix"]
        team_paths = Matrix._unifyx_team_paths()
        for doc_type, (
            model,
            warehouse,
            partner,
            lines,
        ) in Matrix._unifyx_document_models().items():
            if model == self._name:
                paths.update(filter(None, (warehouse, partner, team_paths.get(doc_type))))
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
        return super(ApprovalMixinCore, self.sudo()).write({"unifyx_approval_snapshot": values})

    def _unifyx_worse_reasons(self, confirmed=False):
        """Return the watched paths that got worse since the fingerprint: the
        amount up, or any other watched value changed (for values read through
        the lines, such as their categories, only additions count: rows match
        "any line").

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
