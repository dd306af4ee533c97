# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
import gzip
import hashlib
import json
import os
from itertools import islice

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import cleansing
from ..tools.readers import ReaderError, match_headers, read_table, xlsx_bytes
from ..tools.targets import TARGETS, clean_row

PREVIEW_ROWS = 10
# Defaults of the system parameters that send a file to the background job.
BACKGROUND_SIZE_KB = 1024
BACKGROUND_BATCH_ROWS = 2000
# Rows written per create() batch (memory stays bounded on large files).
APPLY_ROWS = 5000
# Name prefix of the attachments holding the rows a background run has left to load.
BATCH_PREFIX = "unifyx_migration_batch_"


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
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )
    # Large files load in the background, one committed batch of file rows at
    # a time (see _cron_process_background).
    background = fields.Boolean(readonly=True, copy=False)
    progress_done = fields.Integer(string="Rows loaded", readonly=True, copy=False)
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

    def _reader_message(self, error):
        messages = {
            "empty_file": self.env._("The file is empty."),
            "wrong_extension": self.env._(
                "Unsupported file type %(extension)s: use .xlsx, .xls or .csv."
            ),
            "corrupt": self.env._(
                "The file cannot be read as %(extension)s (corrupt or password-protected?)."
            ),
            "no_header": self.env._("No header row found in the file."),
            "encoding": self.env._("The CSV file is neither UTF-8 nor Windows-1252 text."),
        }
        return messages[error.code] % error.params

    def _read(self):
        """(table, {field: column index}); a bad file raises a translated ValidationError."""
        self.ensure_one()
        try:
            table = read_table(self.file_name, self._content())
        except ReaderError as e:
            raise ValidationError(self._reader_message(e)) from e
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

    def _note_message(self, note):
        messages = {
            "spaces": self.env._("Spaces trimmed and normalised"),
            "decimal": self.env._("Number read as %(value)s"),
            "not_a_number": self.env._("Not a number: %(value)s"),
            "date": self.env._("Date read as %(value)s (day/month/year)"),
            "not_a_date": self.env._("Not a date (expected dd/mm/yyyy): %(value)s"),
            "unit": self.env._("Unit %(value)s mapped to %(target)s"),
            "unknown_unit": self.env._("Unknown unit %(value)s: add it to the unit synonyms"),
            "category": self.env._("Category path normalised to %(value)s"),
            "empty_category": self.env._("Empty category path: %(value)s"),
            "phone": self.env._("Phone number formatted as %(value)s"),
            "invalid_phone": self.env._("Invalid phone number: %(value)s"),
            "vat": self.env._("VAT number compacted to %(value)s"),
            "invalid_vat": self.env._("Invalid VAT number: %(value)s"),
            "barcode": self.env._("Barcode read as %(value)s"),
            "invalid_barcode": self.env._("Invalid barcode (length or check digit): %(value)s"),
            "formula": self.env._(
                "Value looks like a spreadsheet formula and is refused: %(value)s"
            ),
            "neutralised": self.env._("Leading formula character neutralised"),
            "invalid_email": self.env._("Invalid email address: %(value)s"),
            "invalid_choice": self.env._("Unexpected value %(value)s"),
            "choice": self.env._("Read as %(value)s"),
            "required": self.env._("Required value missing"),
            "missing_key": self.env._("The match key is empty: the row cannot be matched"),
            "duplicate_in_file": self.env._("Same key %(value)s as row %(row)s of the file"),
            "ambiguous": self.env._(
                "%(count)s records match %(value)s: ambiguous match, nothing written"
            ),
            "unknown_uom_category": self.env._("Unknown unit category %(value)s"),
            "unknown_country": self.env._("Unknown country %(value)s"),
            "possible_duplicate": self.env._(
                "Possible duplicate of %(other)s (%(reason)s): check before loading, "
                "nothing is merged"
            ),
            "possible_duplicate_rows": self.env._(
                "Possible duplicate of row %(other)s (%(reason)s): check before loading, "
                "nothing is merged"
            ),
            "barcode_taken": self.env._("Barcode %(value)s already used by %(other)s"),
            "unknown_vendor": self.env._("Unknown vendor %(value)s: import the partners first"),
            "unknown_product": self.env._("Unknown product %(value)s"),
            "unknown_location": self.env._("Unknown warehouse or location %(value)s"),
            "lot_required": self.env._(
                "%(product)s is tracked: a lot or serial number is required"
            ),
            "serial_quantity": self.env._("A serial number holds exactly one unit, not %(value)s"),
            "product_or_category": self.env._(
                "A price list row applies to a product or to a category: give exactly one"
            ),
            "price_or_discount": self.env._(
                "A price list row has a price or a discount: give exactly one"
            ),
            "unknown_category": self.env._(
                "Unknown category %(value)s: import the categories first"
            ),
            "unknown_currency": self.env._("Unknown or inactive currency %(value)s"),
            "unknown_customer": self.env._("Unknown customer %(value)s: import the partners first"),
            "dates_reversed": self.env._("The validity ends before it starts"),
            "two_pricelists": self.env._("Customer %(value)s is given two price lists: %(other)s"),
            "one_price": self.env._(
                "A contract row has a price, a discount or a markup: give exactly one"
            ),
            "contract_customer": self.env._("Contract %(value)s is new: give its customer"),
            "contract_header": self.env._(
                "Contract %(value)s is given another customer or other dates in row %(row)s"
            ),
            "contract_locked": self.env._(
                "Contract %(value)s is not a draft: a sales manager sets it back to draft first"
            ),
            "uom_category": self.env._("The unit %(value)s cannot measure %(product)s"),
            "zip": self.env._("Postcode normalised to %(value)s"),
            "invalid_zip": self.env._("Postcode %(value)s is not a French postcode (5 digits)"),
            "field_update": self.env._("%(field)s: %(before)s → %(after)s"),
            "cost_kept": self.env._(
                "Cost %(value)s not applied: %(product)s has stock valued at %(current)s "
                "(a rerun never revalues stock)"
            ),
            "unknown_warehouse": self.env._("Unknown warehouse %(value)s"),
            "location_elsewhere": self.env._(
                "Location %(value)s is not in the warehouse %(warehouse)s of the row"
            ),
            "negative_quantity": self.env._(
                "Negative quantity %(value)s: an opening stock cannot be negative"
            ),
            "negative_cost": self.env._("Negative unit cost %(value)s"),
            "whole_units": self.env._(
                "%(value)s %(unit)s of %(product)s: counted in whole units only"
            ),
            "lot_ignored": self.env._(
                "Lot %(value)s ignored: %(product)s is not tracked by lot or serial number"
            ),
            "no_cost": self.env._(
                "No unit cost given: %(product)s is valued at its current cost %(current)s"
            ),
            "standard_two_costs": self.env._(
                "Standard-cost product given two costs: %(value)s here, %(other)s in row %(row)s"
            ),
            "standard_stock": self.env._(
                "%(product)s is in stock at its standard cost %(current)s: the file's cost "
                "%(value)s cannot value it (revalue the product first, or give that cost)"
            ),
            "standard_cost": self.env._(
                "Standard cost of %(product)s set to %(value)s (was %(before)s): "
                "the opening stock is valued at the file's cost"
            ),
            "stock_update": self.env._(
                "On hand at %(location)s: %(before)s → %(value)s, %(amount)s booked at "
                "%(cost)s a unit"
            ),
            "stock_decrease": self.env._(
                "On hand at %(location)s: %(before)s → %(value)s (out at the product's cost)"
            ),
            "country_from_vat": self.env._("Country set to %(value)s (from the VAT number)"),
            "country_default": self.env._("Country set to %(value)s (the company's country)"),
            "invalid_siren": self.env._("Invalid SIREN or SIRET number: %(value)s"),
            "shared_value": self.env._(
                "%(count)s rows share the %(reason)s %(value)s: a placeholder, not reported "
                "as duplicates"
            ),
            "total_row": self.env._("Total row skipped: not a record"),
            "unmapped": self.env._(
                "Column %(value)s is not loaded by this profile: its values are ignored"
            ),
        }
        template = messages.get(note.code) or note.params.get("message") or note.code
        reasons = {
            "vat": self.env._("same VAT number"),
            "name": self.env._("similar name"),
        }
        params = {k: cleansing._shown(v) for k, v in note.params.items()}
        params.setdefault("value", cleansing._shown(note.original))
        params.setdefault("reason", "")
        if "reason" in note.params:
            params["reason"] = reasons.get(note.params["reason"], params["reason"])
        try:
            return template % params
        except (KeyError, TypeError, ValueError):
            return template

    def _plan(self):
        """Read, clean and resolve every row; nothing is written."""
        self.ensure_one()
        table, columns = self._read()
        plans = self._plan_rows(self._rows(table, columns))
        return table.headers, columns, plans

    def _cleaner(self):
        """clean_row for this run: units by code and synonyms (whatever the
        consultant's language), VAT numbers through Odoo's base_vat; unit notes
        show the unit's name, never its id."""
        units = cleansing.keyed_units(self.env["unifyx.migration.uom.synonym"]._mapping())
        unit_names = {u.id: u.name for u in self.env["uom.uom"].search([])}
        validate = self.env["res.partner"]._unifyx_vat_validator()

        def clean(raw):
            values, notes = clean_row(self.target, raw, units, validate)
            for index, (_field, note) in enumerate(notes):
                if note.rule == "unit" and note.level == cleansing.CHANGE:
                    target = unit_names.get(note.value, note.value)
                    if cleansing.unit_key(note.original) == cleansing.unit_key(target):
                        notes[index] = None  # the unit's own name: nothing changed
                        continue
                    note.params["target"] = target
                    note.params["value"] = note.original
                    note.value = target
            notes[:] = [n for n in notes if n]
            return values, notes

        clean.unit_names = unit_names
        return clean

    def _plan_rows(self, rows):
        """Clean and resolve ``rows``: (row number, file values, {field: value})."""
        clean = self._cleaner()
        plans = []
        for number, raw_values, raw in rows:
            if cleansing.is_total_row(raw.values()):
                # A spreadsheet's total line: skipped, said, never refused.
                first = next(iter(raw), "")
                notes = [(first, cleansing.Note("total", cleansing.WARNING, "total_row", None))]
                values, skip = {}, True
            else:
                values, notes = clean(raw)
                skip = False
            plans.append(
                {
                    "row": number,
                    "raw": raw_values,
                    "values": values,
                    "notes": notes,
                    "record": None,
                    "action": None,
                    "skip": skip,
                }
            )
        loader = self.env["unifyx.migration.loader"]
        getattr(loader, "_resolve_%s" % self.target)(self, plans)
        return plans

    @classmethod
    def _loadable(cls, plans):
        return [p for p in plans if not p.get("skip") and not cls._has_error(p)]

    @staticmethod
    def _has_error(plan):
        return any(note.level == cleansing.ERROR for _field, note in plan["notes"])

    def _apply(self, plans):
        loader = self.env["unifyx.migration.loader"]
        for start in range(0, len(plans), APPLY_ROWS):
            getattr(loader, "_apply_%s" % self.target)(self, plans[start : start + APPLY_ROWS])
            if len(plans) > APPLY_ROWS:
                # Written, then out of the cache: memory stays flat on a large file.
                self.env.flush_all()
                self.env.invalidate_all()
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for plan in plans:
            counts[plan["action"]] += 1
        return counts

    # ------------------------------------------------------------------ report
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
                "count_rejected": sum(1 for p in plans if self._has_error(p)),
            }
        )

    def _report_lines(self, plans, field_columns, levels=None):
        lines = []
        for plan in plans:
            for field_name, note in plan["notes"]:
                if levels and note.level not in levels:
                    continue
                lines.append(
                    {
                        "run_id": self.id,
                        "row_number": plan["row"],
                        "column": field_columns.get(field_name, field_name),
                        "level": note.level,
                        "rule": note.rule,
                        "original_value": _text(note.original),
                        "new_value": _text(note.value),
                        "message": self._note_message(note),
                    }
                )
        return lines

    # ------------------------------------------------------------------ actions
    def action_preview(self):
        """The first rows as they will be loaded, changes shown beside the original."""
        for run in self:
            table, columns = run._read()
            clean = run._cleaner()
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
                    if TARGETS[run.target][name][0] == "unit" and value:
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
        A file over the background size is queued for the background job."""
        for run in self:
            run._check_state()
            if run._is_large():
                run.write(
                    {"state": "queued", "background": True, "progress_done": 0, "progress_total": 0}
                )
                self.env.ref("unifyx_migration.ir_cron_process_background_runs")._trigger()
                continue
            headers, columns, plans = run._plan()
            rejected = [p for p in plans if run._has_error(p)]
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

    # --------------------------------------------------------------- background
    def _param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param("unifyx_migration.%s" % key)
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    def _is_large(self):
        self.ensure_one()
        size = len(self.with_context(bin_size=False).file or b"") * 3 // 4  # base64
        return size > self._param("background_size_kb", BACKGROUND_SIZE_KB) * 1024

    @api.model
    def _cron_process_background(self):
        """One batch of the oldest queued run per call. Odoo's cron calls again
        while progress is reported and commits after each call: a crash loses
        the current batch only, and the run resumes after the rows done."""
        batch_rows = max(self._param("background_batch_rows", BACKGROUND_BATCH_ROWS), 1)
        runs = self.search([("state", "in", ("queued", "running"))], order="id")
        if not runs:
            return
        # As the consultant who queued it, in its company: the same rights and
        # company-dependent values (costs) as an interactive load.
        run = (
            runs[0]
            .with_user(runs[0].user_id)
            .with_company(runs[0].company_id)
            .with_context(lang=runs[0].user_id.lang)
        )
        done, remaining = run._process_background_batch(batch_rows)
        others = sum(run.progress_total - run.progress_done for run in runs[1:]) + len(runs[1:])
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining + others)

    def _process_background_batch(self, batch_rows):
        """Validate the whole file on the first call, then load the next batch
        of ``batch_rows`` file rows; return (rows handled, rows left).

        The file is read once: the first call stores the rows to load as
        compressed batches attached to the run; each later call loads the first
        batch left and deletes it in the same transaction, so a crash replays
        that batch only and nothing is written twice."""
        self.ensure_one()
        if self.state == "queued":
            headers, columns, plans = self._plan()
            rejected = [p for p in plans if self._has_error(p)]
            if rejected and not self.commit_valid_rows:
                self._write_report(headers, columns, plans, {}, "failed")
                return 1, 0
            # The report of the whole file is written now; batches add counts.
            self._write_report(headers, columns, plans, {}, "running")
            self._store_batches(headers, columns, plans, batch_rows)
            self.write({"progress_done": 0, "progress_total": len(plans)})
            if not plans:
                self.write({"state": "done", "date_done": fields.Datetime.now()})
            if rejected:
                self._write_rejected_file(headers, rejected)
            return 1, len(plans)
        batch = self._next_batch()
        if not batch and self.progress_done < self.progress_total:
            # Queued before batches were stored: store the rows left, once.
            headers, columns, plans = self._plan()
            self._store_batches(headers, columns, plans[self.progress_done :], batch_rows)
            batch = self._next_batch()
        payload = _batch_load(batch.raw) if batch else {"rows": 0, "data": [], "labels": {}}
        plans = self._plan_rows((number, None, raw) for number, raw in payload["data"])
        with self.env.cr.savepoint():
            counts = self._apply(self._loadable(plans))
        # Rows valid at validation but refused now (e.g. a barcode taken since).
        refused = [p for p in plans if self._has_error(p)]
        if refused:
            self.env["unifyx.migration.run.line"].create(
                self._report_lines(refused, payload["labels"], {cleansing.ERROR})
            )
        batch.unlink()
        vals = {
            "progress_done": self.progress_done + payload["rows"],
            "count_create": self.count_create + counts["create"],
            "count_update": self.count_update + counts["update"],
            "count_unchanged": self.count_unchanged + counts["unchanged"],
            "count_rejected": self.count_rejected + len(refused),
        }
        if not batch or vals["progress_done"] >= self.progress_total:
            vals.update({"state": "done", "date_done": fields.Datetime.now()})
        self.write(vals)
        return max(payload["rows"], 1), self.progress_total - self.progress_done

    def _store_batches(self, headers, columns, plans, batch_rows):
        """Attach the valid rows of ``plans`` as batches of ``batch_rows`` file rows."""
        labels = {name: headers[index] for name, index in columns.items()}
        vals_list = []
        for start in range(0, len(plans), batch_rows):
            chunk = plans[start : start + batch_rows]
            payload = {
                "rows": len(chunk),
                "labels": labels,
                "data": [
                    [p["row"], {name: p["raw"][index] for name, index in columns.items()}]
                    for p in self._loadable(chunk)
                ],
            }
            vals_list.append(
                {
                    "name": "%s%09d.json.gz" % (BATCH_PREFIX, self.progress_done + start),
                    "raw": _batch_dump(payload),
                    "mimetype": "application/gzip",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        self.env["ir.attachment"].create(vals_list)

    def _next_batch(self):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("name", "=like", BATCH_PREFIX + "%"),
            ],
            order="name",
            limit=1,
        )

    def _check_state(self):
        if self.state == "done":
            raise UserError(self.env._("This run is already committed: upload the file again."))
        if self.state in ("queued", "running"):
            raise UserError(
                self.env._("This run is loading in the background: follow its progress here.")
            )

    def _write_rejected_file(self, headers, rejected):
        errors_header = self.env._("Errors")
        rows = []
        for plan in rejected:
            messages = [
                self._note_message(note)
                for _field, note in plan["notes"]
                if note.level == cleansing.ERROR
            ]
            rows.append(list(plan["raw"]) + ["; ".join(messages)])
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


def _batch_default(value):
    # Spreadsheet cells: dates and times keep their type through JSON.
    for tag, kind in _BATCH_TYPES:
        if type(value) is kind:
            return {tag: value.isoformat()}
    return "%s" % value


def _batch_hook(obj):
    if len(obj) == 1:
        for tag, kind in _BATCH_TYPES:
            if tag in obj:
                return kind.fromisoformat(obj[tag])
    return obj


_BATCH_TYPES = (
    ("$datetime", datetime.datetime),
    ("$date", datetime.date),
    ("$time", datetime.time),
)


def _batch_dump(payload):
    return gzip.compress(json.dumps(payload, default=_batch_default).encode(), compresslevel=1)


def _batch_load(data):
    return json.loads(gzip.decompress(data), object_hook=_batch_hook)


def _text(value):
    if value is None or value is False:
        return ""
    return cleansing._shown(value)
