# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Readers for legacy spreadsheets (.xlsx, .xls, .csv), free of the ORM.

:func:`read_table` returns a :class:`Table`: the header row and an iterator of
``(row_number, values)`` with blank rows skipped and merged cells filled with the value of
their top-left cell. Formulas are never executed: .xlsx gives the value cached by the
spreadsheet (``data_only=True``), .xls stores values only.

Errors are :class:`ReaderError` with a code and parameters the ORM layer translates.
"""

import csv
import datetime
import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import xlrd
from openpyxl.utils import range_boundaries

from .cleansing import is_blank, neutralise_formula, normalise_key
from .messages import reader_message

EXTENSIONS = (".xlsx", ".xls", ".csv")


class ReaderError(Exception):
    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    def __str__(self):
        return reader_message(self)


class Table:
    def __init__(self, headers, rows):
        self.headers = headers
        self.rows = rows  # iterator of (row_number, [values])

    def __iter__(self):
        return iter(self.rows)


def header_key(text):
    """Compare headers without case, accents, punctuation or spaces ("EAN 13" == "ean13")."""
    return normalise_key(text).replace(" ", "")


def match_headers(headers, wanted):
    """Map each wanted column to the index of the header that matches it.

    ``wanted``: {column_name: [accepted spellings]}. Returns ({name: index}, [missing]).
    """
    keys = [header_key(h) for h in headers]
    found, missing = {}, []
    for name, spellings in wanted.items():
        candidates = {header_key(s) for s in spellings if s}
        index = next((i for i, k in enumerate(keys) if k and k in candidates), None)
        if index is None:
            missing.append(name)
        else:
            found[name] = index
    return found, missing


def read_table(filename, content):
    """Read the first sheet of ``content`` (bytes) according to ``filename``'s extension."""
    extension = os.path.splitext(filename or "")[1].lower()
    if extension not in EXTENSIONS:
        raise ReaderError("wrong_extension", extension=extension or "?")
    if not content or not content.strip():
        raise ReaderError("empty_file")
    reader = {".xlsx": _read_xlsx, ".xls": _read_xls, ".csv": _read_csv}[extension]
    rows = reader(content, extension)
    return _with_header(rows)


def _with_header(rows):
    for _number, values in rows:
        if any(not is_blank(v) for v in values):
            headers = [("%s" % v).strip() if v is not None else "" for v in values]
            while headers and not headers[-1]:
                headers.pop()
            return Table(headers, _data_rows(rows, len(headers)))
    raise ReaderError("no_header")


def _data_rows(rows, width):
    for number, values in rows:
        values = list(values[:width]) + [None] * (width - len(values))
        values = [None if is_blank(v) else v for v in values]
        if any(v is not None for v in values):
            yield number, values


# --------------------------------------------------------------------------- xlsx
_MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")


def _xlsx_merges(archive, sheet_path):
    """Merged ranges of a sheet, found in its XML by a byte scan (a parse of the
    whole sheet would cost as much as reading its rows)."""
    merges = []
    tail = b""
    with archive.open(sheet_path) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")  # an element may straddle two chunks
            cut = cut if cut > len(data) - 512 else len(data)
            for match in _MERGE_CELL.finditer(data, 0, cut):
                merges.append(range_boundaries(match.group(1).decode()))
            tail = data[cut:]
        for match in _MERGE_CELL.finditer(tail):
            merges.append(range_boundaries(match.group(1).decode()))
    return merges


def _fill_merges(rows, merges):
    """Give every cell of a merged range its top-left value (rows are 1-based)."""
    pending = {}  # (row, col) -> value source range
    starts = {(m[1], m[0]): m for m in merges}  # (min_row, min_col) -> range
    for number, values in rows:
        values = list(values)
        for (row, col), value in list(pending.items()):
            if row == number:
                while len(values) < col:
                    values.append(None)
                values[col - 1] = value
                del pending[(row, col)]
        for col in range(1, len(values) + 1):
            merge = starts.get((number, col))
            if merge:
                min_col, min_row, max_col, max_row = merge
                value = values[col - 1]
                for r in range(min_row, max_row + 1):
                    for c in range(min_col, max_col + 1):
                        if (r, c) == (min_row, min_col):
                            continue
                        if r == number:
                            while len(values) < c:
                                values.append(None)
                            values[c - 1] = value
                        else:
                            pending[(r, c)] = value
        yield number, values


def _read_xlsx(content, extension):
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True, keep_links=False
        )
        sheet = workbook.worksheets[0]
        merges = _xlsx_merges(workbook._archive, sheet._worksheet_path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, ET.ParseError) as e:
        raise ReaderError("corrupt", extension=extension) from e
    except Exception as e:  # openpyxl raises its own InvalidFileException & co.
        raise ReaderError("corrupt", extension=extension) from e

    def rows():
        try:
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            workbook.close()

    if merges:
        return _fill_merges(rows(), merges)
    return rows()


# ---------------------------------------------------------------------------- xls
def _read_xls(content, extension):
    try:
        book = xlrd.open_workbook(file_contents=content, formatting_info=True, on_demand=True)
        sheet = book.sheet_by_index(0)
    except Exception as e:  # xlrd.XLRDError, struct errors, CompDocError...
        raise ReaderError("corrupt", extension=extension) from e
    fill = {}
    for min_row, max_row, min_col, max_col in sheet.merged_cells:
        for r in range(min_row, max_row):
            for c in range(min_col, max_col):
                if (r, c) != (min_row, min_col):
                    fill[(r, c)] = (min_row, min_col)

    def value(r, c):
        r, c = fill.get((r, c), (r, c))
        cell = sheet.cell(r, c)
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
            return int(cell.value)
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return cell.value

    def rows():
        for r in range(sheet.nrows):
            yield r + 1, [value(r, c) for c in range(sheet.ncols)]

    return rows()


# ---------------------------------------------------------------------------- csv
def decode(content):
    """UTF-8 (with or without BOM) first, else Windows-1252 (French legacy exports)."""
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as e:
        raise ReaderError("encoding") from e


def sniff_delimiter(text):
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in ";,\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ";"


def _read_csv(content, extension):
    text, _encoding = decode(content)
    if "\x00" in text:
        raise ReaderError("corrupt", extension=extension)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows():
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as e:
            raise ReaderError("corrupt", extension=extension) from e

    return rows()


def xlsx_bytes(headers, rows, sheet_title="Report"):
    """Write a small .xlsx (report downloads, rejected rows) and return its bytes."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_xlsx_safe(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_safe(value):
    if isinstance(value, str):
        return neutralise_formula(_ILLEGAL_XLSX.sub("", value)).value
    if isinstance(value, datetime.date | int | float) or value is None:
        return value
    return "%s" % value
