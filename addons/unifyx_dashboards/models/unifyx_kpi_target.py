# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxKpiTarget(models.Model):
    """The value a KPI should reach over a month or a range of months."""

    _name = "unifyx.kpi.target"
    _description = "KPI Target"
    _order = "company_id, kpi, date_from"
    _rec_name = "kpi"

    kpi = fields.Selection(selection="_selection_kpi", string="KPI", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # Empty: the company-wide target, also used by the warehouses without one.
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    date_from = fields.Date(string="From Month", required=True)
    date_to = fields.Date(string="To Month", required=True)
    value = fields.Float(string="Target", required=True, digits=(16, 2))

    @api.model
    def _selection_kpi(self):
        return self.env["unifyx.kpi.value"]._selection_kpi()

    @api.constrains("kpi", "company_id", "warehouse_id", "date_from", "date_to")
    def _check_period(self):
        for target in self:
            if target.date_from > target.date_to:
                raise ValidationError(self.env._("The target's period ends before it starts."))
            overlap = self.sudo().search_count(
                [
                    ("id", "!=", target.id),
                    ("kpi", "=", target.kpi),
                    ("company_id", "=", target.company_id.id),
                    ("warehouse_id", "=", target.warehouse_id.id),
                    ("date_from", "<=", target.date_to),
                    ("date_to", ">=", target.date_from),
                ]
            )
            if overlap:
                raise ValidationError(
                    self.env._("Another target of this KPI already covers part of the period.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Whole months: a target covers the months it touches.
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.start_of(
                    fields.Date.to_date(vals["date_from"]), "month"
                )
            if vals.get("date_to"):
                vals["date_to"] = fields.Date.end_of(fields.Date.to_date(vals["date_to"]), "month")
        records = super().create(vals_list)
        records._unifyx_touch_values()
        return records

    def write(self, vals):
        vals = dict(vals)
        if vals.get("date_from"):
            vals["date_from"] = fields.Date.start_of(
                fields.Date.to_date(vals["date_from"]), "month"
            )
        if vals.get("date_to"):
            vals["date_to"] = fields.Date.end_of(fields.Date.to_date(vals["date_to"]), "month")
        self._unifyx_touch_values()
        res = super().write(vals)
        self._unifyx_touch_values()
        return res

    def unlink(self):
        values = self._unifyx_values()
        res = super().unlink()
        values._unifyx_recompute_references()
        return res

    def _unifyx_values(self):
        if not self:
            return self.env["unifyx.kpi.value"]
        return (
            self.env["unifyx.kpi.value"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids), ("kpi", "in", self.mapped("kpi"))])
        )

    def _unifyx_touch_values(self):
        self._unifyx_values()._unifyx_recompute_references()
