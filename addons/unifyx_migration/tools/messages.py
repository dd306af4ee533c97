# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one catalogue of the cockpit's messages: a note's code names its template.

Templates are lazy (:class:`~odoo.tools.translate.LazyTranslate`): the report shows
them in the consultant's language (:func:`note_message`), the ORM-free tools in
English (``Note.message``). A bridge addon adds the codes of its own target with
:func:`register`; its templates are translated by its own ``i18n``.
"""

import datetime

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__, default_lang="en_US")

# Codes of the notes (cleansing, matching, loading), with their parameters.
MESSAGES = {
    "spaces": _lt("Spaces trimmed and normalised"),
    "decimal": _lt("Number read as %(value)s"),
    "not_a_number": _lt("Not a number: %(value)s"),
    "date": _lt("Date read as %(value)s (day/month/year)"),
    "not_a_date": _lt("Not a date (expected dd/mm/yyyy): %(value)s"),
    "unit": _lt("Unit %(value)s mapped to %(target)s"),
    "unknown_unit": _lt("Unknown unit %(value)s: add it to the unit synonyms"),
    "category": _lt("Category path normalised to %(value)s"),
    "empty_category": _lt("Empty category path: %(value)s"),
    "phone": _lt("Phone number formatted as %(value)s"),
    "invalid_phone": _lt("Invalid phone number: %(value)s"),
    "vat": _lt("VAT number compacted to %(value)s"),
    "invalid_vat": _lt("Invalid VAT number: %(value)s"),
    "barcode": _lt("Barcode read as %(value)s"),
    "invalid_barcode": _lt("Invalid barcode (length or check digit): %(value)s"),
    "formula": _lt("Value looks like a spreadsheet formula and is refused: %(value)s"),
    "neutralised": _lt("Leading formula character neutralised"),
    "invalid_email": _lt("Invalid email address: %(value)s"),
    "invalid_choice": _lt("Unexpected value %(value)s"),
    "choice": _lt("Read as %(value)s"),
    "required": _lt("Required value missing"),
    "missing_key": _lt("The match key is empty: the row cannot be matched"),
    "duplicate_in_file": _lt("Same key %(value)s as row %(row)s of the file"),
    "ambiguous": _lt("%(count)s records match %(value)s: ambiguous match, nothing written"),
    "unknown_uom_category": _lt("Unknown unit category %(value)s"),
    "unknown_country": _lt("Unknown country %(value)s"),
    "possible_duplicate": _lt(
        "Possible duplicate of %(other)s (%(reason)s): check before loading, nothing is merged"
    ),
    "possible_duplicate_rows": _lt(
        "Possible duplicate of row %(other)s (%(reason)s): check before loading, nothing is merged"
    ),
    "barcode_taken": _lt("Barcode %(value)s already used by %(other)s"),
    "unknown_vendor": _lt("Unknown vendor %(value)s: import the partners first"),
    "unknown_product": _lt("Unknown product %(value)s"),
    "ambiguous_product": _lt(
        "%(count)s products have %(value)s as internal reference or barcode: "
        "ambiguous, nothing loaded"
    ),
    "unknown_location": _lt("Unknown warehouse or location %(value)s"),
    "lot_required": _lt("%(product)s is tracked: a lot or serial number is required"),
    "serial_quantity": _lt("A serial number holds exactly one unit, not %(value)s"),
    "product_or_category": _lt(
        "A price list row applies to a product or to a category: give exactly one"
    ),
    "price_or_discount": _lt("A price list row has a price or a discount: give exactly one"),
    "unknown_category": _lt("Unknown category %(value)s: import the categories first"),
    "unknown_currency": _lt("Unknown or inactive currency %(value)s"),
    "unknown_customer": _lt("Unknown customer %(value)s: import the partners first"),
    "dates_reversed": _lt("The validity ends before it starts"),
    "two_pricelists": _lt("Customer %(value)s is given two price lists: %(other)s"),
    "zip": _lt("Postcode normalised to %(value)s"),
    "invalid_zip": _lt("Postcode %(value)s is not a French postcode (5 digits)"),
    "field_update": _lt("%(field)s: %(before)s → %(after)s"),
    "cost_kept": _lt(
        "Cost %(value)s not applied: %(product)s has stock valued at %(current)s "
        "(a rerun never revalues stock)"
    ),
    "unknown_warehouse": _lt("Unknown warehouse %(value)s"),
    "location_elsewhere": _lt(
        "Location %(value)s is not in the warehouse %(warehouse)s of the row"
    ),
    "negative_quantity": _lt("Negative quantity %(value)s: an opening stock cannot be negative"),
    "negative_cost": _lt("Negative unit cost %(value)s"),
    "whole_units": _lt("%(value)s %(unit)s of %(product)s: counted in whole units only"),
    "lot_ignored": _lt("Lot %(value)s ignored: %(product)s is not tracked by lot or serial number"),
    "no_cost": _lt("No unit cost given: %(product)s is valued at its current cost %(current)s"),
    "standard_two_costs": _lt(
        "Standard-cost product given two costs: %(value)s here, %(other)s in row %(row)s"
    ),
    "standard_stock": _lt(
        "%(product)s is in stock at its standard cost %(current)s: the file's cost "
        "%(value)s cannot value it (revalue the product first, or give that cost)"
    ),
    "standard_cost": _lt(
        "Standard cost of %(product)s set to %(value)s (was %(before)s): "
        "the opening stock is valued at the file's cost"
    ),
    "stock_update": _lt(
        "On hand at %(location)s: %(before)s → %(value)s, %(amount)s booked at %(cost)s a unit"
    ),
    "stock_decrease": _lt(
        "On hand at %(location)s: %(before)s → %(value)s (out at the product's cost)"
    ),
    "country_from_vat": _lt("Country set to %(value)s (from the VAT number)"),
    "country_default": _lt("Country set to %(value)s (the company's country)"),
    "invalid_siren": _lt("Invalid SIREN or SIRET number: %(value)s"),
    "shared_value": _lt(
        "%(count)s rows share the %(reason)s %(value)s: a placeholder, not reported as duplicates"
    ),
    "total_row": _lt("Total row skipped: not a record"),
    "unmapped": _lt("Column %(value)s is not loaded by this profile: its values are ignored"),
}

# Why two rows or records look like duplicates (the ``reason`` parameter).
REASONS = {
    "vat": _lt("same VAT number"),
    "name": _lt("similar name"),
}

# Files that cannot be read (:class:`..readers.ReaderError`).
READER_MESSAGES = {
    "empty_file": _lt("The file is empty."),
    "wrong_extension": _lt("Unsupported file type %(extension)s: use .xlsx, .xls or .csv."),
    "corrupt": _lt("The file cannot be read as %(extension)s (corrupt or password-protected?)."),
    "no_header": _lt("No header row found in the file."),
    "encoding": _lt("The CSV file is neither UTF-8 nor Windows-1252 text."),
}


def register(messages):
    """Add a target's codes ({code: lazy template}) to the catalogue, at import."""
    MESSAGES.update(messages)


def translate(template, lang="en_US"):
    """A lazy template in ``lang`` (English by default); a plain string as is."""
    translate_ = getattr(template, "_translate", None)
    return translate_(lang or "en_US") if translate_ else "%s" % (template,)


def shown(value):
    """A parameter as a message shows it (dates day/month/year)."""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return "%s" % (value,)


def text(value):
    """A cell or a note's value as the report writes it ("" for none)."""
    if value is None or value is False:
        return ""
    return shown(value)


def note_message(note, lang="en_US"):
    """The message of a note in ``lang``: its code's template with its parameters."""
    template = MESSAGES.get(note.code) or note.params.get("message") or note.code
    template = translate(template, lang)
    params = {k: shown(v) for k, v in note.params.items()}
    params.setdefault("value", shown(note.original))
    params.setdefault("reason", "")
    if "reason" in note.params:
        reason = REASONS.get(note.params["reason"])
        params["reason"] = translate(reason, lang) if reason else params["reason"]
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        return template


def reader_message(error, lang="en_US"):
    return translate(READER_MESSAGES[error.code], lang) % error.params
