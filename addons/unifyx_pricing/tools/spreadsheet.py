# Copyright 2026 UnifyX
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contract lines as .xlsx: one sheet, a header row, one line per row."""

import io

import openpyxl

HEADER = (
    "product",
    "category",
    "price_type",
    "fixed_price",
    "discount",
    "markup",
    "min_qty",
    "uom",
)


def write_rows(rows):
    """Bytes of an .xlsx holding the header and these rows (tuples)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lines"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_rows(stream):
    """[(row number, {column: value})] of the first sheet; blank rows skipped."""
    book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    missing = [column for column in HEADER if column not in header]
    if missing:
        raise ValueError("missing columns: %s" % ", ".join(missing))
    result = []
    for number, values in enumerate(rows, start=2):
        if not any(value not in (None, "") for value in values):
            continue
        record = dict(zip(header, values, strict=False))
        result.append(
            (
                number,
                {
                    column: (
                        str(record.get(column)).strip()
                        if isinstance(record.get(column), str)
                        else record.get(column)
                    )
                    for column in HEADER
                },
            )
        )
    return result
