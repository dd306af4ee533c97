# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The lifecycle statuses of the French e-invoicing reform (the codes of the
CDAR status messages the certified platforms exchange) and the reading of a
status message. Pure Python: tested without a database."""

import json

# (key, reform code, English label). French labels come from i18n/fr.po.
STATUSES = [
    ("deposited", "200", "Deposited"),  # Déposée
    ("issued", "201", "Issued by the platform"),  # Émise par la plateforme
    ("received", "202", "Received by the platform"),  # Reçue par la plateforme
    ("made_available", "203", "Made available"),  # Mise à disposition
    ("taken_over", "204", "Taken over"),  # Prise en charge
    ("approved", "205", "Approved"),  # Approuvée
    ("partially_approved", "206", "Partially approved"),  # Approuvée partiellement
    ("disputed", "207", "Disputed"),  # En litige
    ("suspended", "208", "Suspended"),  # Suspendue
    ("completed", "209", "Completed"),  # Complétée
    ("refused", "210", "Refused"),  # Refusée
    ("payment_sent", "211", "Payment sent"),  # Paiement transmis
    ("paid", "212", "Collected"),  # Encaissée
    ("rejected", "213", "Rejected"),  # Rejetée (by the platform: not compliant)
]
KEYS = [key for key, _code, _label in STATUSES]
BY_CODE = {code: key for key, code, _label in STATUSES}
# Accepted by the customer: from approval on.
ACCEPTED = ("approved", "partially_approved", "payment_sent", "paid")
# The end of the road for the invoice as sent (a new invoice is needed).
CLOSED = ("refused", "rejected")


def status_key(value):
    """The status key of a message's status, given as key or reform code."""
    value = str(value or "").strip().lower()
    if value in KEYS:
        return value
    if value in BY_CODE:
        return BY_CODE[value]
    raise ValueError("unknown e-invoice status %r" % value)


def parse_status_message(content):
    """A status message of the folder platform: JSON, one object or a list,
    each with ``ref`` (the platform's id of the invoice), ``status`` (key or
    code), ``date`` (ISO) and an optional ``reason``. Returns a list of dicts
    with ``ref``, ``status`` (key), ``date`` (str) and ``reason``."""
    data = json.loads(content)
    messages = data if isinstance(data, list) else [data]
    parsed = []
    for message in messages:
        if not isinstance(message, dict) or not message.get("ref"):
            raise ValueError("a status message needs a 'ref'")
        parsed.append(
            {
                "ref": str(message["ref"]),
                "status": status_key(message.get("status")),
                "date": str(message.get("date") or ""),
                "reason": str(message.get("reason") or ""),
            }
        )
    return parsed
