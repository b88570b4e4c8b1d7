"""The Swedish words people stumbled on: a meeting's agenda is 'Dagordning' (every button says dagordning),
an action shown to everyone is 'Offentlig', and a proposal's consultations are 'Genomförda samråd'.

Reads locale/sv/LC_MESSAGES/django.po itself; passes once /tmp/translations/defects-b.json is merged.
"""

from pathlib import Path

from django.conf import settings

from tests.test_finnish_terms import read_catalog

CATALOG = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_the_swedish_words_match_the_buttons_and_the_glossary():
    by_key = {(e.msgctxt, e.msgid): e.msgstr for e in read_catalog(CATALOG) if not e.obsolete}
    assert by_key[(None, "Agenda")] == ["Dagordning"]
    assert by_key[("phase of the yearly wheel", "Agenda")] == ["Agenda"]
    assert by_key[(None, "Public")] == ["Offentlig"]
    assert by_key[(None, "Consulted")] == ["Genomförda samråd"]
    assert by_key[(None, "Language of the report")] == ["Rapportens språk"]
    publik = [
        f"{msgid!r} => {text!r}"
        for (_c, msgid), texts in by_key.items()
        for text in texts
        if "publik" in text.lower()
    ]
    assert not publik, "public is 'offentlig' in Swedish:\n" + "\n".join(publik)
