# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What each import profile reads: its columns, their kind, default headers, match keys.

:func:`clean_row` applies the cleansing rules of each column's kind to one row. A
:class:`Target` is what a target's file declares to the loader's registry.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import cleansing as c


@dataclass(frozen=True)
class Target:
    columns: dict  # {field: (kind, required, default headers)}
    match_keys: list  # the profile's match keys, the default first
    resolve: Callable  # (run, plans): match and check every row, nothing written
    apply: Callable  # (run, plans): write the loadable rows, set each plan's action


# field: (kind, required, default headers)
TARGETS = {
    "uom": {
        "name": ("text", True, ["Unité", "Unit", "Nom", "Name"]),
        "category": ("text", True, ["Catégorie d'unité", "Catégorie", "Category"]),
        "uom_type": ("text", False, ["Type"]),
        "ratio": ("decimal", False, ["Ratio", "Facteur", "Contenance"]),
        "synonyms": ("text", False, ["Synonymes", "Synonyms", "Alias"]),
    },
    "category": {
        "path": ("category", True, ["Catégorie", "Famille", "Category", "Chemin", "Path"]),
    },
    "partner": {
        "name": ("text", True, ["Raison sociale", "Nom", "Name", "Société"]),
        "ref": ("text", False, ["Code", "Code tiers", "Référence", "Ref"]),
        "external_id": ("text", False, ["ID externe", "External ID"]),
        "vat": ("vat", False, ["TVA", "N° TVA", "TVA intracom", "TVA intracommunautaire", "VAT"]),
        "siren": ("text", False, ["SIREN", "N° SIREN", "SIRET", "N° SIRET", "Company registry"]),
        "phone": ("phone", False, ["Téléphone", "Tél", "Tel", "Phone"]),
        "email": ("email", False, ["Email", "E-mail", "Courriel", "Mail"]),
        "street": ("text", False, ["Adresse", "Rue", "Street"]),
        "zip": ("text", False, ["CP", "Code postal", "Zip"]),
        "city": ("text", False, ["Ville", "City"]),
        "country": ("text", False, ["Pays", "Country"]),
        "kind": ("kind", False, ["Type", "Type de tiers", "Client/Fournisseur"]),
    },
    "product": {
        "default_code": (
            "text",
            True,
            ["Réf. article", "Ref article", "Référence", "Code article"],
        ),
        "external_id": ("text", False, ["ID externe", "External ID"]),
        "name": ("text", True, ["Désignation", "Libellé", "Nom", "Name"]),
        "barcode": ("barcode", False, ["EAN", "EAN13", "Code barre", "GTIN", "Barcode"]),
        "uom": ("unit", False, ["Unité", "UdM", "Unit", "UoM"]),
        "category": ("category", False, ["Catégorie", "Famille", "Category"]),
        "list_price": (
            "decimal",
            False,
            ["Prix de vente", "Prix vente", "PV HT", "Prix vente HT", "Sale price"],
        ),
        "cost": (
            "decimal",
            False,
            ["Coût", "Prix d'achat", "PA HT", "Prix achat", "Prix achat HT", "Cost"],
        ),
        "vendor": ("text", False, ["Fournisseur", "Vendor"]),
        "vendor_code": ("text", False, ["Réf. fournisseur", "Ref fournisseur", "Vendor code"]),
        "tracking": ("tracking", False, ["Suivi", "Traçabilité", "Tracking"]),
    },
    "stock": {
        "product": (
            "text",
            True,
            ["Réf. article", "Ref article", "Réf", "Référence", "Code article", "Article", "EAN"],
        ),
        "warehouse": ("text", False, ["Entrepôt", "Dépôt", "Warehouse", "Site"]),
        "location": ("text", False, ["Emplacement", "Location"]),
        "lot": ("text", False, ["Lot", "N° de série", "Lot/Série", "Lot / N° série", "Serial"]),
        "quantity": ("decimal", True, ["Quantité", "Qté", "Quantity", "Stock"]),
        "cost": ("decimal", False, ["Coût unitaire", "PMP", "Coût", "Unit cost", "Cost"]),
    },
    "pricelist": {
        "pricelist": ("text", True, ["Liste de prix", "Tarif", "Grille tarifaire", "Pricelist"]),
        "currency": ("text", False, ["Devise", "Currency"]),
        "product": ("text", False, ["Réf. article", "Ref article", "Référence", "Article"]),
        "category": ("category", False, ["Catégorie", "Famille", "Category"]),
        "min_quantity": (
            "decimal",
            False,
            ["Qté min", "Qté mini", "Quantité min", "Quantité minimum"],
        ),
        "price": ("decimal", False, ["Prix", "Prix net", "Prix net HT", "Price"]),
        "discount": ("decimal", False, ["Remise", "Remise %", "Discount"]),
        "date_start": ("date", False, ["Date début", "Début", "Du", "Valable du", "Start"]),
        "date_end": ("date", False, ["Date fin", "Fin", "Au", "Valable au", "End"]),
        "customer": ("text", False, ["Client", "Code client", "Customer"]),
    },
}

MATCH_KEYS = {
    "uom": ["name"],
    "category": ["path"],
    "partner": ["ref", "vat", "external_id", "name"],
    "product": ["default_code", "barcode", "external_id"],
    # The product column is read by the one product rule (internal reference,
    # then barcode: unifyx.migration.loader._products_by_code), whatever the key.
    "stock": ["default_code"],
    "pricelist": ["pricelist_rule"],
}

_TRACKING = {
    "": "none",
    "non": "none",
    "aucun": "none",
    "none": "none",
    "no": "none",
    "lot": "lot",
    "lots": "lot",
    "par lot": "lot",
    "lot number": "lot",
    "serie": "serial",
    "n de serie": "serial",
    "numero de serie": "serial",
    "serial": "serial",
    "sn": "serial",
}
_KINDS = {
    "client": "customer",
    "clients": "customer",
    "customer": "customer",
    "fournisseur": "vendor",
    "fournisseurs": "vendor",
    "vendor": "vendor",
    "supplier": "vendor",
    "c": "customer",
    "cli": "customer",
    "f": "vendor",
    "frn": "vendor",
    "fourn": "vendor",
    "client fournisseur": "both",
    "client et fournisseur": "both",
    "fournisseur client": "both",
    "les deux": "both",
    "both": "both",
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def _choice(rule, table, value):
    key = c.normalise_key(value)
    if key not in table:
        return c._error(rule, "invalid_choice", value)
    result = table[key]
    if result == value:
        return c.Cleaned(result)
    return c._change(rule, "choice", value, result)


def clean_cell(kind, value, units=None, vat_validator=None):
    """Clean one cell according to its column's kind; returns a list of Cleaned steps."""
    steps = []
    if isinstance(value, str):
        text = c.clean_text(value)
        steps.append(text)
        value = text.value
    if value is None:
        return steps, None
    if kind == "text":
        step = c.refuse_formula(value if isinstance(value, str) else c._number_text(value))
    elif kind == "decimal":
        step = c.parse_decimal(value)
    elif kind == "date":
        step = c.parse_date(value)
    elif kind == "unit":
        step = c.map_unit(value, units or {})
    elif kind == "category":
        step = c.refuse_formula(value)
        if not step.is_error:
            step = c.normalise_category_path(value)
    elif kind == "phone":
        step = c.normalise_phone(value)
    elif kind == "vat":
        step = c.check_vat(value, validator=vat_validator)
    elif kind == "barcode":
        step = c.check_barcode(value)
    elif kind == "email":
        lowered = str(value).lower()
        if not _EMAIL.fullmatch(lowered):
            step = c._error("email", "invalid_email", value)
        elif lowered != value:
            step = c._change("email", "choice", value, lowered)
        else:
            step = c.Cleaned(lowered)
    elif kind == "tracking":
        step = _choice("tracking", _TRACKING, str(value))
    elif kind == "kind":
        step = _choice("kind", _KINDS, str(value))
    else:
        raise ValueError(kind)
    steps.append(step)
    return steps, step.value


def clean_row(columns, raw, units=None, vat_validator=None):
    """Clean ``raw`` ({field: value}) for ``columns`` (a target's, or its code).

    Returns (values, notes) where notes is a list of (field, Note). Every cell is
    cleaned: a row's problems are all reported, one note each.
    """
    spec = TARGETS[columns] if isinstance(columns, str) else columns
    values, notes = {}, []
    for name, value in raw.items():
        kind, required, _headers = spec[name]
        steps, cleaned = clean_cell(kind, value, units, vat_validator)
        notes.extend((name, s.note) for s in steps if s.note)
        if any(s.is_error for s in steps):
            continue
        if cleaned is None and required:
            notes.append((name, c.Note(name, c.ERROR, "required", value, None, {})))
            continue
        values[name] = cleaned
    for name, (_kind, required, _headers) in spec.items():
        if required and name not in raw:
            notes.append((name, c.Note(name, c.ERROR, "required", None, None, {})))
    return values, notes
