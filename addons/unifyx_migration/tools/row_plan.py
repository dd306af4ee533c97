# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the cockpit plans for one row of a file, free of the ORM.

A :class:`RowPlan` is made when the row is read and cleaned; the target's
``resolve`` finds its record and adds the notes of matching (nothing written), its
``apply`` writes it and sets ``action`` (create / update / unchanged).
"""

from dataclasses import dataclass, field

from .cleansing import CHANGE, ERROR, WARNING, Note


@dataclass(eq=False)
class RowPlan:
    row: int  # the row number in the file
    raw: list | None = None  # the file's cells, for the rejected rows' file
    values: dict = field(default_factory=dict)  # {profile field: cleaned value}
    notes: list = field(default_factory=list)  # [(profile field, Note)]
    record: object = None  # the existing (or written) record
    action: str | None = None  # create / update / unchanged, once applied
    skip: bool = False  # not a record (a total row): never loaded, never refused

    def error(self, field_name, code, original=None, **params):
        self.notes.append((field_name, Note("match", ERROR, code, original, None, params)))

    def warning(self, field_name, code, original=None, **params):
        self.notes.append((field_name, Note("match", WARNING, code, original, None, params)))

    def change(self, field_name, code, original=None, value=None, **params):
        params.setdefault("value", value)
        self.notes.append((field_name, Note("match", CHANGE, code, original, value, params)))

    @property
    def has_error(self):
        return any(note.level == ERROR for _f, note in self.notes)

    def field_error(self, field_name):
        """True when ``field_name``'s cell is refused: the checks that need it are
        skipped, every other check of the row still runs and reports."""
        return any(f == field_name and note.level == ERROR for f, note in self.notes)

    @property
    def loadable(self):
        return not self.skip and not self.has_error
