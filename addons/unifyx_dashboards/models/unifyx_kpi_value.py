# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The distributor's KPIs, one stored row per company, period (month), KPI and
warehouse: dashboards and trends read this table, never recompute. Each value
keeps its numerator and denominator, and opens the records behind it.

The KPIs are declared once, by ``_unifyx_kpi_definitions()``: the selection of
the ``kpi`` field, the refresh (the nightly snapshot) and the drill-down all read
the declarations. Each KPI's query and drill-down domain are methods named from
its code on the model whose records it measures (``tools.kpi``). Another addon
adds a KPI by extending ``_unifyx_kpi_definitions()`` (``_inherit`` and
``super()``) and defining those two methods."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.kpi import UNITS, KpiDefinition, KpiPeriod

# Only the recompute of a closed month (the finance wizard) holds this token:
# an object, so no RPC call can put it in a context.
RECOMPUTE_TOKEN = object()
# The measured figures a closed month keeps.
MEASURED_FIELDS = {
    "kpi",
    "company_id",
    "warehouse_id",
    "date_from",
    "date_to",
    "value",
    "numerator",
    "denominator",
}


class UnifyxKpiValue(models.Model):
    _name = "unifyx.kpi.value"
    _description = "KPI Value"
    _order = "date_from desc, kpi, warehouse_id"
    _rec_name = "kpi"

    kpi = fields.Selection(selection="_selection_kpi", string="KPI", required=True, index=True)
    unit = fields.Selection(UNITS, compute="_compute_unit")
    company_id = fields.Many2one("res.company", required=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", index=True)
    date_from = fields.Date(string="Period", required=True, index=True)
    date_to = fields.Date(string="Period End", required=True)
    value = fields.Float(aggregator="avg", digits=(16, 2))
    numerator = fields.Float(digits=(16, 2))
    denominator = fields.Float(digits=(16, 2))
    direction = fields.Selection(
        [("up", "Higher is better"), ("down", "Lower is better")],
        compute="_compute_unit",
    )
    # The references, kept on the row so the pivot and the boards can show them;
    # the baselines and targets recompute them when they change.
    baseline = fields.Float(compute="_compute_references", store=True, aggregator="avg")
    target = fields.Float(compute="_compute_references", store=True, aggregator="avg")
    has_baseline = fields.Boolean(compute="_compute_references", store=True)
    has_target = fields.Boolean(compute="_compute_references", store=True)
    change_since_go_live = fields.Float(
        string="Change since go-live (%)",
        compute="_compute_references",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="The value against the baseline measured before go-live, in %.",
    )
    target_status = fields.Selection(
        [("met", "Target met"), ("missed", "Target missed")],
        compute="_compute_references",
        store=True,
    )
    frozen = fields.Boolean(
        compute="_compute_frozen",
        search="_search_frozen",
        help="The month is locked in accounting: its value no longer changes.",
    )

    _sql_constraints = [
        (
            "kpi_period_uniq",
            "unique(kpi, company_id, warehouse_id, date_from)",
            "One value per KPI, company, warehouse and period.",
        )
    ]

    # -------------------------------------------------------------- registry
    @api.model
    def _unifyx_kpi_definitions(self):
        """The declared KPIs (``tools.kpi.KpiDefinition``), in the user's language."""
        return [
            KpiDefinition(
                "on_time_delivery",
                self.env._("On-time delivery (%)"),
                "percent",
                "stock.picking",
                sequence=10,
                direction="up",
            ),
            KpiDefinition(
                "discrepancy_count",
                self.env._("Inventory discrepancy, counted lines (%)"),
                "percent",
                "unifyx.count.log",
                sequence=20,
                direction="down",
            ),
            KpiDefinition(
                "discrepancy_value",
                self.env._("Inventory discrepancy, value (%)"),
                "percent",
                "unifyx.count.log",
                sequence=30,
                direction="down",
            ),
            KpiDefinition(
                "sale_to_confirm",
                self.env._("Sales: created to confirmed (median days)"),
                "days",
                "sale.order",
                sequence=40,
                direction="down",
            ),
            KpiDefinition(
                "sale_to_deliver",
                self.env._("Sales: confirmed to delivered (median days)"),
                "days",
                "sale.order",
                sequence=50,
                direction="down",
            ),
            KpiDefinition(
                "sale_to_invoice",
                self.env._("Sales: delivered to invoiced (median days)"),
                "days",
                "sale.order",
                sequence=60,
                direction="down",
            ),
            KpiDefinition(
                "purchase_to_confirm",
                self.env._("Purchases: RFQ to confirmed (median days)"),
                "days",
                "purchase.order",
                sequence=70,
                direction="down",
            ),
            KpiDefinition(
                "purchase_to_receive",
                self.env._("Purchases: confirmed to received (median days)"),
                "days",
                "purchase.order",
                sequence=80,
                direction="down",
            ),
            KpiDefinition(
                "purchase_to_bill",
                self.env._("Purchases: received to billed (median days)"),
                "days",
                "purchase.order",
                sequence=90,
                direction="down",
            ),
            KpiDefinition(
                "close_duration",
                self.env._("Month-end close (days)"),
                "days",
                "unifyx.lock.date.log",
                sequence=100,
                direction="down",
            ),
            KpiDefinition(
                "rotation",
                self.env._("Stock rotation"),
                "ratio",
                "stock.valuation.layer",
                sequence=110,
                direction="up",
            ),
            KpiDefinition(
                "slow_moving_value",
                self.env._("Slow-moving stock value"),
                "amount",
                "stock.quant",
                sequence=120,
                direction="down",
                snapshot=True,
            ),
            KpiDefinition(
                "open_backorders",
                self.env._("Open backorders"),
                "count",
                "stock.picking",
                sequence=130,
                direction="down",
                snapshot=True,
            ),
        ]

    @api.model
    def _kpi_definitions(self):
        """{code: definition}, in the declared order."""
        definitions = sorted(self._unifyx_kpi_definitions(), key=lambda d: (d.sequence, d.code))
        return {definition.code: definition for definition in definitions}

    @api.model
    def _selection_kpi(self):
        return [(code, d.label) for code, d in self._kpi_definitions().items()]

    @api.depends("kpi")
    def _compute_unit(self):
        definitions = self._kpi_definitions()
        for value in self:
            definition = definitions.get(value.kpi)
            value.unit = definition.unit if definition else False
            value.direction = definition.direction if definition else False

    @api.depends("kpi", "company_id", "warehouse_id", "date_from", "value")
    def _compute_references(self):
        definitions = self._kpi_definitions()
        baselines = self.env["unifyx.kpi.baseline"].sudo()
        targets = self.env["unifyx.kpi.target"].sudo()
        for value in self:
            key = [("kpi", "=", value.kpi), ("company_id", "=", value.company_id.id)]
            # The warehouse's own reference, else the company-wide one.
            warehouses = [value.warehouse_id.id, False] if value.warehouse_id else [False]
            baseline = target = None
            for warehouse in warehouses:
                baseline = baseline or baselines.search(
                    key + [("warehouse_id", "=", warehouse)], limit=1
                )
                target = target or targets.search(
                    key
                    + [
                        ("warehouse_id", "=", warehouse),
                        ("date_from", "<=", value.date_from),
                        ("date_to", ">=", value.date_from),
                    ],
                    limit=1,
                )
            value.has_baseline = bool(baseline)
            value.baseline = baseline.value if baseline else 0.0
            value.has_target = bool(target)
            value.target = target.value if target else 0.0
            go_live = value.company_id.unifyx_go_live_date
            after = go_live and value.date_to >= go_live
            value.change_since_go_live = (
                (value.value - baseline.value) / abs(baseline.value) * 100.0
                if baseline and baseline.value and after
                else 0.0
            )
            direction = definitions.get(value.kpi) and definitions[value.kpi].direction
            if target and direction:
                met = (
                    value.value >= target.value
                    if direction == "up"
                    else value.value <= target.value
                )
                value.target_status = "met" if met else "missed"
            else:
                value.target_status = False

    def _unifyx_recompute_references(self):
        """Called by the baselines, targets and go-live date when they change."""
        for name in ("baseline", "target", "has_baseline", "has_target"):
            self.env.add_to_compute(self._fields[name], self)
        self.env.add_to_compute(self._fields["change_since_go_live"], self)
        self.env.add_to_compute(self._fields["target_status"], self)

    # ---------------------------------------------------------- closed months
    @api.model
    def _unifyx_closed_until(self, company):
        """The last day locked in the company's books (global or hard lock)."""
        company = company.sudo()
        dates = [d for d in (company.fiscalyear_lock_date, company.hard_lock_date) if d]
        return max(dates) if dates else None

    @api.depends("company_id", "date_to")
    def _compute_frozen(self):
        for value in self:
            closed = self._unifyx_closed_until(value.company_id)
            value.frozen = bool(closed and value.date_to and value.date_to <= closed)

    def _search_frozen(self, operator, operand):
        if operator not in ("=", "!=") or not isinstance(operand, bool):
            raise UserError(self.env._("Unsupported search on frozen values."))
        frozen = self.sudo().search([]).filtered("frozen").ids
        positive = (operator == "=") == operand
        return [("id", "in" if positive else "not in", frozen)]

    def _unifyx_recomputing(self):
        return self.env.context.get("unifyx_kpi_recompute") is RECOMPUTE_TOKEN

    def _unifyx_check_not_frozen(self, values=None):
        """Refuse to change a locked month's value, whoever asks and however:
        only the finance recompute (which holds the token) may."""
        if self._unifyx_recomputing():
            return
        periods = [(v.company_id, v.date_to) for v in self]
        for vals in values or []:
            if vals.get("company_id") and vals.get("date_to"):
                company = self.env["res.company"].browse(vals["company_id"])
                periods.append((company, fields.Date.to_date(vals["date_to"])))
        for company, date_to in periods:
            closed = self._unifyx_closed_until(company)
            if closed and date_to and date_to <= closed:
                raise UserError(
                    self.env._(
                        "The KPIs of %(month)s are frozen: the month is locked in "
                        "accounting (%(company)s). Finance recomputes a closed month "
                        "with the Recompute closed month wizard.",
                        month=date_to.strftime("%m/%Y"),
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._unifyx_check_not_frozen(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if MEASURED_FIELDS & set(vals):
            self._unifyx_check_not_frozen()
            if "company_id" in vals or "date_to" in vals:
                self._unifyx_check_not_frozen(
                    [
                        {
                            "company_id": vals.get("company_id", v.company_id.id),
                            "date_to": vals.get("date_to", v.date_to),
                        }
                        for v in self
                    ]
                )
        return super().write(vals)

    def unlink(self):
        self._unifyx_check_not_frozen()
        return super().unlink()

    # ------------------------------------------------------------- refreshing
    @api.model
    def _refresh(self, companies=None, months=12, today=None):
        """Recompute the last ``months`` months (the current one included);
        the months locked in accounting keep their values."""
        today = today or fields.Date.context_today(self)
        companies = companies or self.env["res.company"].search([])
        first = today.replace(day=1)
        for company in companies:
            closed = self._unifyx_closed_until(company)
            for back in range(months):
                date_from = first - relativedelta(months=back)
                date_to = date_from + relativedelta(months=1, days=-1)
                if closed and date_to <= closed:
                    continue
                self._store(company, date_from, date_to, self._compute(company, date_from, date_to))
        return True

    @api.model
    def _cron_refresh(self):
        return self._refresh()

    def action_refresh(self):
        self.env["unifyx.kpi.value"].sudo()._refresh(self.env.companies)
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _store(self, company, date_from, date_to, rows):
        """Upsert the period's rows; a value the refresh measured and no longer
        finds (a warehouse without slow movers now) is removed, not left stale."""
        existing = self.sudo().search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)]
        )
        by_key = {(v.kpi, v.warehouse_id.id): v for v in existing}
        new = []
        for row in rows:
            vals = dict(row, company_id=company.id, date_from=date_from, date_to=date_to)
            current = by_key.pop((row["kpi"], row.get("warehouse_id") or False), None)
            if current:
                current.write(vals)
            else:
                new.append(vals)
        self.sudo().create(new)
        measured = self._measured_kpis(date_from, date_to)
        self.sudo().browse(v.id for key, v in by_key.items() if key[0] in measured).unlink()

    @api.model
    def _unifyx_recompute_closed(self, company, date_from):
        """Recompute one closed month (the finance wizard only):
        -> [(kpi, warehouse id, old value or None, new value or None)]."""
        date_from = date_from.replace(day=1)
        date_to = date_from + relativedelta(months=1, days=-1)
        Value = self.sudo().with_context(unifyx_kpi_recompute=RECOMPUTE_TOKEN)
        domain = [("company_id", "=", company.id), ("date_from", "=", date_from)]
        before = {(v.kpi, v.warehouse_id.id): v.value for v in Value.search(domain)}
        Value._store(company, date_from, date_to, Value._compute(company, date_from, date_to))
        after = {(v.kpi, v.warehouse_id.id): v.value for v in Value.search(domain)}
        return [
            (key[0], key[1], before.get(key), after.get(key))
            for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1] or 0))
        ]

    @api.model
    def _measured_kpis(self, date_from, date_to):
        """The codes of the KPIs a refresh of the period measures: snapshots
        of the stock only in the current period."""
        current = date_from <= fields.Date.context_today(self) <= date_to
        return [
            code
            for code, definition in self._kpi_definitions().items()
            if current or not definition.snapshot
        ]

    @api.model
    def _compute(self, company, date_from, date_to):
        """[{kpi, value, numerator, denominator[, warehouse_id]}] of one period."""
        return [
            row
            for code in self._measured_kpis(date_from, date_to)
            for row in self._kpi_measure(code, company, date_from, date_to)
        ]

    @api.model
    def _kpi_measure(self, code, company, date_from, date_to):
        """The rows of one KPI over a period: its query method is given a
        ``tools.kpi.KpiPeriod``."""
        definition = self._kpi_definitions()[code]
        period = KpiPeriod(company, date_from, date_to)
        rows = getattr(self.env[definition.model], definition.query_method)(period)
        return [dict(row, kpi=code) for row in rows]

    # ------------------------------------------------------------- drill-down
    def _kpi_period(self):
        self.ensure_one()
        return KpiPeriod(self.company_id, self.date_from, self.date_to)

    def action_open_records(self):
        """The records behind this value."""
        self.ensure_one()
        definition = self._kpi_definitions()[self.kpi]
        return {
            "type": "ir.actions.act_window",
            "name": definition.label,
            "res_model": definition.model,
            "domain": getattr(self.env[definition.model], definition.domain_method)(self),
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
        }
