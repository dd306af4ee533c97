# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A run's report: one line per note, the rejected rows' file, the report as .xlsx."""

import base64
import os

from odoo import models

from ..tools import cleansing
from ..tools.messages import note_message
from ..tools.messages import text as _text
from ..tools.readers import xlsx_bytes


# One file per target (or concern), by design.
# pylint: disable=consider-merging-classes-inherited
class UnifyxMigrationRun(models.Model):
    _inherit = "unifyx.migration.run"

    def _note_message(self, note):
        """The note's message in the user's language (the one catalogue)."""
        return note_message(note, self.env.lang)

    def _write_report(self, headers, columns, plans, counts, state):
        labels = {index: headers[index] for index in range(len(headers))}
        field_columns = {name: labels.get(index, name) for name, index in columns.items()}
        self.line_ids.unlink()
        mapped = set(columns.values())
        unmapped = [
            {
                "run_id": self.id,
                "row_number": 0,
                "column": header,
                "level": "warning",
                "rule": "unmapped",
                "original_value": header,
                "message": self._note_message(
                    cleansing.Note("unmapped", cleansing.WARNING, "unmapped", header)
                ),
            }
            for index, header in enumerate(headers)
            if header and index not in mapped
        ]
        self.env["unifyx.migration.run.line"].create(
            unmapped + self._report_lines(plans, field_columns)
        )
        self.write(
            {
                "state": state,
                "count_create": counts.get("create", 0),
                "count_update": counts.get("update", 0),
                "count_unchanged": counts.get("unchanged", 0),
                "count_rejected": sum(1 for p in plans if p.has_error),
            }
        )

    def _report_lines(self, plans, field_columns, levels=None):
        lines = []
        for plan in plans:
            for field_name, note in plan.notes:
                if levels and note.level not in levels:
                    continue
                lines.append(
                    {
                        "run_id": self.id,
                        "row_number": plan.row,
                        "column": field_columns.get(field_name, field_name),
                        "level": note.level,
                        "rule": note.rule,
                        "original_value": _text(note.original),
                        "new_value": _text(note.value),
                        "message": self._note_message(note),
                    }
                )
        return lines

    def _write_rejected_file(self, headers, rejected):
        errors_header = self.env._("Errors")
        rows = []
        for plan in rejected:
            messages = [
                self._note_message(note)
                for _field, note in plan.notes
                if note.level == cleansing.ERROR
            ]
            rows.append(list(plan.raw) + ["; ".join(messages)])
        base = os.path.splitext(self.file_name)[0]
        self.write(
            {
                "rejected_file": base64.b64encode(
                    xlsx_bytes(list(headers) + [errors_header], rows)
                ),
                "rejected_file_name": "%s-rejected.xlsx" % base,
            }
        )

    def _report_xlsx(self):
        headers = [
            self.env._("Row"),
            self.env._("Column"),
            self.env._("Level"),
            self.env._("Rule"),
            self.env._("Original value"),
            self.env._("New value"),
            self.env._("Message"),
        ]
        levels = dict(
            self.env["unifyx.migration.run.line"]._fields["level"]._description_selection(self.env)
        )
        rows = [
            [
                line.row_number,
                line.column,
                levels.get(line.level, line.level),
                line.rule,
                line.original_value,
                line.new_value,
                line.message,
            ]
            for line in self.line_ids
        ]
        return xlsx_bytes(headers, rows)

    def action_download_report(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "%s-report.xlsx" % os.path.splitext(self.file_name)[0],
                "raw": self._report_xlsx(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s?download=true" % attachment.id,
            "target": "self",
        }
