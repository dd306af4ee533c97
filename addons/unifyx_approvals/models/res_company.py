# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    unifyx_urgent_approval_days = fields.Integer(
        string="Urgent Purchase Approval Delay (days)",
        default=2,
        help="An urgent purchase confirmed at once must be approved within this delay; "
        "after it, it is escalated to finance.",
    )
    unifyx_invoice_on_delivery = fields.Boolean(
        string="Invoice on Delivery",
        help="Create and post the customer invoice (or credit note) as soon as a "
        "delivery or a customer return of a sales order is validated.",
    )
    unifyx_count_window_days = fields.Integer(
        string="Count Window (days)",
        default=1,
        help="Counts of a product in a location applied without approval within this "
        "many days (1: the same day) add up against the approval matrix's inventory "
        "thresholds, so a count split in parts is valued whole. 0: each count alone.",
    )
