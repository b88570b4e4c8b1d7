"""The Finnish catalog uses one term per concept, as Haninge's own Finnish pages do (docs: DOMAIN.md glossary).

Reads locale/fi/LC_MESSAGES/django.po itself, so a word that slips back in at the next merge is caught.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "fi" / "LC_MESSAGES" / "django.po"

# Words Haninge's Finnish pages do not use, and the glossary's word instead.
FORBIDDEN = {
    "kuulemi": "samråd is neuvonpito (kuuleminen is not used beside it)",
    "hallintokun": "förvaltning is hallinto, plural hallinnot",
    "asialist": "a meeting's agenda is esityslista",
    "poliitik": "a politician is a luottamushenkilö",
    "lykätty asti": "deferred until a date is 'lykätty päivään'",
}


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    obsolete: bool = False


def read_catalog(path: Path) -> list[Entry]:
    """The entries of a .po file: contexts, msgids and every translation (plural forms included)."""
    entries: list[Entry] = []
    current = Entry()
    last = None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if line.startswith("|"):
                continue
        if not line or (line.startswith("#") and not obsolete):
            if current.msgid or current.msgstr:
                entries.append(current)
                current, last = Entry(), None
            continue
        current.obsolete = current.obsolete or obsolete
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if last == "msgstr":
                current.msgstr[-1] += value
            else:
                setattr(current, last, (getattr(current, last) or "") + value)
            continue
        keyword, _, quoted = line.partition(" ")
        value = ast.literal_eval(quoted)
        if keyword.startswith("msgstr"):
            current.msgstr.append(value)
            last = "msgstr"
        else:
            setattr(current, keyword, value)
            last = keyword
    return [entry for entry in entries if entry.msgid and not entry.obsolete]


def is_wheel_phase(entry: Entry) -> bool:
    """The yearly wheel's first phase keeps its name Agenda (Agenda · Toteutus · Seuranta · Uudelleenmuotoilu)."""
    return entry.msgctxt == "phase of the yearly wheel" or "implementation" in entry.msgid.lower()


@pytest.fixture(scope="module")
def catalog() -> list[Entry]:
    return read_catalog(CATALOG)


def test_the_catalog_is_read_whole(catalog):
    assert len(catalog) > 1000
    by_msgid = {entry.msgid: entry for entry in catalog if entry.msgctxt is None}
    assert by_msgid["Consultation"].msgstr == ["Neuvonpito"]


@pytest.mark.parametrize(("word", "rule"), FORBIDDEN.items())
def test_finnish_catalog_does_not_use_words_outside_the_glossary(catalog, word, rule):
    found = [
        f"{entry.msgid!r} => {text!r}" for entry in catalog for text in entry.msgstr if word in text.lower()
    ]
    assert not found, f"{rule}:\n" + "\n".join(found)


def test_agenda_is_esityslista_except_for_the_wheel_phase(catalog):
    found = [
        f"{entry.msgid!r} => {text!r}"
        for entry in catalog
        if not is_wheel_phase(entry)
        for text in entry.msgstr
        if re.search(r"\bagenda", text, re.IGNORECASE)
    ]
    assert not found, "a meeting's agenda is esityslista:\n" + "\n".join(found)


def test_glossary_terms_for_the_words_people_stumbled_on(catalog):
    by_key = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog}
    assert by_key[(None, "Agenda")] == ["Esityslista"]
    assert by_key[("phase of the yearly wheel", "Agenda")] == ["Agenda"]
    assert by_key[(None, "Politician")] == ["Luottamushenkilö"]
    assert by_key[(None, "Consulted")] == ["Kuultu"]
    assert by_key[(None, "Cycle")] == ["Kierros"]
    assert by_key[(None, "Close the working group")] == ["Lakkauta työryhmä"]
    assert by_key[(None, "Deferred until")] == ["Lykätty päivään"]
    assert by_key[(None, "departments")] == ["hallinnot"]
    # Language names are common nouns in Finnish: lower case except where a sentence starts.
    assert [by_key[(None, name)] for name in ("Swedish", "Finnish", "English")] == [
        ["ruotsi"],
        ["suomi"],
        ["englanti"],
    ]
    # A cycle is one turn of the wheel, not the wheel itself.
    turn = by_key[(None, next(msgid for _ctx, msgid in by_key if msgid.startswith("A cycle is one turn")))][0]
    assert turn.startswith("Kierros on vuosikellon")
