# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_demand_window_days = fields.Integer(
        string="Demand window (days)",
        default=90,
        help="The average daily demand of the stock-out warning is the quantity "
        "delivered to customers over this many past days.",
    )
    unifyx_overstock_cover_days = fields.Integer(
        string="Overstock beyond (days of cover)",
        default=180,
        help="Stock beyond this many days of demand (or beyond the replenishment "
        "maximum) counts as overstock. 0: only the maximum counts.",
    )

    _sql_constraints = [
        (
            "unifyx_demand_window_positive",
            "CHECK(unifyx_demand_window_days > 0)",
            "The demand window must be at least one day.",
        ),
        (
            "unifyx_overstock_cover_nonneg",
            "CHECK(unifyx_overstock_cover_days >= 0)",
            "The overstock cover cannot be negative.",
        ),
    ]

    def _unifyx_purchasing_users(self):
        """The purchasers and purchasing managers of this company: the digest's readers."""
        self.ensure_one()
        groups = self.env.ref("unifyx_base.group_purchaser") | self.env.ref(
            "unifyx_base.group_purchasing_manager"
        )
        return groups.sudo().users.filtered(lambda u: self in u.company_ids and u.active)

    def _unifyx_digest_risks(self):
        """The critical items of this company that run out before a reorder arrives."""
        self.ensure_one()
        return (
            self.env["unifyx.stock.risk"]
            .sudo()
            .search(
                [("company_id", "=", self.id), ("critical", "=", True), ("at_risk", "=", True)],
                order="stockout_date, warehouse_id, product_id",
            )
        )

    def _unifyx_send_stock_digest(self):
        """One mail per company and language to the purchasing roles, when items are at risk."""
        template = self.env.ref("unifyx_stock_control.mail_template_stock_digest")
        mails = self.env["mail.mail"]
        for company in self:
            if not company._unifyx_digest_risks():
                continue
            by_lang = {}
            for user in company._unifyx_purchasing_users():
                by_lang.setdefault(user.lang or "en_US", self.env["res.partner"])
                by_lang[user.lang or "en_US"] |= user.partner_id
            for lang, partners in by_lang.items():
                mail_id = template.with_context(lang=lang).send_mail(
                    company.id,
                    email_values={"recipient_ids": [(6, 0, partners.ids)]},
                )
                mails |= self.env["mail.mail"].sudo().browse(mail_id)
        return mails
