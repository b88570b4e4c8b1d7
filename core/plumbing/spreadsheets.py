"""Tables as files people open in Excel: CSV with semicolons and a byte order mark, and XLSX (openpyxl).

Every CSV and XLSX the portal hands out is written here, and every text cell is written so that a
spreadsheet shows it as text and never runs it as a formula (OWASP "CSV injection"), whoever typed it.
"""

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Iterable
from decimal import Decimal

# A cell starting with one of these is read as a formula by Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML cannot hold (openpyxl refuses them); tab, line feed and carriage return stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Numbers and dates keep their type, so that a spreadsheet can sum and sort them; the rest is text.
TYPED = (int, float, Decimal, dt.date, dt.time, dt.timedelta)


def neutralise(value: object) -> str:
    """The text of a cell, with a leading quote if a spreadsheet would otherwise run it as a formula."""
    # Control characters go first: "\x07=1" would otherwise become the formula "=1" once they are dropped.
    text = CONTROL_CHARACTERS.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value: object) -> object:
    """A number or date as it is, nothing as nothing, and anything else as neutralised text."""
    if value is None or isinstance(value, TYPED):
        return value
    return neutralise(value)


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """CSV with a UTF-8 byte order mark and semicolons, so Swedish Excel reads å, ä and ö and the columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in itertools.chain([header], rows):
        writer.writerow([cell_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list]) -> bytes:
    """One sheet named `title` (at most 31 characters), the header row frozen, text typed as text."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row_number, row in enumerate(itertools.chain([header], rows), start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=cell_value(value))
            if isinstance(cell.value, str):
                # Typed as a string, so that openpyxl never writes text as a formula, whatever it starts with.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def spreadsheet_response(content: bytes, fmt: str, name: str):
    """A download of `content` ("csv" or "xlsx") named `name`.`fmt`."""
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
