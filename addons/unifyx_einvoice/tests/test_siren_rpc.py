# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.unifyx_base.tests.common import RoleUsersMixin, RpcClientMixin


@tagged("post_install", "-at_install")
class TestSirenRpc(RpcClientMixin, RoleUsersMixin, HttpCase):
    """An integration writing partners over XML-RPC / JSON-RPC gets the same
    checksum refusal as the form, and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_role_users()
        cls.user = cls.users["sales_manager"]

    def _vals(self, **vals):
        return {"name": "Client RPC", "is_company": True, "company_id": self.company.id, **vals}

    def test_wrong_siren_refused_over_rpc(self):
        Partner = self.env["res.partner"]
        self.assertRpcRefused(
            "checksum is wrong", self.user, "res.partner", "create", [self._vals(siren="334175222")]
        )
        self.assertRpcRefused(
            "invalid", self.user, "res.partner", "create", [self._vals(siret="33417522100013")]
        )
        self.assertFalse(Partner.search([("name", "=", "Client RPC")]))
        # Valid ones, typed with spaces, are compacted and saved.
        ids = self.xmlrpc_call(
            self.user, "res.partner", "create", [self._vals(siret="334 175 221 00012")]
        )
        partner = Partner.browse(ids)
        self.assertEqual((partner.siren, partner.nic), ("334175221", "00012"))
        self.assertRpcRefused(
            "checksum is wrong", self.user, "res.partner", "write", partner.ids, {"nic": "00013"}
        )
        self.assertEqual(partner.nic, "00012")
