# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
from itertools import islice

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import cleansing
from ..tools.messages import reader_message
from ..tools.messages import text as _text
from ..tools.readers import ReaderError, match_headers, read_table

PREVIEW_ROWS = 10


class _RollBack(Exception):
    """Raised inside a savepoint to undo a dry run."""


class UnifyxMigrationRun(models.Model):
    _name = "unifyx.migration.run"
    _description = "Migration run"
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    profile_id = fields.Many2one(
        "unifyx.migration.profile",
        required=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    target = fields.Selection(related="profile_id.target")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Run by", default=lambda self: self.env.user, readonly=True
    )
    date_done = fields.Datetime(string="Committed on", readonly=True)
    file = fields.Binary(required=True, attachment=True)
    file_name = fields.Char(required=True)
    file_sha256 = fields.Char(string="File SHA-256", readonly=True)
    commit_valid_rows = fields.Boolean(
        string="Commit valid rows",
        help="Write the valid rows and return the rejected ones as a file. "
        "Off (the default): one error and nothing is written.",
    )
    state = fields.Selection(
        [
            ("draft", "Uploaded"),
            ("checked", "Dry run done"),
            ("queued", "Queued"),
            ("running", "Loading in background"),
            ("done", "Committed"),
            ("failed", "Refused"),
            ("load_failed", "Load failed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )
    # Large files load in the background, on the job queue (see
    # unifyx_migration_run_background.py); progress_done is the batches'.
    background = fields.Boolean(readonly=True, copy=False)
    progress_total = fields.Integer(string="Rows to load", readonly=True, copy=False)
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")
    count_create = fields.Integer(string="Created", readonly=True)
    count_update = fields.Integer(string="Updated", readonly=True)
    count_unchanged = fields.Integer(string="Unchanged", readonly=True)
    count_rejected = fields.Integer(string="Rejected", readonly=True)
    line_ids = fields.One2many(
        "unifyx.migration.run.line", "run_id", string="Report", readonly=True
    )
    preview_html = fields.Html(string="Preview", readonly=True, sanitize=True)
    rejected_file = fields.Binary(string="Rejected rows", attachment=True, readonly=True)
    rejected_file_name = fields.Char(readonly=True)

    @api.depends("profile_id", "file_name")
    def _compute_name(self):
        for run in self:
            name = "%s - %s" % (run.profile_id.name or "", run.file_name or "")
            run.name = cleansing.neutralise_formula(name).value

    @api.depends("progress_done", "progress_total")
    def _compute_progress(self):
        for run in self:
            run.progress = (
                100.0 * run.progress_done / run.progress_total if run.progress_total else 0.0
            )

    @api.constrains("file", "file_name", "profile_id")
    def _check_file(self):
        for run in self:
            run._read()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("file"):
                vals["file_sha256"] = hashlib.sha256(base64.b64decode(vals["file"])).hexdigest()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("file"):
            vals["file_sha256"] = hashlib.sha256(base64.b64decode(vals["file"])).hexdigest()
            vals.setdefault("state", "draft")
        return super().write(vals)

    # ------------------------------------------------------------------ reading
    def _content(self):
        self.ensure_one()
        data = self.with_context(bin_size=False).file
        return base64.b64decode(data) if data else b""

    def _read(self):
        """(table, {field: column index}); a bad file raises a translated ValidationError."""
        self.ensure_one()
        try:
            table = read_table(self.file_name, self._content())
        except ReaderError as e:
            raise ValidationError(reader_message(e, self.env.lang)) from e
        columns, missing = match_headers(table.headers, self.profile_id._column_spellings())
        required = {line.field_name for line in self.profile_id.line_ids if line.required}
        missing = [name for name in missing if name in required]
        if missing:
            spellings = self.profile_id._column_spellings()
            raise ValidationError(
                self.env._(
                    "Required columns missing: %(columns)s (found: %(headers)s).",
                    # The headers the consultant can write, not the internal field.
                    columns="; ".join(
                        " / ".join(s for s in spellings[name][:-1] if s) or name for name in missing
                    ),
                    headers=", ".join(table.headers),
                )
            )
        return table, columns

    def _rows(self, table, columns, limit=None, start=0):
        stop = None if limit is None else start + limit
        for number, values in islice(table, start, stop):
            yield number, values, {name: values[index] for name, index in columns.items()}

    def _plan(self):
        """Read, clean and resolve every row; nothing is written."""
        self.ensure_one()
        table, columns = self._read()
        plans = self._plan_rows(self._rows(table, columns))
        return table.headers, columns, plans

    def _plan_rows(self, rows):
        """Clean and resolve ``rows``: (row number, file values, {field: value})."""
        return self.env["unifyx.migration.loader"]._plan_rows(self, rows)

    @staticmethod
    def _loadable(plans):
        return [plan for plan in plans if plan.loadable]

    def _apply(self, plans):
        return self.env["unifyx.migration.loader"]._apply(self, plans)

    # ------------------------------------------------------------------ actions
    def action_preview(self):
        """The first rows as they will be loaded, changes shown beside the original."""
        for run in self:
            table, columns = run._read()
            clean = self.env["unifyx.migration.loader"]._cleaner(run.target)
            unit_names = clean.unit_names
            names = list(columns)
            head = Markup("").join(Markup("<th>%s</th>") % table.headers[columns[n]] for n in names)
            body = []
            for number, _values, raw in run._rows(table, columns, PREVIEW_ROWS):
                values, notes = clean(raw)
                problems = dict(notes)
                cells = [Markup("<td>%s</td>") % number]
                for name in names:
                    value = values.get(name)
                    if clean.columns[name][0] == "unit" and value:
                        value = unit_names.get(value, value)
                    note = problems.get(name)
                    css = {"error": "text-danger", "change": "text-info", "warning": "text-warning"}
                    cls = css.get(note.level, "") if note else ""
                    title = run._note_message(note) if note else ""
                    cells.append(
                        Markup('<td class="%s" title="%s">%s</td>')
                        % (cls, title, _text(value) if note is None or value is not None else "")
                    )
                body.append(Markup("<tr>%s</tr>") % Markup("").join(cells))
            run.preview_html = Markup(
                '<table class="table table-sm o_unifyx_preview"><thead><tr><th>#</th>%s</tr>'
                "</thead><tbody>%s</tbody></table>"
            ) % (head, Markup("").join(body))
        return True

    def action_dry_run(self):
        """Check every row and count creates/updates/unchanged; everything is undone."""
        for run in self:
            run._check_state()
            headers, columns, plans = run._plan()
            counts = {}
            try:
                with self.env.cr.savepoint():
                    counts = run._apply(run._loadable(plans))
                    raise _RollBack()
            except _RollBack:
                pass
            run._write_report(headers, columns, plans, counts, "checked")
        return True

    def action_commit(self):
        """Write the rows; all or nothing unless ``commit_valid_rows`` is set.
        A file over the background size is queued on the job queue."""
        for run in self:
            run._check_state()
            if run._is_large():
                run._unifyx_queue_background()
                continue
            headers, columns, plans = run._plan()
            rejected = [p for p in plans if p.has_error]
            if rejected and not run.commit_valid_rows:
                run._write_report(headers, columns, plans, {}, "failed")
                continue
            with self.env.cr.savepoint():
                counts = run._apply(run._loadable(plans))
            run._write_report(headers, columns, plans, counts, "done")
            run.date_done = fields.Datetime.now()
            if rejected:
                run._write_rejected_file(headers, rejected)
        return True

    def _check_state(self):
        if self.state == "done":
            raise UserError(self.env._("This run is already committed: upload the file again."))
        if self.state in ("queued", "running"):
            raise UserError(
                self.env._("This run is loading in the background: follow its progress here.")
            )
        if self.state == "load_failed":
            raise UserError(
                self.env._("Loading this run failed: fix the cause, then retry its batches.")
            )
