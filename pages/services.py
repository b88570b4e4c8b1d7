"""Writes to public pages: saving a language version, sending it for review, publishing, importing XLIFF."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.models import User

from .models import Page, PageVersion, VersionStatus


def source_version(page: Page) -> PageVersion | None:
    return page.versions.filter(language=page.source_language).first()


@transaction.atomic
def save_version(
    page: Page,
    language: str,
    *,
    title: str,
    summary: str,
    body: str,
    status: str,
    user: User | None,
    source_revision: int | None = None,
) -> PageVersion:
    """Store the working text of one language version; publishing also copies it to the public text."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    version = PageVersion.objects.filter(page=page, language=language).first()
    if version is None:
        version = PageVersion(page=page, language=language, revision=0)
    changed = (version.title, version.summary, version.body) != (title, summary, body)
    version.title, version.summary, version.body = title, summary, body
    if changed or version.pk is None:
        version.revision += 1
    if language != page.source_language:
        if source_revision is None:
            source = source_version(page)
            source_revision = source.revision if source else None
        version.source_revision = source_revision
    version.status = status
    version.updated_at = timezone.now()
    version.updated_by = user
    if status == VersionStatus.PUBLISHED:
        _copy_to_public(version, user)
    version.save()
    return version


def _copy_to_public(version: PageVersion, user: User | None) -> None:
    version.published_title = version.title
    version.published_summary = version.summary
    version.published_body = version.body
    version.published_at = timezone.now()
    version.published_by = user


@transaction.atomic
def publish(version: PageVersion, user: User | None) -> PageVersion:
    """Publish a version awaiting review (the review step of the translation workflow)."""
    version = PageVersion.objects.select_for_update().get(pk=version.pk)
    version.status = VersionStatus.PUBLISHED
    _copy_to_public(version, user)
    version.save()
    return version


@dataclass(frozen=True)
class ImportedText:
    page: Page
    field: str
    text: str


@transaction.atomic
def apply_import(language: str, texts: list[ImportedText], user: User | None) -> list[PageVersion]:
    """Store an imported batch as versions awaiting review: all of it or, on any error, none of it.

    A version whose texts the batch leaves as they are keeps its status (an unchanged round trip changes nothing).
    """
    by_page: dict[int, dict[str, str]] = {}
    pages: dict[int, Page] = {}
    for item in texts:
        by_page.setdefault(item.page.pk, {})[item.field] = item.text
        pages[item.page.pk] = item.page
    versions = []
    for page_pk, fields in by_page.items():
        page = pages[page_pk]
        current = PageVersion.objects.filter(page=page, language=language).first()
        title = fields.get("title", current.title if current else "")
        summary = fields.get("summary", current.summary if current else "")
        body = fields.get("body", current.body if current else "")
        if not title or not body:
            continue
        if current is not None and (current.title, current.summary, current.body) == (title, summary, body):
            continue  # the translator changed nothing here: the version keeps its status
        versions.append(
            save_version(
                page,
                language,
                title=title,
                summary=summary,
                body=body,
                status=VersionStatus.REVIEW,
                user=user,
            )
        )
    return versions
