# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo distributor's constants (names, quantities, prices, product lists)
live in ``data/demo_<theme>.json``; this module reads them and builds the
identifiers (VAT numbers, EAN-13) the generator gives its records. No ORM."""

import json
from functools import cache

from stdnum import luhn

from odoo.tools import file_open
from odoo.tools.barcode import get_barcode_check_digit

THEMES = (
    "company",
    "catalogue",
    "partners",
    "history",
    "scenarios",
    "einvoice",
    "einvoice_exchange",
    "purchase_requests",
    "stock_control",
)


@cache
def _load(theme):
    with file_open("unifyx_demo/data/demo_%s.json" % theme, "rb") as handle:
        return json.loads(handle.read().decode("utf-8"))


def demo_data(theme):
    """Return the constants of ``theme`` (one of ``THEMES``), a fresh copy."""
    if theme not in THEMES:
        raise ValueError("unknown demo theme %r" % theme)
    return json.loads(json.dumps(_load(theme)))


def french_vat(number):
    """Return a valid FR VAT number built on an 8-digit seed: a SIREN with its
    Luhn digit, prefixed by the VAT key."""
    siren = int("%08d%s" % (number, luhn.calc_check_digit("%08d" % number)))
    return "FR%02d%09d" % ((12 + 3 * (siren % 97)) % 97, siren)


def ean13(number):
    """Return a valid EAN-13 under the French GS1 prefix 376."""
    digits = "376%09d" % number
    return digits + str(get_barcode_check_digit(digits + "0"))
