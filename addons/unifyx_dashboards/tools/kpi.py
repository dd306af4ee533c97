# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shape of a KPI declaration and of one measured value (no ORM here).

A KPI is declared once, in ``unifyx.kpi.value._unifyx_kpi_definitions()``; its
query is the model's method ``_kpi_query_<code>(period)`` and the records behind
a stored value are ``records_model`` filtered by ``_kpi_domain_<code>()``."""

from dataclasses import dataclass
from datetime import datetime, timedelta

UNITS = [
    ("percent", "%"),
    ("days", "Days"),
    ("ratio", "Ratio"),
    ("amount", "Amount"),
    ("count", "Count"),
]
DIRECTIONS = [("up", "Higher is better"), ("down", "Lower is better")]


@dataclass(frozen=True)
class KpiDefinition:
    """One KPI: ``label`` is already translated (the registry method builds
    the declarations in the user's language)."""

    code: str
    label: str
    unit: str
    records_model: str
    sequence: int = 100
    direction: str | None = None
    # Measured only for the current period (the state of the stock now); the
    # values of past periods stay as they were taken.
    snapshot: bool = False

    @property
    def query_method(self):
        return "_kpi_query_%s" % self.code

    @property
    def domain_method(self):
        return "_kpi_domain_%s" % self.code


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
