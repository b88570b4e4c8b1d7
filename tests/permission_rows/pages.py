"""Rows for public pages: everyone reads the published rights pages, in every content language; coordinators
and administrators write them and keep the translation queue (export, import, publish after review)."""

from tests.permission_rows import everyone, signed_in_statuses


def _page(world) -> dict:
    from pages.models import Page
    from tests.pages.factories import published_page

    page = Page.objects.filter(slug="rattigheter").first() or published_page(
        minority=world["minorities"]["finns"]
    )
    return {"slug": page.slug}


def _page_in(language: str):
    return lambda world: {**_page(world), "language": language}


KEEPERS = signed_in_statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "pages:index": ({}, everyone(200)),
    "pages:index_in": ({"language": "yi"}, everyone(200)),
    "pages:detail": (_page, everyone(200)),
    "pages:detail_in": (_page_in("se"), everyone(200)),
    "pages:pdf": (_page_in("yi"), everyone(200)),
    "pages:create": ({}, KEEPERS),
    "pages:edit": (_page_in("fit"), KEEPERS),
    "pages:publish": (_page_in("fit"), everyone(405)),
    "pages:queue": ({}, KEEPERS),
    "pages:queue_in": ({"language": "smj"}, KEEPERS),
    "pages:batch": ({"language": "sma"}, KEEPERS),
    "pages:import": ({"language": "rom"}, KEEPERS),
}
