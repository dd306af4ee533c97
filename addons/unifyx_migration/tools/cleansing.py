# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cell cleansing rules for legacy spreadsheets, free of the ORM.

Every rule takes a raw cell value and returns a :class:`Cleaned`: the cleaned value plus,
when something happened, a :class:`Note` saying which rule did what (``change``), what
looks doubtful (``warning``) or why the value is refused (``error``). A note keeps the
original value, so the report can show every change and the consultant can reverse it.

Messages are codes with parameters (see :mod:`.messages`, the one catalogue).
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import phonenumbers
from stdnum import ean
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError

from .messages import note_message

CHANGE = "change"
WARNING = "warning"
ERROR = "error"


@dataclass
class Note:
    rule: str
    level: str
    code: str
    original: object
    value: object = None
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        """The English message (the ORM layer shows it in the user's language)."""
        return note_message(self)


@dataclass
class Cleaned:
    value: object
    note: Note | None = None

    @property
    def is_error(self):
        return bool(self.note and self.note.level == ERROR)


def _change(rule, code, original, value, **params):
    params.setdefault("value", value)
    return Cleaned(value, Note(rule, CHANGE, code, original, value, params))


def _error(rule, code, original, **params):
    params.setdefault("value", original)
    return Cleaned(None, Note(rule, ERROR, code, original, None, params))


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------- text
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u200b]+")


def clean_text(value):
    """Trim and collapse every kind of space (NBSP, thin spaces, tabs, new lines)."""
    if value is None:
        return Cleaned(None)
    if not isinstance(value, str):
        value_str = _number_text(value)
        return Cleaned(value_str)
    cleaned = _SPACES.sub(" ", value.replace("\u200b", "")).strip()
    if cleaned != value:
        return _change("spaces", "spaces", value, cleaned or None)
    return Cleaned(cleaned or None)


def _number_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def match_key(text):
    """Key a record is matched by: case, accents and spacing ignored, punctuation
    kept ("art-09049 " == "ART-09049", "Électroportatif" == "electroportatif",
    "LYO / Stock" == "LYO/Stock")."""
    if text is None or text is False:
        return ""
    text = strip_accents(_SPACES.sub(" ", str(text))).casefold().strip()
    return re.sub(r" ?([/>\\|]) ?", r"\1", text)


def normalise_key(text):
    """Comparison key: no accents, lower case, punctuation as single spaces."""
    if text is None:
        return ""
    text = strip_accents(str(text)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


# ------------------------------------------------------------------------ numbers
_CURRENCY = re.compile(r"(€|\$|£|eur(?:os?)?\b|usd\b|gbp\b|ht\b|ttc\b)", re.IGNORECASE)


def parse_decimal(value):
    """Read a number written the French way or any other: "1 234,50 €" -> 1234.5.

    Spaces (normal, non-breaking, thin) and the separator that appears before the last
    one are thousands separators; the last ``,`` or ``.`` is the decimal mark unless it
    is followed by exactly three digits while another separator of the same kind exists.
    """
    if is_blank(value):
        return Cleaned(None)
    if isinstance(value, bool):
        return _error("decimal", "not_a_number", value)
    if isinstance(value, int | float | Decimal):
        return Cleaned(float(value))
    text = str(value)
    work = _SPACES.sub("", _CURRENCY.sub("", text)).replace("'", "")
    negative = False
    if work.startswith("(") and work.endswith(")"):
        negative, work = True, work[1:-1]
    if work.endswith("-"):
        negative, work = True, work[:-1]
    if work.startswith("-"):
        negative, work = not negative, work[1:]
    elif work.startswith("+"):
        work = work[1:]
    if not work or not re.fullmatch(r"[0-9.,]+", work) or not re.search(r"\d", work):
        return _error("decimal", "not_a_number", text)
    commas, dots = work.count(","), work.count(".")
    if commas and dots:
        decimal_mark = "," if work.rfind(",") > work.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        if work.count(decimal_mark) > 1:
            return _error("decimal", "not_a_number", text)
        work = work.replace(thousands, "").replace(decimal_mark, ".")
    elif commas > 1 or dots > 1:
        sep = "," if commas else "."
        groups = work.split(sep)
        if not all(len(g) == 3 for g in groups[1:]):
            return _error("decimal", "not_a_number", text)
        work = work.replace(sep, "")
    elif commas == 1:
        work = work.replace(",", ".")
    try:
        number = Decimal(work)
    except InvalidOperation:
        return _error("decimal", "not_a_number", text)
    result = float(-number if negative else number)
    if text.strip() == work or text.strip() == ("-" + work if negative else work):
        return Cleaned(result)
    return _change("decimal", "decimal", text, result)


# -------------------------------------------------------------------------- dates
_DATE_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ T].*)?")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")


def parse_date(value):
    """Read dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yy) and ISO dates; never mm/dd."""
    if is_blank(value):
        return Cleaned(None)
    if isinstance(value, datetime.datetime):
        return Cleaned(value.date())
    if isinstance(value, datetime.date):
        return Cleaned(value)
    text = str(value).strip()
    iso = _DATE_ISO.fullmatch(text)
    dmy = _DATE_DMY.fullmatch(text)
    try:
        if iso:
            result = datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif dmy:
            year = int(dmy[3])
            if len(dmy[3]) == 2:
                year += 2000 if year < 70 else 1900
            result = datetime.date(year, int(dmy[2]), int(dmy[1]))
        else:
            return _error("date", "not_a_date", text)
    except ValueError:
        return _error("date", "not_a_date", text)
    if iso and text == result.isoformat():
        return Cleaned(result)
    return _change("date", "date", text, result)


# -------------------------------------------------------------------------- units
def unit_key(text):
    """Key of a unit spelling: "Unité(s)" -> "unite", "u." -> "u", "PCE" -> "pce"."""
    key = normalise_key(re.sub(r"\((e?s)\)", "", str(text), flags=re.IGNORECASE))
    return key


class UnitMap(dict):
    """A unit mapping already keyed by :func:`unit_key` (see :func:`keyed_units`)."""


def keyed_units(mapping):
    """Key a {spelling: target} mapping once, for :func:`map_unit` on many rows."""
    return UnitMap({unit_key(k): v for k, v in mapping.items()})


def map_unit(value, mapping):
    """Map a unit as written in the legacy file to an Odoo unit.

    ``mapping`` maps spellings (any case/accents, compared through :func:`unit_key`) to
    targets (whatever the caller uses: an xml id, a record id, a name).
    """
    if is_blank(value):
        return Cleaned(None)
    keyed = mapping if isinstance(mapping, UnitMap) else keyed_units(mapping)
    original = value if isinstance(value, str) else _number_text(value)
    key = unit_key(original)
    if key not in keyed:
        return _error("unit", "unknown_unit", original)
    target = keyed[key]
    return _change("unit", "unit", original, target, target=target)


# --------------------------------------------------------------------- categories
_CATEGORY_SEPARATORS = re.compile(r"\s*(?:/|>|\\|\|)\s*")


def _segment_case(segment):
    if segment.isupper() or segment.islower():
        return segment[:1].upper() + segment[1:].lower()
    return segment


def normalise_category_path(value):
    """ "QUINCAILLERIE > vis\\\\inox " -> "Quincaillerie / Vis / Inox" (Odoo's separator)."""
    if is_blank(value):
        return Cleaned(None)
    text = str(value)
    segments = [
        _segment_case(_SPACES.sub(" ", s).strip()) for s in _CATEGORY_SEPARATORS.split(text)
    ]
    segments = [s for s in segments if s]
    if not segments:
        return _error("category", "empty_category", text)
    result = " / ".join(segments)
    if result == text:
        return Cleaned(result)
    return _change("category", "category", text, result)


def category_segments(path):
    return [s for s in path.split(" / ") if s]


# ------------------------------------------------------------------------- phones
def normalise_phone(value, region="FR"):
    """Any phone format -> E.164 ("01 23 45 67 89" -> "+33123456789"); invalid flagged."""
    if is_blank(value):
        return Cleaned(None)
    text = _number_text(value) if not isinstance(value, str) else value
    digits_only = re.sub(r"\D", "", text)
    # Spreadsheets drop the leading zero of French numbers stored as numbers.
    if not isinstance(value, str) and region == "FR" and len(digits_only) == 9:
        text = "0" + digits_only
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return _error("phone", "invalid_phone", text)
    if not phonenumbers.is_valid_number(number):
        return _error("phone", "invalid_phone", text)
    result = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if result == text:
        return Cleaned(result)
    return _change("phone", "phone", text, result)


# ---------------------------------------------------------------------------- VAT
def _eu_vat(compact):
    try:
        return eu_vat.validate(compact)
    except StdnumError:
        return None


def check_vat(value, default_country="FR", validator=None):
    """Validate a VAT number (checksum included) and compact it ("FR 40 303 265 045").

    A number given without its country prefix gets ``default_country``'s.
    ``validator(compact)`` returns the number as stored, or None when invalid: the
    ORM layer passes Odoo's ``base_vat`` (every country it knows, Swiss, UK and
    Norwegian numbers included); without it, EU numbers only.
    """
    if is_blank(value):
        return Cleaned(None)
    text = str(value)
    compact = re.sub(r"[\s\-./,]", "", text).upper()
    if compact[:2].isdigit() and default_country:
        compact = default_country.upper() + compact
    result = (validator or _eu_vat)(compact)
    if not result:
        return _error("vat", "invalid_vat", text)
    if result == text:
        return Cleaned(result)
    return _change("vat", "vat", text, result)


# ------------------------------------------------------------------------ barcode
def check_barcode(value):
    """Verify an EAN-8/UPC-A/EAN-13/GTIN-14 check digit; numbers read as floats welcome."""
    if is_blank(value):
        return Cleaned(None)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    compact = re.sub(r"[\s\-]", "", text)
    if not compact.isdigit() or len(compact) not in (8, 12, 13, 14):
        return _error("barcode", "invalid_barcode", text)
    try:
        result = ean.validate(compact)
    except StdnumError:
        return _error("barcode", "invalid_barcode", text)
    if result == text:
        return Cleaned(result)
    return _change("barcode", "barcode", text, result)


# ----------------------------------------------------------------------- partners
_LEGAL_FORMS = {
    "sa",
    "sas",
    "sasu",
    "sarl",
    "eurl",
    "sci",
    "snc",
    "scop",
    "ets",
    "etablissements",
    "etabl",
    "ste",
    "societe",
    "cie",
    "et",
    "gmbh",
    "ltd",
    "inc",
    "spa",
    "srl",
}


def partner_name_key(name):
    """Key for near-duplicate partners: "Ets DUPONT & Fils, S.A.R.L." == "Dupont et fils"."""
    if is_blank(name):
        return ""
    text = str(name).replace("&", " et ")
    # "S.A.R.L." -> "sarl" before splitting on punctuation.
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m[1].replace(".", ""), text)
    words = normalise_key(text).split()
    return " ".join(w for w in words if w not in _LEGAL_FORMS)


def vat_key(vat):
    return re.sub(r"[\s\-./,]", "", str(vat)).upper() if not is_blank(vat) else ""


# A value shared by more rows than this is a placeholder ("N/A", "Divers"), not a
# sign that these rows are one company.
DUPLICATE_GROUP_MAX = 10


def duplicate_groups(partners):
    """Groups of partners that are probably the same company, each with its reason.

    ``partners``: iterable of ``(key, name, vat)``. Returns ``[(reason, value, [keys])]``,
    one group per shared VAT number (reason ``vat``) or :func:`partner_name_key`
    (reason ``name``) of two members or more (see :data:`DUPLICATE_GROUP_MAX` for the
    callers). Groups are not chained: two rows are candidates only when they share
    that value. Nothing is merged.
    """
    by_token = {}
    for key, name, vat in partners:
        tokens = []
        if vat_key(vat):
            tokens.append(("vat", vat_key(vat)))
        if partner_name_key(name):
            tokens.append(("name", partner_name_key(name)))
        for token in tokens:
            by_token.setdefault(token, []).append(key)
    return [(reason, value, keys) for (reason, value), keys in by_token.items() if len(keys) > 1]


def near_duplicates(partners, max_size=DUPLICATE_GROUP_MAX):
    """The groups of :func:`duplicate_groups` of at most ``max_size``, keys only."""
    groups = []
    for _reason, _value, keys in duplicate_groups(partners):
        if len(keys) <= max_size and keys not in groups:
            groups.append(keys)
    return groups


# ----------------------------------------------------------------------- postcodes
def normalise_zip(value, country_code):
    """ "69 007" -> "69007" and 1000 (a number that lost its zero) -> "01000" in
    France; other countries: spaces collapsed, upper case ("sw1a  1aa" -> "SW1A 1AA")."""
    if is_blank(value):
        return Cleaned(None)
    text = _number_text(value) if not isinstance(value, str) else value
    if (country_code or "").upper() == "FR":
        digits = re.sub(r"^F-?|[\s.]", "", text.upper())
        if digits.isdigit() and len(digits) == 4:
            digits = "0" + digits
        if not (digits.isdigit() and len(digits) == 5):
            return Cleaned(text, Note("zip", WARNING, "invalid_zip", text, text, {"value": text}))
        result = digits
    else:
        result = _SPACES.sub(" ", text).strip().upper()
    if result == text:
        return Cleaned(result)
    return _change("zip", "zip", text, result)


# ---------------------------------------------------------------------- total rows
TOTAL_WORDS = {"total", "totaux", "sous total", "total general", "grand total", "totals"}


def is_total_row(values):
    """A spreadsheet's total line ("TOTAL", "Sous-total :" and numbers only), not a
    record: a company called "TOTAL" with an address is a record."""
    cells = [v for v in values if not is_blank(v)]
    labels = [v for v in cells if isinstance(v, str) and normalise_key(v) in TOTAL_WORDS]
    others = [v for v in cells if not (isinstance(v, str) and normalise_key(v) in TOTAL_WORDS)]
    return bool(labels) and all(not parse_decimal(v).is_error for v in others)


# ----------------------------------------------------------------------- formulas
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# "+33 4 72 00 00 02", "-12,5", "+1 (555) 010-0000": digits and punctuation only
# after the sign, no function or reference a spreadsheet could run.
_PHONE_OR_NUMBER = re.compile(r"[+-][\d\s.,()/]*\d[\d\s.,()/-]*")


def looks_like_formula(value):
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not _PLAIN_NUMBER.fullmatch(value)
        and not _PHONE_OR_NUMBER.fullmatch(value)
    )


def refuse_formula(value):
    """On import: a text cell that starts like a formula (=, +, -, @) is an error."""
    if looks_like_formula(value):
        return _error("formula", "formula", value)
    return Cleaned(value)


def neutralise_formula(value):
    """On export: prefix a quote so a spreadsheet shows the text instead of running it."""
    if looks_like_formula(value):
        return _change("formula", "neutralised", value, "'" + value)
    return Cleaned(value)
