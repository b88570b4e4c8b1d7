"""Rights pages in every content language: no 500 and no false lang for any configured language, the Swedish
text marked as Swedish where a translation is missing, right to left for Yiddish, what applies to the minority."""

import re

import pytest
from django.core import checks
from django.test import Client
from django.urls import reverse

from core.models import Language
from duties.models import DutyScope
from pages import services
from pages.models import VersionStatus
from tests.duties.factories import DutyFactory
from tests.pages.factories import PageVersionFactory, published_page

MINORITY_LANGUAGES = ["fit", "se", "sma", "smj", "rom", "rmy", "yi"]
ALL_CONTENT = ["sv", "fi", *MINORITY_LANGUAGES, "en"]
HEBREW_SCRIPT = (
    "ייִדיש א ב ג ד ה ו ז ח ט י"  # the language's own name and letters of its alphabet (not a text)
)

pytestmark = pytest.mark.django_db


def _article(html: str) -> str:
    match = re.search(r'<article class="page-text" id="page-text"([^>]*)>', html)
    assert match, "the page's text is in its article"
    return match.group(1)


@pytest.fixture
def every_language(settings):
    settings.CONTENT_LANGUAGES = ALL_CONTENT


@pytest.fixture
def pages(world):
    finns = world["minorities"]["finns"]
    finns.languages.add(Language.objects.get_or_create(code="fi", defaults={"name": "finska"})[0])
    general = published_page("nationella-minoriteter", fi=("Oikeutesi", "Kunta tiedottaa."))
    finnish = published_page(
        "sverigefinnar", minority=finns, fi=("Oikeutesi ruotsinsuomalaisena", "Suomeksi.")
    )
    jewish = published_page(
        "judar", minority=world["minorities"]["roma"], yi=(HEBREW_SCRIPT, HEBREW_SCRIPT + " 2026")
    )
    return {"general": general, "finnish": finnish, "jewish": jewish}


@pytest.mark.parametrize("ui", ["sv", "fi", "en"])
def test_every_public_page_renders_in_every_minority_language(every_language, pages, ui):
    client = Client()
    for language in ALL_CONTENT:
        response = client.get(f"/{ui}/rights/in/{language}/")
        assert response.status_code == 200, (ui, language)
        for page in pages.values():
            response = client.get(f"/{ui}/rights/{page.slug}/{language}/")
            assert response.status_code == 200, (ui, language, page.slug)
            html = response.content.decode()
            attrs = _article(html)
            published = {v.language for v in page.versions.all()}
            shown = language if language in published else "sv"
            assert f'lang="{shown}"' in attrs, (ui, language, page.slug, attrs)
            assert ('dir="rtl"' in attrs) == (shown == "yi")
            assert (shown != language) == ('id="not-translated"' in html)
            assert f'<html lang="{ui}"' in html
    for path in ("/", "/forums/", "/duties/"):
        assert client.get(f"/{ui}{path}").status_code == 200


def test_missing_translation_says_so_in_the_languages_own_name_and_marks_the_swedish(every_language, pages):
    html = Client().get("/sv/rights/sverigefinnar/se/").content.decode()
    assert 'lang="sv"' in _article(html)
    notice = re.search(r'id="not-translated">(.*?)</div>', html, re.S).group(1)
    assert '<span lang="se" dir="ltr">davvisámegiella</span>' in notice
    assert "Dina rättigheter (sverigefinnar)" in html


def test_yiddish_version_is_right_to_left_inside_a_swedish_page(every_language, pages):
    html = Client().get("/sv/rights/judar/yi/").content.decode()
    assert '<html lang="sv"' in html
    assert _article(html).strip() == 'lang="yi" dir="rtl"'
    assert HEBREW_SCRIPT in html
    assert 'id="not-translated"' not in html


def test_footer_names_each_language_in_itself_on_every_page(every_language, pages):
    html = Client().get("/fi/").content.decode()
    footer = html[html.index('class="footer-rights"') :]
    for code, name in [
        ("fit", "meänkieli"),
        ("se", "davvisámegiella"),
        ("sma", "åarjelsaemien gïele"),
        ("yi", "ייִדיש"),
    ]:
        assert re.search(rf'hreflang="{code}" lang="{code}" dir="(ltr|rtl)">{name}</a>', footer), code
    assert 'lang="yi" dir="rtl">ייִדיש' in footer
    assert 'id="home-rights"' in html


def test_the_public_reads_the_published_text_while_a_revision_is_drafted(world, pages):
    page = pages["finnish"]
    services.save_version(
        page, "sv", title="Nytt utkast", summary="", body="Utkast.", status=VersionStatus.DRAFT, user=None
    )
    html = Client().get("/sv/rights/sverigefinnar/").content.decode()
    assert "Dina rättigheter (sverigefinnar)" in html
    assert "Nytt utkast" not in html


def test_a_translation_older_than_the_swedish_text_says_so(world, pages):
    page = pages["finnish"]
    services.save_version(
        page,
        "sv",
        title="Ny svensk text",
        summary="",
        body="Nytt.",
        status=VersionStatus.PUBLISHED,
        user=None,
    )
    html = Client().get("/fi/rights/sverigefinnar/").content.decode()
    assert "Oikeutesi ruotsinsuomalaisena" in html
    assert 'id="translation-outdated"' in html


def test_page_lists_the_duties_that_apply_to_its_minority_and_its_forum(world, pages):
    DutyFactory(title_sv="Informera om rättigheterna", scope=DutyScope.BASIC)
    DutyFactory(title_sv="Förskola på finska", scope=DutyScope.FINNISH_AREA)
    finnish = Client().get("/sv/rights/sverigefinnar/").content.decode()
    jewish = Client().get("/sv/rights/judar/").content.decode()
    assert "Informera om rättigheterna" in finnish and "Förskola på finska" in finnish
    assert "Informera om rättigheterna" in jewish and "Förskola på finska" not in jewish
    assert reverse("core:forum_detail", args=[world["forums"]["finnish_dialogue"].slug]) in finnish
    assert reverse("core:forum_detail", args=[world["forums"]["roma_dialogue"].slug]) not in finnish
    general = Client().get("/sv/rights/nationella-minoriteter/").content.decode()
    assert reverse("core:forum_detail", args=[world["forums"]["consultation"].slug]) in general


def test_an_unconfigured_language_is_not_found(world, pages):
    assert Client().get("/sv/rights/judar/xx/").status_code == 404
    assert Client().get("/sv/rights/in/de/").status_code == 404


def test_a_page_with_nothing_published_is_not_found(world):
    version = PageVersionFactory(status=VersionStatus.DRAFT, published_at=None)
    assert Client().get(f"/sv/rights/{version.page.slug}/").status_code == 404


def test_a_content_language_without_name_or_an_interface_language_without_catalog_stops_startup(settings):
    from core.checks import check_languages

    settings.CONTENT_LANGUAGES = ["sv", "xx-unknown"]
    settings.LANGUAGES = [("sv", "Swedish"), ("fi", "Finnish"), ("yi", "Yiddish")]
    ids = {message.id for message in check_languages()}
    assert ids == {"core.E101", "core.E102"}
    settings.CONTENT_LANGUAGES = ALL_CONTENT
    settings.LANGUAGES = [("sv", "Swedish"), ("fi", "Finnish"), ("en", "English")]
    assert check_languages() == []
    assert all(isinstance(m, checks.CheckMessage) for m in check_languages())


@pytest.mark.parametrize("versions", [1, 6])
def test_page_costs_the_same_queries_whatever_its_number_of_languages(
    world, every_language, django_assert_num_queries, versions
):
    page = published_page("sverigefinnar", minority=world["minorities"]["finns"])
    for language in MINORITY_LANGUAGES[: versions - 1]:
        PageVersionFactory(page=page, language=language, source_revision=1)
    for _ in range(versions):
        DutyFactory()
    client = Client()
    with django_assert_num_queries(QUERIES):
        assert client.get("/sv/rights/sverigefinnar/fit/").status_code == 200


QUERIES = 5


def test_a_coordinator_writes_a_version_saves_it_for_review_then_publishes_it(
    world, pages, client_for, every_language
):
    from pages.models import PageVersion

    coordinator = client_for("coordinator")
    form = coordinator.get("/fi/rights/sverigefinnar/se/edit/").content.decode()
    assert '<span lang="sv">Dina rättigheter (sverigefinnar)</span>' in form
    assert 'lang="se" dir="ltr"' in form  # the fields take the version's language
    # Bad input: nothing is stored, the form says what is wrong.
    response = coordinator.post(
        "/sv/rights/sverigefinnar/se/edit/",
        {"title": "", "body": "Text 2 (á č đ ŋ š ŧ ž).", "action": "review"},
    )
    assert response.status_code == 200 and 'class="ds-error-summary"' in response.content.decode()
    assert not PageVersion.objects.filter(page__slug="sverigefinnar", language="se").exists()
    data = {
        "title": "Version 2 (á č đ ŋ š ŧ ž)",
        "summary": "",
        "body": "Text 2 (á č đ ŋ š ŧ ž).",
        "action": "review",
    }
    assert coordinator.post("/sv/rights/sverigefinnar/se/edit/", data).status_code == 302
    version = PageVersion.objects.get(page__slug="sverigefinnar", language="se")
    assert (version.status, version.source_revision, version.published_at) == (VersionStatus.REVIEW, 1, None)
    assert "Version 2 (á č đ ŋ š ŧ ž)" not in Client().get("/sv/rights/sverigefinnar/se/").content.decode()
    assert (
        coordinator.post("/sv/rights/sverigefinnar/se/edit/", {**data, "action": "publish"}).status_code
        == 302
    )
    html = Client().get("/sv/rights/sverigefinnar/se/").content.decode()
    assert "Version 2 (á č đ ŋ š ŧ ž)" in html and 'id="not-translated"' not in html
