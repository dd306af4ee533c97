# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .unifyx_lock_date_log import LOCK_FIELDS


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_go_live_date = fields.Date(
        string="Go-live Date",
        help="The day the company started working in UnifyX: the KPIs from that "
        "month on are compared with the baselines measured before.",
    )

    def write(self, vals):
        changed = [name for name in LOCK_FIELDS if name in vals]
        before = {(c.id, name): c[name] for c in self for name in changed}
        res = super().write(vals)
        logs = [
            {
                "company_id": company.id,
                "user_id": self.env.uid,
                "lock_field": name,
                "old_date": before[(company.id, name)],
                "new_date": company[name],
            }
            for company in self
            for name in changed
            if company[name] != before[(company.id, name)]
        ]
        if logs:
            self.env["unifyx.lock.date.log"].sudo().create(logs)
        if "unifyx_go_live_date" in vals:
            self.env["unifyx.kpi.value"].sudo().search(
                [("company_id", "in", self.ids)]
            )._unifyx_recompute_references()
        return res
