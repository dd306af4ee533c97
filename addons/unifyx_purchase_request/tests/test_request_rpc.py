# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The attacks of test_request_governance.py over the external API (plain
xmlrpc.client and JSON-RPC against the test server), as fresh role users
(password = login); each asserts the refusal over both, then that nothing
changed."""

from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, RpcClientMixin

from .common import PurchaseRequestSetupMixin


@tagged("post_install", "-at_install")
class TestRequestRpc(PurchaseRequestSetupMixin, RpcClientMixin, RoleUsersMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls._setup_purchase_requests()

    def _reviews(self, request):
        request.invalidate_recordset()
        return [(r.status, r.done_by.id) for r in request.review_ids]

    def test_requester_cannot_approve_own_request_over_rpc(self):
        manager = self.users["purchasing_manager"]
        request = self.make_request(manager, {"A": 40})
        self.assertIs(
            self.xmlrpc_call(manager, "purchase.request", "button_to_approve", [request.id]), True
        )
        request.invalidate_recordset()
        self.assertEqual(request.state, "to_approve")
        before = self._reviews(request)
        # The comment wizard the Validate button opens, filled in over RPC.
        vals = {
            "res_model": "purchase.request",
            "res_id": request.id,
            "review_ids": [(6, 0, request.review_ids.ids)],
            "validate_reject": "validate",
            "comment": "Mine",
        }
        for call in (self.xmlrpc_call, lambda *a: self.jsonrpc_call(*a)[0]):
            wizard_id = call(manager, "comment.wizard", "create", vals)
            self.assertRpcRefused(
                "cannot approve your own request",
                manager,
                "comment.wizard",
                "add_comment",
                [wizard_id],
            )
        self.assertRpcRefused(
            "approved by its approvers",
            manager,
            "purchase.request",
            "button_approved",
            [request.id],
        )
        self.assertEqual(self._reviews(request), before)
        self.assertEqual(request.state, "to_approve")

    def test_refused_role_cannot_write_the_state_over_rpc(self):
        operator = self.users["warehouse_operator"]
        request = self.make_request(operator, {"D": 100})
        for state in ("approved", "in_progress", "done"):
            self.assertRpcRefused(
                "only through its buttons",
                operator,
                "purchase.request",
                "write",
                [request.id],
                {"state": state},
            )
        self.assertRpcRefused(
            "worked out by the server",
            operator,
            "purchase.request.line",
            "write",
            request.line_ids.ids,
            {"estimated_cost": 1.0},
        )
        self.assertRpcRefused(
            "Only purchasing",
            operator,
            "purchase.request",
            "button_in_progress",
            [request.id],
        )
        # OCA's skip keys in the client's context change nothing.
        self.assertRpcRefused(
            "only through its buttons",
            operator,
            "purchase.request",
            "write",
            [request.id],
            {"state": "approved"},
            context={"skip_validation_check": True, "skip_check_state_condition": True},
        )
        request.invalidate_recordset()
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.line_ids.estimated_cost, 6000.0)
