# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""French company identifiers, free of the ORM: a SIREN (9 digits, the company)
and a SIRET (14 digits: the SIREN and the NIC of one establishment), both with a
Luhn check digit (python-stdnum checks them)."""

from stdnum import luhn
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret


def compact(value):
    """The digits as typed or pasted ("552 100 554", "552.100.554 00013"), no
    separators; a value that is not text is returned as is."""
    if not isinstance(value, str):
        return value
    return stdnum_siret.compact(value)


def parse(value):
    """(SIREN, NIC or None) of a SIREN or a SIRET whose checksums are right;
    None for anything else (wrong length, letters, wrong check digit)."""
    digits = compact(str(value or ""))
    if len(digits) == 9 and stdnum_siren.is_valid(digits):
        return digits, None
    if len(digits) == 14 and stdnum_siret.is_valid(digits):
        return digits[:9], digits[9:]
    return None


def make_siren(seed):
    """A valid SIREN from an 8-digit seed (its Luhn digit appended)."""
    base = "%08d" % seed
    return base + luhn.calc_check_digit(base)


def make_siret(siren, rank):
    """A valid SIRET of ``siren``: the establishment ``rank`` (1 for the head
    office) and the Luhn digit that makes the 14 digits check."""
    base = "%s%04d" % (siren, rank)
    return base + luhn.calc_check_digit(base)
