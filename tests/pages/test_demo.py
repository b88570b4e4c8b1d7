"""The demo's rights pages: one per minority and a general one, Swedish published everywhere, Finnish where the
portal's writers wrote it, every other language left awaiting translation; building twice changes nothing."""

import datetime as dt

import pytest
from django.test import Client

from demo.haninge import build
from demo.pages import build_pages_demo
from pages.models import Page, PageVersion

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def test_demo_rights_pages_and_twice_changes_nothing():
    build(TODAY)
    pages = {page.slug: page for page in Page.objects.select_related("minority")}
    assert set(pages) == {
        "nationella-minoriteter",
        "sverigefinnar",
        "tornedalingar",
        "samer",
        "romer",
        "judar",
    }
    languages = {
        slug: set(
            PageVersion.objects.filter(page__slug=slug, published_at__isnull=False).values_list(
                "language", flat=True
            )
        )
        for slug in pages
    }
    assert languages["nationella-minoriteter"] == {"sv", "fi", "en"}
    assert languages["sverigefinnar"] == {"sv", "fi"}
    # Nothing is written in a language the portal's writers cannot check.
    assert set().union(*languages.values()) <= {"sv", "fi", "en"}
    before = list(PageVersion.objects.order_by("pk").values_list())
    build_pages_demo(TODAY)
    assert list(PageVersion.objects.order_by("pk").values_list()) == before

    html = Client().get("/sv/rights/samer/smj/").content.decode()
    assert "Dina rättigheter som same" in html
    assert 'lang="smj" dir="ltr">julevsámegiella</span>' in html
    finnish = Client().get("/fi/rights/").content.decode()
    assert (
        "Oikeutesi ruotsinsuomalaisena" in finnish
        and "Oikeutesi kansalliseen vähemmistöön kuuluvana" in finnish
    )
