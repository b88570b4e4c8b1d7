"""The report's accessibility: the PDF's PDF/UA-1 claim holds (every figure has alternative text, every
header cell its scope, decorations are artifacts), and the archive's links can be told apart."""

import io
import re
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from reports import tasks
from reports.models import Report, ReportKind
from tests.reports.test_reports import period_data  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def structure_elements(reader: PdfReader) -> list[DictionaryObject]:
    """Every element of the structure tree, depth first."""
    found, stack, seen = [], [reader.trailer["/Root"]["/StructTreeRoot"]], set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, ArrayObject):
            stack.extend(node)
            continue
        if not isinstance(node, DictionaryObject):
            continue
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            stack.extend(kids if isinstance(kids, ArrayObject) else [kids])
    return found


def scope_of(element: DictionaryObject):
    attributes = element.get("/A")
    if attributes is None:
        return None
    attributes = attributes.get_object()
    for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
        attribute = attribute.get_object()
        if isinstance(attribute, DictionaryObject) and "/Scope" in attribute:
            return attribute["/Scope"]
    return None


def test_every_figure_of_the_report_has_alternative_text_and_every_header_cell_a_scope(period_data):  # noqa: F811
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=period_data["start"],
        period_end=period_data["end"],
        language="sv",
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    elements = structure_elements(reader)
    kinds = Counter(str(e["/S"]) for e in elements)
    figures = [e for e in elements if e["/S"] == "/Figure"]
    headers = [e for e in elements if e["/S"] == "/TH"]
    assert figures and headers, kinds
    without_alt = [f for f in figures if not str(f.get("/Alt", "")).strip()]
    assert not without_alt, f"{len(without_alt)} of {len(figures)} figures have no /Alt"
    without_scope = [h for h in headers if scope_of(h) not in ("/Column", "/Row", "/Both")]
    assert not without_scope, f"{len(without_scope)} of {len(headers)} header cells have no /Scope"


def test_the_archive_names_each_report_link_by_period_language_and_time(client_for, world):
    for language in ("sv", "fi"):
        Report.objects.create(
            kind=ReportKind.QUARTERLY, period_start="2026-04-01", period_end="2026-06-30", language=language
        )
    with translation.override("en"):
        page = client_for("coordinator").get(reverse("reports:archive")).content.decode()
    links = re.findall(r'<a class="ds-link" href="/en/reports/\d+/">(.*?)</a>', page, re.S)
    names = [" ".join(re.sub(r"<[^>]+>", "", link).split()) for link in links]
    assert len(names) == 2 and len(set(names)) == 2, names
    assert any(name.endswith("suomi") for name in names) and any(name.endswith("svenska") for name in names)
