# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The approval mixin's generic behaviour on a tester model (odoo-test-helper),
independent of purchase and sale: request, matrix row matched, decision through
the comment wizard, restart when made worse, client skip keys refused."""

from odoo_test_helper import FakeModelLoader

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..models import approval_matrix
from .common import UnifyxCompanyCase, decide, matrix_row


@tagged("post_install", "-at_install")
class TestApprovalMixin(UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.requester = cls.users["purchaser"]
        cls.approver = cls.users["purchasing_manager"]

    def setUp(self):
        # Per test, as base_tier_validation does: Odoo checks after each test
        # that no model class kept attributes it did not have before.
        super().setUp()
        self.loader = FakeModelLoader(self.env, self.__module__)
        self.loader.backup_registry()
        from .approval_mixin_tester import (  # noqa: PLC0415 (after the backup)
            TierDefinition,
            UnifyxApprovalMatrix,
            UnifyxApprovalTester,
            UnifyxApprovalTesterLine,
        )

        self.loader.update_registry(
            (UnifyxApprovalTester, UnifyxApprovalTesterLine, TierDefinition, UnifyxApprovalMatrix)
        )
        # The matrix knows the tester as a document type of its own (not
        # patch.dict: Odoo's attribute check walks the active patchers).
        for table, value in (
            (approval_matrix.DOCUMENT_MODELS, ("unifyx.approval.tester", None, None, "line_ids")),
            (approval_matrix.TEAM_PATHS, None),
        ):
            table["tester"] = value
            self.addCleanup(table.pop, "tester")
        for model in ("unifyx.approval.tester", "unifyx.approval.tester.line"):
            self.env["ir.model.access"].create(
                {
                    "name": "access %s" % model,
                    "model_id": self.env["ir.model"]._get_id(model),
                    "group_id": self.env.ref("base.group_user").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
            )
        self.row = matrix_row(
            self.env,
            self.company,
            "unifyx_base.group_purchasing_manager",
            document_type="tester",
            name="Tester from 1,000",
            amount_min=1000,
        )

    def tearDown(self):
        self.loader.restore_registry()
        super().tearDown()

    def _document(self, *amounts):
        return (
            self.env["unifyx.approval.tester"]
            .with_user(self.requester)
            .create(
                {
                    "company_id": self.company.id,
                    "line_ids": [Command.create({"amount": amount}) for amount in amounts],
                }
            )
        )

    def test_request_and_matrix_row_matched(self):
        small = self._document(500)
        self.assertFalse(small.need_validation)
        self.assertIs(small.action_confirm(), True)
        self.assertEqual(small.state, "confirmed")
        document = self._document(3000, -2500)
        self.assertEqual(document.unifyx_approval_amount, 3000, "gross: no line lowers it")
        self.assertTrue(document.need_validation)
        self.assertIn(self.row.name, document.unifyx_approval_preview)
        with self.assertRaises(ValidationError):
            document.action_confirm()
        self.assertIs(document.request_validation(), True)
        self.assertEqual(document.review_ids.definition_id.unifyx_matrix_id, self.row)
        self.assertEqual(document.unifyx_approval_snapshot["unifyx_approval_amount"], 3000)

    def test_decision_through_comment_wizard(self):
        document = self._document(3000)
        document.request_validation()
        # Nobody approves their own request, and reviews are not written.
        decide(document, self.requester)
        self.assertEqual(document.review_ids.status, "pending")
        with self.assertRaises(AccessError):
            document.write({"review_ids": [Command.update(document.review_ids.id, {})]})
        action = decide(document, self.approver, comment="Fine")
        self.assertEqual(action["res_model"], "comment.wizard")
        self.assertEqual(document.validation_status, "validated")
        self.assertEqual(document.review_ids.done_by, self.approver)
        self.assertEqual(document.review_ids.comment, "Fine")
        document.action_confirm()
        self.assertEqual(document.state, "confirmed")

    def test_restart_when_made_worse(self):
        document = self._document(3000)
        document.request_validation()
        decide(document, self.approver)
        self.assertEqual(document.validation_status, "validated")
        document.note = "a harmless change"
        self.assertEqual(document.validation_status, "validated")
        document.write({"line_ids": [Command.create({"amount": 5000})]})
        self.assertFalse(document.review_ids, "worse than approved: approval starts again")
        with self.assertRaises(ValidationError):
            document.action_confirm()
        document.request_validation()
        decide(document, self.approver)
        document.action_confirm()
        self.assertEqual(document.state, "confirmed")
        # Confirmed, it cannot get worse any more.
        with self.assertRaises(Exception):  # noqa: B017 (UserError or ValidationError)
            document.write({"line_ids": [Command.create({"amount": 9000})]})

    def test_client_skip_keys_refused(self):
        document = self._document(3000)
        document.request_validation()
        skip = {"skip_validation_check": True, "skip_check_state_condition": True}
        with self.assertRaises(ValidationError):
            document.with_context(**skip).action_confirm()
        self.assertEqual(document.state, "draft")
        with self.assertRaises(AccessError):
            document.with_context(**skip).write({"validation_status": "validated"})
        self.assertEqual(document.review_ids.status, "pending")
