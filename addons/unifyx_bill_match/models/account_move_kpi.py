# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The match rate (``unifyx.kpi.value``'s registry): vendor bills posted by the
match without a click over the vendor bills of the period (posted, or held by
the match), dated by their bill date."""

from odoo import api, models

from odoo.addons.unifyx_dashboards.tools.kpi import query, ratio


# One _inherit per concern, on purpose.
# pylint: disable=consider-merging-classes-inherited
class AccountMove(models.Model):
    _inherit = "account.move"

    def _unifyx_kpi_bill_match_rate_scope(self, period):
        return [
            ("company_id", "=", period.company.id),
            ("move_type", "=", "in_invoice"),
            ("invoice_date", ">=", period.date_from),
            ("invoice_date", "<=", period.date_to),
            "|",
            ("state", "=", "posted"),
            ("unifyx_match_state", "=", "held"),
        ]

    @api.model
    def _unifyx_kpi_bill_match_rate(self, period):
        ((auto, bills),) = query(
            self.env,
            """
            SELECT count(*) FILTER (WHERE state = 'posted' AND unifyx_auto_posted), count(*)
              FROM account_move
             WHERE company_id = %(company)s AND move_type = 'in_invoice'
               AND invoice_date >= %(date_from)s AND invoice_date <= %(date_to)s
               AND (state = 'posted' OR unifyx_match_state = 'held')
            """,
            dict(period.params, date_from=period.date_from, date_to=period.date_to),
        )
        return [ratio(auto, bills)]

    @api.model
    def _unifyx_kpi_bill_match_rate_domain(self, value):
        return self._unifyx_kpi_bill_match_rate_scope(value._kpi_period())
