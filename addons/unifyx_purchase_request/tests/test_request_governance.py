# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may move a request, through ``with_user``: the requester never approves
their own request, the state and the estimated cost are the server's, and the
actions check the role."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.unifyx_approvals.tests.common import UnifyxCompanyCase

from .common import PurchaseRequestSetupMixin, decide


@tagged("post_install", "-at_install")
class TestRequestGovernance(PurchaseRequestSetupMixin, UnifyxCompanyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_purchase_requests()

    def test_requester_cannot_approve_own_request(self):
        manager = self.users["purchasing_manager"]
        request = self.make_request(manager, {"A": 40})
        request.with_user(manager).button_to_approve()
        self.assertEqual(request.state, "to_approve")
        with self.assertRaisesRegex(UserError, "cannot approve your own request"):
            decide(request, manager)
        self.assertEqual(request.review_ids.status, "pending")
        self.assertEqual(request.state, "to_approve")
        # Nor by the button OCA's view had.
        with self.assertRaises(UserError):
            request.with_user(manager).button_approved()
        self.assertEqual(request.state, "to_approve")
        # Another purchasing manager does.
        other = self.users["director"]
        decide(request, other)
        self.assertEqual(request.state, "approved")

    def test_state_written_directly_is_refused(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"A": 40})
        for state in ("to_approve", "approved", "in_progress", "done"):
            with self.assertRaisesRegex(AccessError, "only through its buttons"):
                request.with_user(operator).write({"state": state})
        with self.assertRaisesRegex(AccessError, "only through its buttons"):
            request.with_user(self.users["purchasing_manager"]).write({"state": "approved"})
        self.assertEqual(request.state, "draft")
        # Created straight as approved: refused too.
        with self.assertRaises(AccessError):
            self.env["purchase.request"].with_user(operator).create(
                {
                    "description": "x",
                    "company_id": self.company.id,
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "state": "approved",
                }
            )

    def test_estimated_cost_and_cancellation_are_the_servers(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"D": 100})
        with self.assertRaisesRegex(AccessError, "worked out by the server"):
            request.line_ids.with_user(operator).write({"estimated_cost": 10.0})
        with self.assertRaisesRegex(AccessError, "worked out by the server"):
            request.line_ids.with_user(operator).do_cancel()
        self.assertEqual(request.line_ids.estimated_cost, 6000.0)
        self.assertFalse(request.line_ids.cancelled)

    def test_roles_on_the_actions(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"A": 40})
        # The reason is asked for.
        request.with_user(operator).description = " "
        with self.assertRaisesRegex(UserError, "Reason"):
            request.with_user(operator).button_to_approve()
        request.with_user(operator).description = "Shelf empty"
        # Another requester cannot submit it.
        with self.assertRaises(AccessError):
            request.with_user(self.users["salesperson"]).button_to_approve()
        request.with_user(operator).button_to_approve()
        decide(request, self.users["purchasing_manager"])
        self.assertEqual(request.state, "approved")
        # The requester cannot reject it once approved, nor turn it into purchases.
        with self.assertRaises(AccessError):
            request.with_user(operator).button_rejected()
        with self.assertRaises(AccessError):
            request.with_user(operator).action_unifyx_create_purchases()
        with self.assertRaises(AccessError):
            request.with_user(operator).button_done()
        self.assertEqual(request.state, "approved")

    def test_approved_request_cannot_get_worse(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"A": 40})
        request.with_user(operator).button_to_approve()
        decide(request, self.users["purchasing_manager"])
        with self.assertRaisesRegex(UserError, "cannot change for the worse"):
            request.line_ids.with_user(self.users["purchaser"]).write({"product_qty": 400})
        # The refusal rolled the write back (the test's savepoint): read afresh.
        self.env.invalidate_all(flush=False)
        self.assertEqual(request.line_ids.product_qty, 40)

    def test_request_under_approval_made_worse_restarts(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"A": 40})
        request.with_user(operator).button_to_approve()
        self.assertEqual(request.review_ids.definition_id.unifyx_matrix_id, self.small_row)
        # 400 units: 5,000, the large band's. Approval starts again.
        request.line_ids.with_user(operator).write({"product_qty": 400})
        self.assertEqual(request.line_ids.estimated_cost, 5000.0)
        request.invalidate_recordset()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.review_ids.definition_id.unifyx_matrix_id, self.large_row)
        self.assertEqual(len(request.review_ids), 2)
        decide(request, self.users["purchasing_manager"])
        self.assertEqual(request.state, "to_approve")
        decide(request, self.users["finance"])
        self.assertEqual(request.state, "approved")
