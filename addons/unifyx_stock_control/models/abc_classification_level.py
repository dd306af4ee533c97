# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AbcClassificationLevel(models.Model):
    _inherit = "abc.classification.level"

    unifyx_cycle_count_days = fields.Integer(
        string="Count every (days)",
        default=0,
        help="Products of this class are scheduled for a count this many days after "
        "their last count (Odoo's quant 'Scheduled Date'). 0: the location's own "
        "frequency, or the annual inventory, decides.",
    )

    unifyx_critical = fields.Boolean(
        string="Critical class",
        help="Products of this class are critical items: watched by the stock-out "
        "warning and its morning digest, as the products flagged critical by hand.",
    )

    _sql_constraints = [
        (
            "unifyx_cycle_count_days_nonneg",
            "CHECK(unifyx_cycle_count_days >= 0)",
            "The count frequency cannot be negative.",
        )
    ]
