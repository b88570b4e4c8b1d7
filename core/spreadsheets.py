"""Tables as files people open in Excel: CSV with semicolons and a byte order mark, and XLSX (openpyxl)."""

import csv
import io
from collections.abc import Iterable


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """CSV with a UTF-8 byte order mark and semicolons, so Swedish Excel reads å, ä and ö and the columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list]) -> bytes:
    """One sheet named `title` (at most 31 characters), the header row frozen."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
