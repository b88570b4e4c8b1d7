"""What a public page shows in a language: its published text there, or the source text marked as such."""

from dataclasses import dataclass

from django.db.models import F, Q

from core.models import Forum, Tier
from core.models.languages import content_languages, language_direction
from duties.models import Duty, DutyScope

from .models import Page, PageVersion, VersionStatus


@dataclass
class Shown:
    """The text of a page as a visitor asking for `requested` reads it."""

    requested: str
    language: str  # the language the text is actually in
    title: str
    summary: str
    body: str
    translated: bool  # False: the requested language has no published version, the source text is shown
    outdated: bool = False  # the source text changed since this translation was made
    published_at: object = None

    @property
    def dir(self) -> str:
        return language_direction(self.language)


def _published(versions: list[PageVersion], language: str) -> PageVersion | None:
    return next((v for v in versions if v.language == language and v.is_published), None)


def shown(page: Page, requested: str) -> Shown | None:
    """The published text in the requested language, else in the source language (None: nothing published)."""
    versions = list(page.versions.all())
    source = _published(versions, page.source_language)
    version = _published(versions, requested)
    if version is None:
        if source is None:
            return None
        return Shown(
            requested=requested,
            language=source.language,
            title=source.published_title,
            summary=source.published_summary,
            body=source.published_body,
            translated=requested == source.language,
            published_at=source.published_at,
        )
    outdated = source is not None and version.is_behind(source)
    return Shown(
        requested=requested,
        language=version.language,
        title=version.published_title,
        summary=version.published_summary,
        body=version.published_body,
        translated=True,
        outdated=outdated,
        published_at=version.published_at,
    )


def status_of(page: Page, language: str) -> str:
    version = page.version_in(language)
    return version.status if version else VersionStatus.MISSING


def duties_for(page: Page) -> list[Duty]:
    """The register's duties that apply to the page's minority (all of them on the general page)."""
    if not page.show_duties:
        return []
    duties = Duty.objects.active()
    if page.minority_id and not any(lang.code == "fi" for lang in page.minority.languages.all()):
        duties = duties.filter(scope=DutyScope.BASIC)
    return list(duties)


def forums_for(page: Page) -> list[Forum]:
    """The minority's dialogue group, or on the general page the consultation group."""
    if page.minority_id:
        query = Q(tier=Tier.DIALOGUE, minority_id=page.minority_id)
    else:
        query = Q(tier=Tier.CONSULTATION)
    return list(Forum.objects.filter(query, is_active=True))


def language_links(page: Page) -> list[dict]:
    """Each configured language of the page, named in itself, with its status."""
    names = {info["code"]: info for info in content_languages()}
    versions = list(page.versions.all())
    return [
        {**names[code], "url": page.url_in(code), "published": _published(versions, code) is not None}
        for code in page.languages()
        if code in names
    ]


def rights_pages():
    return (
        Page.objects.filter(kind="rights")
        .select_related("minority")
        .prefetch_related("versions", "minority__languages")
        .order_by(F("minority__order").asc(nulls_first=True), "position", "slug")
    )
