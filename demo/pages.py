"""The rights pages in the demo (demo/data/pages/rights.toml): Swedish for every page, Finnish and English
where written; the other languages stay awaiting translation, named in themselves, as a municipality starts."""

import datetime as dt
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from core.models import NationalMinority, User
from demo.upsert import upsert
from pages.models import Page, PageKind, PageVersion, VersionStatus

DATA = Path(__file__).parent / "data" / "pages" / "rights.toml"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@transaction.atomic
def build_pages_demo(today: dt.date) -> dict[str, Page]:
    """Create or update the rights pages; with the same day, a second run writes nothing."""
    with DATA.open("rb") as file:
        data = tomllib.load(file)
    minorities = {m.slug: m for m in NationalMinority.objects.all()}
    coordinator = User.objects.filter(email="samordnare@example.org").first()
    published_at = dt.datetime.combine(today - dt.timedelta(days=40), dt.time(9, 0), tzinfo=STOCKHOLM)
    pages = {}
    for entry in data["page"]:
        page, _created = upsert(
            Page,
            slug=entry["slug"],
            defaults={
                "kind": PageKind.RIGHTS,
                "minority": minorities.get(entry.get("minority", "")),
                "position": entry["position"],
                "contact_name": entry.get(
                    "contact_name", "Minoritetssamordnaren, Kommunstyrelseförvaltningen"
                ),
                "contact_email": entry.get("contact_email", "minoriteter@example.org"),
                "contact_phone": entry.get("contact_phone", "08-606 70 00"),
            },
        )
        for language in ("sv", "fi", "en"):
            texts = entry.get(language)
            if not texts:
                continue
            title, summary, body = texts["title"], texts["summary"], texts["body"].strip()
            upsert(
                PageVersion,
                page=page,
                language=language,
                defaults={
                    "status": VersionStatus.PUBLISHED,
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "revision": 1,
                    "source_revision": None if language == "sv" else 1,
                    "published_title": title,
                    "published_summary": summary,
                    "published_body": body,
                    "published_at": published_at,
                    "published_by": coordinator,
                    "updated_at": published_at,
                    "updated_by": coordinator,
                },
            )
        pages[page.slug] = page
    return pages
