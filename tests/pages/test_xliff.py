"""XLIFF for translators: an export imported back unchanged changes nothing, a translated batch waits for review,
and a file with unknown ids, the wrong languages or markup is refused whole with a message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from translate.storage.xliff import xlifffile

from pages import xliff
from pages.models import Page, PageVersion, VersionStatus
from tests.pages.factories import PageVersionFactory, published_page

pytestmark = pytest.mark.django_db


def _state() -> list[tuple]:
    return list(
        PageVersion.objects.order_by("pk").values_list(
            "page__slug", "language", "status", "title", "summary", "body", "revision", "published_body"
        )
    )


@pytest.fixture
def pages(world):
    first = published_page(
        "nationella-minoriteter", fi=("Oikeutesi", "## Laki\nKunta tiedottaa.\n\nToinen kappale & 3 < 5")
    )
    second = published_page("sverigefinnar")
    PageVersionFactory(
        page=second,
        language="fit",
        status=VersionStatus.DRAFT,
        title="Luonnos",
        body="Teksti",
        published_at=None,
        published_title="",
        published_body="",
        summary="",
    )
    return [first, second]


def _export(language: str) -> bytes:
    pages = list(Page.objects.prefetch_related("versions").order_by("slug"))
    return xliff.export(pages, "sv", language)


def _translated(data: bytes, replace: dict[str, str]) -> bytes:
    store = xlifffile.parsestring(data)
    for unit in store.getunits():
        unit_id = unit.getid().split("\x04")[-1]
        if unit_id in replace:
            unit.target = replace[unit_id]
    return bytes(store)


def _import(client, language: str, data: bytes, name: str = "batch.xlf", ui: str = "sv"):
    return client.post(f"/{ui}/translations/{language}/import/", {"file": SimpleUploadedFile(name, data)})


def test_export_then_import_unchanged_changes_no_text(pages, client_for):
    for language in ("fi", "fit"):
        before = _state()
        response = _import(client_for("coordinator"), language, _export(language))
        assert response.status_code == 302
        assert _state() == before


def test_every_text_survives_the_round_trip_exactly(pages):
    data = _export("fi")
    parsed = xliff.parse(data, "sv", "fi")
    texts = {(t.page.slug, t.field): t.text for t in parsed.texts}
    assert texts[("nationella-minoriteter", "body")] == "## Laki\nKunta tiedottaa.\n\nToinen kappale & 3 < 5"
    assert texts[("nationella-minoriteter", "title")] == "Oikeutesi"
    store = xlifffile.parsestring(data)
    sources = {u.getid().split("\x04")[-1]: u.source for u in store.getunits()}
    assert sources["sverigefinnar/title"] == "Dina rättigheter (sverigefinnar)"
    assert store.getsourcelanguage() == "sv" and store.gettargetlanguage() == "fi"


def test_a_translated_batch_waits_for_review_before_the_public_reads_it(pages, client_for):
    data = _translated(
        _export("fit"), {"sverigefinnar/title": "Sinun oikeuet", "sverigefinnar/body": "Uusi teksti."}
    )
    coordinator = client_for("coordinator")
    assert _import(coordinator, "fit", data).status_code == 302
    version = PageVersion.objects.get(page__slug="sverigefinnar", language="fit")
    assert (version.status, version.title, version.body) == (
        VersionStatus.REVIEW,
        "Sinun oikeuet",
        "Uusi teksti.",
    )
    assert "Sinun oikeuet" not in Client().get("/sv/rights/sverigefinnar/fit/").content.decode()
    assert coordinator.post("/sv/rights/sverigefinnar/fit/publish/").status_code == 302
    html = Client().get("/sv/rights/sverigefinnar/fit/").content.decode()
    assert "Sinun oikeuet" in html and 'lang="fit"' in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.replace(b"sverigefinnar/title", b"okand-sida/title"), "Unknown id okand-sida/title"),
        (
            lambda d: d.replace(b"sverigefinnar/title", b"sverigefinnar/author"),
            "Unknown id sverigefinnar/author",
        ),
        (
            lambda d: d.replace(b'target-language="fi"', b'target-language="se"'),
            "target language is se, not fi",
        ),
        (
            lambda d: d.replace(b'source-language="sv"', b'source-language="en"'),
            "source language is en, not sv",
        ),
        (lambda d: d.replace(b"<target", b"<target><g id='1'>x</g></target><foo", 1), "not an XLIFF file"),
        (lambda d: d.replace(b">Oikeutesi<", b">Oikeutesi <g id='1'>lihavoitu</g><"), "contains markup"),
        (lambda d: d.replace(b">Oikeutesi<", b">&lt;script&gt;alert(1)&lt;/script&gt;<"), "contains markup"),
        (
            lambda d: d.replace(
                b'<?xml version="1.0" encoding="UTF-8"?>',
                b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            ),
            "document type",
        ),
        (lambda d: b"not xml at all", "not an XLIFF file"),
        (
            lambda d: d.replace("Dina rättigheter (sverigefinnar)".encode(), b"Gammal text"),
            "has changed since",
        ),
    ],
)
def test_a_bad_batch_is_refused_whole_and_changes_nothing(pages, client_for, change, message):
    good = _translated(_export("fi"), {"sverigefinnar/title": "Oikeutesi ruotsinsuomalaisena"})
    before = _state()
    response = _import(client_for("coordinator"), "fi", change(good), ui="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html.replace("&#x27;", "'")
    assert "Nothing was imported." in html
    assert 'class="ds-error-summary"' in html
    assert _state() == before


def test_refusal_is_in_the_coordinators_language(pages, client_for):
    coordinator = client_for("coordinator")
    response = coordinator.post(
        "/fi/translations/fi/import/", {"file": SimpleUploadedFile("x.xlf", b"not xml")}
    )
    assert response.status_code == 200
    assert "Mitään ei tuotu." in response.content.decode()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b']><xliff version="1.2"><file source-language="sv" target-language="fi" datatype="plaintext" original="x"><body>'
    + b'<trans-unit id="sverigefinnar/title"><source>x</source><target>&lol9;</target></trans-unit></body></file></xliff>'
)


def _zip_bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("batch.xlf", b"0" * 50_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("entities", lambda: LAUGHS, "document type"),
        ("too large", lambda: b"<xliff>" + b" " * 2_100_000 + b"</xliff>", "larger than 2 MB"),
        ("zip", _zip_bomb, "not an XLIFF file"),
    ],
)
def test_a_bomb_is_refused_with_bounded_memory_and_changes_nothing(pages, client_for, name, make, message):
    import tracemalloc

    content = make()
    client = client_for("coordinator")
    before = _state()
    tracemalloc.start()
    try:
        response = _import(client, "fi", content, ui="en")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert message in response.content.decode()
    assert peak < len(content) * 3 + 20_000_000, peak
    assert _state() == before
