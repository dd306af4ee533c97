# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnifyxKpiBaseline(models.Model):
    """A KPI as measured before go-live (the kick-off audit): the reference the
    change since go-live is taken from. Entered by the consultant or finance."""

    _name = "unifyx.kpi.baseline"
    _description = "KPI Baseline"
    _order = "company_id, kpi, warehouse_id"
    _rec_name = "kpi"

    kpi = fields.Selection(selection="_selection_kpi", string="KPI", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # Empty: the company-wide baseline, also used by the warehouses without one.
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    value = fields.Float(required=True, digits=(16, 2))
    date_from = fields.Date(string="Measured From", required=True)
    date_to = fields.Date(string="Measured To", required=True)
    source = fields.Char(required=True, help="Where the figure comes from.")

    @api.model
    def _selection_kpi(self):
        return self.env["unifyx.kpi.value"]._selection_kpi()

    @api.constrains("kpi", "company_id", "warehouse_id", "date_from", "date_to")
    def _check_unique(self):
        for baseline in self:
            if baseline.date_from > baseline.date_to:
                raise ValidationError(self.env._("The baseline's period ends before it starts."))
            twin = self.sudo().search_count(
                [
                    ("id", "!=", baseline.id),
                    ("kpi", "=", baseline.kpi),
                    ("company_id", "=", baseline.company_id.id),
                    ("warehouse_id", "=", baseline.warehouse_id.id),
                ]
            )
            if twin:
                raise ValidationError(
                    self.env._("This KPI already has a baseline for this company and warehouse.")
                )

    # The stored baseline of the KPI values follows its baselines.
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._unifyx_touch_values()
        return records

    def write(self, vals):
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
