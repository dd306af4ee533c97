# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the opening-stock profiles recognise the headers distributors write
("Réf", "Code article") for the product column, as new profiles do. A header list
the consultant changed keeps its spellings; the new ones are added once."""

from openupgradelib import openupgrade

NEW_HEADERS = ("Réf", "Code article")


@openupgrade.migrate()
def migrate(env, version):
    lines = env["unifyx.migration.profile.line"].search(
        [("profile_id.target", "=", "stock"), ("field_name", "=", "product")]
    )
    for line in lines:
        headers = [h.strip() for h in (line.headers or "").split(",") if h.strip()]
        missing = [h for h in NEW_HEADERS if h not in headers]
        if missing:
            line.headers = ", ".join(headers + missing)
