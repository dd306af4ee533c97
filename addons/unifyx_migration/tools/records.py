# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small helpers the targets share on records and cell values."""

import re

from stdnum.fr import siren as siren_check

from odoo.tools import float_compare

LEGACY_MODULE = "unifyx_legacy"
# A load writes no chatter: no "created" message or tracking per record.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def shown(record, name, value):
    """A field's value as the report shows it (names, not ids)."""
    field = record._fields[name]
    if field.type == "many2one":
        return record.env[field.comodel_name].browse(value).display_name if value else ""
    if field.type == "selection" and value:
        return dict(field._description_selection(record.env)).get(value, value)
    return value


def same(record, vals):
    """True when writing ``vals`` would change nothing on ``record``."""
    for name, value in vals.items():
        field = record._fields[name]
        current = record[name]
        if field.type == "many2one":
            if current.id != (value or False):
                return False
        elif field.type in ("float", "monetary"):
            if float_compare(current or 0.0, value or 0.0, precision_digits=6):
                return False
        elif (current or False) != (value or False):
            return False
    return True


def partner_of(plan, field, value, partners_by_key):
    """The one partner a cell names, or None with an error on the row: an
    unknown or ambiguous partner is never guessed."""
    partners = partners_by_key.get(value)
    if not partners:
        plan.error(field, "unknown_" + field, value)
    elif len(partners) > 1:
        plan.error(field, "ambiguous", value, count=len(partners))
    else:
        return partners
    return None


def siren(value):
    """The SIREN (9 digits, checked) of a SIREN or SIRET, else None."""
    digits = re.sub(r"\D", "", str(value or ""))
    if len(digits) in (9, 14) and siren_check.is_valid(digits[:9]):
        return digits[:9]
    return None


def xmlid_name(value):
    return re.sub(r"[^\w\-]", "_", str(value))
