"""Rows for the search: everyone may search; what each finds is tested in tests/search/."""

from tests.permission_rows import everyone

ROWS = {
    "search:results": ({}, everyone(200)),
}
