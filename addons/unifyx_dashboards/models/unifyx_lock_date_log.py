# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.kpi import measure

LOCK_FIELDS = (
    "fiscalyear_lock_date",
    "hard_lock_date",
    "sale_lock_date",
    "purchase_lock_date",
    "tax_lock_date",
)


class UnifyxLockDateLog(models.Model):
    """When each accounting lock date was moved: the month-end close duration
    is the time from a period's last day to the lock that closes it."""

    _name = "unifyx.lock.date.log"
    _description = "Lock Date History"
    _order = "date desc, id desc"

    date = fields.Datetime(string="Set On", required=True, default=fields.Datetime.now, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Set By")
    lock_field = fields.Selection(
        [
            ("fiscalyear_lock_date", "Global Lock Date"),
            ("hard_lock_date", "Hard Lock Date"),
            ("sale_lock_date", "Sales Lock Date"),
            ("purchase_lock_date", "Purchase Lock Date"),
            ("tax_lock_date", "Tax Return Lock Date"),
        ],
        string="Lock",
        required=True,
    )
    old_date = fields.Date(string="From")
    new_date = fields.Date(string="To")

    # ----------------------------------------------------- KPIs (registry)
    @api.model
    def _unifyx_kpi_close_duration(self, period):
        # The first time a lock date covering the period's last day was set.
        log = self.sudo().search(
            [
                ("company_id", "=", period.company.id),
                ("lock_field", "in", ("fiscalyear_lock_date", "hard_lock_date")),
                ("new_date", ">=", period.date_to),
            ],
            order="date",
            limit=1,
        )
        if not log:
            return []
        days = (log.date.date() - period.date_to).days
        return [measure(days, days, 1)]

    @api.model
    def _unifyx_kpi_close_duration_domain(self, value):
        return [("company_id", "=", value.company_id.id)]
