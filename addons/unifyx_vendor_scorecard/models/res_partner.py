# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    unifyx_scorecard_ids = fields.One2many(
        "unifyx.vendor.scorecard", "partner_id", string="Vendor Scorecard", readonly=True
    )
    unifyx_vendor_score = fields.Float(
        "Vendor Score", compute="_compute_unifyx_vendor_score", digits=(16, 1)
    )
    unifyx_vendor_rank = fields.Integer("Vendor Rank", compute="_compute_unifyx_vendor_score")
    unifyx_vendor_score_month = fields.Date("Scored Month", compute="_compute_unifyx_vendor_score")

    @api.depends_context("company")
    def _compute_unifyx_vendor_score(self):
        """The latest month scored in the current company (one query for all)."""
        partners = self.filtered("id")
        scorecard = self.env["unifyx.vendor.scorecard"]
        latest = {}
        if partners and scorecard.has_access("read"):
            commercial = partners.commercial_partner_id
            rows = scorecard._unifyx_latest(commercial, self.env.company)
            latest = {p.id: rows.get(p.commercial_partner_id.id) for p in partners}
        for partner in self:
            row = latest.get(partner.id)
            partner.unifyx_vendor_score = row.score if row else 0.0
            partner.unifyx_vendor_rank = row.rank if row else 0
            partner.unifyx_vendor_score_month = row.month if row else False

    def action_unifyx_view_scorecard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "unifyx_vendor_scorecard.unifyx_vendor_scorecard_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action
