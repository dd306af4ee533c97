# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..hooks import FIELD_XMLIDS, PREVIOUS_MODULE, pre_init_hook

MODULE = "unifyx_invoice_on_delivery"


@tagged("post_install", "-at_install")
class TestTakeOver(TransactionCase):
    """A database of 18.0.1.x: the invoicing-on-delivery fields were
    unifyx_approvals'. The install hook gives their external ids to this addon,
    so upgrading approvals removes no column, and a rerun changes nothing."""

    def test_fields_change_hands(self):
        field = self.env.ref("%s.field_res_partner__unifyx_invoice_on_delivery" % MODULE)
        data = self.env["ir.model.data"].search(
            [("module", "=", MODULE), ("name", "in", FIELD_XMLIDS)]
        )
        self.assertEqual(sorted(data.mapped("name")), sorted(FIELD_XMLIDS))
        data.write({"module": PREVIOUS_MODULE})
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertFalse(
            self.env.ref(
                "%s.field_res_partner__unifyx_invoice_on_delivery" % MODULE,
                raise_if_not_found=False,
            )
        )

        pre_init_hook(self.env)
        self.env.invalidate_all()
        self.env.registry.clear_cache()

        self.assertEqual(
            self.env.ref("%s.field_res_partner__unifyx_invoice_on_delivery" % MODULE), field
        )
        self.assertFalse(
            self.env["ir.model.data"].search(
                [("module", "=", PREVIOUS_MODULE), ("name", "in", FIELD_XMLIDS)]
            )
        )
        # A rerun finds nothing left to move.
        pre_init_hook(self.env)
        self.assertEqual(
            self.env["ir.model.data"].search_count(
                [("module", "=", MODULE), ("name", "in", FIELD_XMLIDS)]
            ),
            len(FIELD_XMLIDS),
        )
