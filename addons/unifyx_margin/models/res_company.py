# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..tools.margin import html_table


class ResCompany(models.Model):
    _inherit = "res.company"

    def _unifyx_sales_managers(self):
        """The sales managers of this company, who receive its margin alerts."""
        self.ensure_one()
        group = self.env.ref("unifyx_base.group_sales_manager")
        return group.sudo().users.filtered(lambda u: self in u.company_ids)

    def _unifyx_margin_digest(self, orders):
        """The mail telling this company's sales managers of the margin alerts
        of ``orders`` (its own), or an empty recordset without a manager."""
        self.ensure_one()
        managers = self._unifyx_sales_managers()
        if not managers:
            return self.env["mail.mail"]
        labels = dict(orders._fields["unifyx_margin_alert"]._description_selection(self.env))
        rows = [
            (
                o.name,
                o.partner_id.display_name,
                labels[o.unifyx_margin_alert],
                "%.1f %%"
                % ((o.unifyx_real_margin_percent or o.unifyx_expected_margin_percent) * 100),
            )
            for o in orders
        ]
        headers = [
            self.env._("Order"),
            self.env._("Customer"),
            self.env._("Alert"),
            self.env._("Margin"),
        ]
        return (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": self.env._(
                        "Margin alerts of the day: %(company)s", company=self.name
                    ),
                    "body_html": html_table(headers, rows),
                    "recipient_ids": [(6, 0, managers.partner_id.ids)],
                    "author_id": self.env.ref("base.partner_root").id,
                }
            )
        )
