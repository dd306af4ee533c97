# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shape of a KPI declaration and of one measured value, and the SQL
helpers the KPI queries share.

A KPI is declared once, in ``unifyx.kpi.value._unifyx_kpi_definitions()``. It
measures the records of one model, which holds the KPI's query
``_unifyx_kpi_<code>(period)`` and the domain of the records behind a stored
value, ``_unifyx_kpi_<code>_domain(value)``."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from odoo.tools import SQL

UNITS = [
    ("percent", "%"),
    ("days", "Days"),
    ("ratio", "Ratio"),
    ("amount", "Amount"),
    ("count", "Count"),
]


@dataclass(frozen=True)
class KpiDefinition:
    """One KPI; ``label`` is already translated (the registry method builds
    the declarations in the user's language)."""

    code: str
    label: str
    unit: str
    # The model whose records the KPI measures, and which holds its query and
    # its drill-down domain.
    model: str
    sequence: int = 100
    # "up": the higher the better, "down": the lower the better.
    direction: str | None = None
    # Measured only for the current period (the state of the stock now); the
    # values of past periods stay as they were taken.
    snapshot: bool = False

    @property
    def query_method(self):
        return "_unifyx_kpi_%s" % self.code

    @property
    def domain_method(self):
        return "_unifyx_kpi_%s_domain" % self.code


@dataclass(frozen=True)
class KpiPeriod:
    """A company's period, days ``date_from`` to ``date_to`` included."""

    company: object
    date_from: object
    date_to: object

    @property
    def start(self):
        return datetime.combine(self.date_from, datetime.min.time())

    @property
    def end(self):
        """The first instant after the period."""
        return datetime.combine(self.date_to + timedelta(days=1), datetime.min.time())

    @property
    def params(self):
        """The SQL parameters every query may use."""
        return {"company": self.company.id, "start": self.start, "end": self.end}

    def domain(self, field):
        """The records of the company dated in the period by ``field``."""
        return [
            ("company_id", "=", self.company.id),
            (field, ">=", self.start),
            (field, "<", self.end),
        ]


def measure(value, numerator=None, denominator=1, warehouse_id=None):
    """One measured row (the KPI code is added by the caller)."""
    row = {
        "value": float(value or 0.0),
        "numerator": float(value or 0.0) if numerator is None else float(numerator or 0.0),
        "denominator": float(denominator or 0.0),
    }
    if warehouse_id:
        row["warehouse_id"] = warehouse_id
    return row


def ratio(numerator, denominator, percent=True, warehouse_id=None):
    """numerator / denominator (x 100 for a percentage), 0 without a denominator."""
    numerator, denominator = float(numerator or 0), float(denominator or 0)
    value = numerator / denominator * (100 if percent else 1) if denominator else 0.0
    return measure(value, numerator, denominator, warehouse_id)


def query(env, code, params, **parts):
    """Run ``code`` (a literal with %(name)s placeholders) with ``params`` as
    values and ``parts`` as SQL fragments (SQL objects); the rows."""
    env.flush_all()
    env.cr.execute(SQL(code, **params, **parts))
    return env.cr.fetchall()


def median(env, days, params, **parts):
    """The measure of the median and count of the ``days`` query's column."""
    ((value, count),) = query(
        env,
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days), count(*) FROM (%(days)s) t",
        {},
        days=SQL(days, **params, **parts),
    )
    return measure(value, value, count)


def median_days(env, period, source, since, until):
    """The median of the days from column ``since`` to column ``until`` of the
    rows of ``source`` (an SQL query) whose ``until`` falls in ``period``."""
    return median(
        env,
        """SELECT EXTRACT(EPOCH FROM s.%(until)s - s.%(since)s) / 86400.0 AS days
             FROM (%(source)s) s WHERE s.%(until)s >= %(start)s AND s.%(until)s < %(end)s""",
        period.params,
        source=source,
        since=SQL.identifier(since),
        until=SQL.identifier(until),
    )


def median_days_to_invoice(env, period, done, invoiced_lines, move_type):
    """The median of the days from an order's completion to its first posted
    invoice of ``move_type``, for the orders first invoiced in ``period``.
    ``done``: the completed orders (columns ``id``, ``done``), an SQL query;
    ``invoiced_lines``: the orders' journal items (columns ``order_id``,
    ``move_line_id``), an SQL query."""
    return median(
        env,
        """SELECT min(am.invoice_date) - d.done::date AS days
             FROM (%(done)s) d
             JOIN (%(lines)s) l ON l.order_id = d.id
             JOIN account_move_line aml ON aml.id = l.move_line_id
             JOIN account_move am ON am.id = aml.move_id
            WHERE am.state = 'posted' AND am.move_type = %(move_type)s
            GROUP BY d.id, d.done
           HAVING min(am.invoice_date) >= %(start)s::date
              AND min(am.invoice_date) < %(end)s::date""",
        dict(period.params, move_type=move_type),
        done=done,
        lines=invoiced_lines,
    )
