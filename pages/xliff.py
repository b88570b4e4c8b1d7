"""XLIFF 1.2 batches for translators (translate-toolkit writes and reads them): one unit per field of a page.

A unit's id is `<page address>/<field>`; its source is the source language's text (the published one where
there is one), its target the version's text where there is one. An import is checked whole before anything
is stored: the file must be XLIFF for this pair of languages, every id must name a page and field of this
portal, every source must still be the text that was sent, and no target may carry markup. Anything else
refuses the whole file with a message, and changes nothing.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from translate.storage.xliff import xlifffile

from .models import Page
from .services import ImportedText

FIELDS = ("title", "summary", "body")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")
MAX_BYTES = 2_000_000


class ImportRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def source_texts(page: Page) -> dict[str, str]:
    """The source language's texts of a page: the published ones, else the working ones."""
    version = page.version_in(page.source_language)
    if version is None:
        return {}
    if version.is_published:
        return {
            "title": version.published_title,
            "summary": version.published_summary,
            "body": version.published_body,
        }
    return {"title": version.title, "summary": version.summary, "body": version.body}


def export(pages: list[Page], source_language: str, target_language: str) -> bytes:
    store = xlifffile(sourcelanguage=source_language, targetlanguage=target_language)
    for page in pages:
        sources = source_texts(page)
        target = page.version_in(target_language)
        for field in FIELDS:
            if not sources.get(field):
                continue
            unit = store.addsourceunit(sources[field])
            unit.setid(f"{page.slug}/{field}")
            if target is not None and getattr(target, field):
                unit.target = getattr(target, field)
                unit.markapproved(False)
            unit.addnote(f"{page.get_kind_display()}: {page.slug} ({field})", origin="developer")
    return bytes(store)


@dataclass
class Parsed:
    texts: list[ImportedText]
    units: int


def parse(data: bytes, source_language: str, target_language: str) -> Parsed:
    """The batch's translated texts, or ImportRefused with every problem found."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 2 MB.")])
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise ImportRefused([_("The file declares a document type or entities, which XLIFF does not need.")])
    try:
        store = xlifffile.parsestring(data)
    except Exception:  # lxml and translate-toolkit raise many kinds for a file that is not XLIFF
        raise ImportRefused([_("The file is not an XLIFF file.")]) from None
    problems: list[str] = []
    if store.getsourcelanguage() != source_language:
        problems.append(
            _("The file's source language is %(found)s, not %(expected)s.")
            % {"found": store.getsourcelanguage() or "–", "expected": source_language}
        )
    if store.gettargetlanguage() != target_language:
        problems.append(
            _("The file's target language is %(found)s, not %(expected)s.")
            % {"found": store.gettargetlanguage() or "–", "expected": target_language}
        )
    units = [unit for unit in store.getunits() if not unit.isheader()]
    slugs = {unit.getid().split("\x04")[-1].partition("/")[0] for unit in units}
    pages = {page.slug: page for page in Page.objects.filter(slug__in=slugs).prefetch_related("versions")}
    texts: list[ImportedText] = []
    seen: set[str] = set()
    for unit in units:
        unit_id = unit.getid().split("\x04")[-1]
        slug, _slash, field = unit_id.partition("/")
        page = pages.get(slug)
        if page is None or field not in FIELDS:
            problems.append(_("Unknown id %(id)s: no page or field of the portal has it.") % {"id": unit_id})
            continue
        if unit_id in seen:
            problems.append(_("The id %(id)s comes more than once.") % {"id": unit_id})
            continue
        seen.add(unit_id)
        target_node = unit.xmlelement.find(unit.namespaced("target"))
        target = unit.target or ""
        if (target_node is not None and len(target_node)) or MARKUP.search(target):
            problems.append(
                _("The translation of %(id)s contains markup; only plain text is taken.") % {"id": unit_id}
            )
            continue
        if (source_texts(page).get(field) or "") != (unit.source or ""):
            problems.append(
                _("The source text of %(id)s has changed since the file was exported; export a new batch.")
                % {"id": unit_id}
            )
            continue
        if target.strip():
            texts.append(ImportedText(page=page, field=field, text=target))
    if not units:
        problems.append(_("The file holds no texts."))
    if problems:
        raise ImportRefused(problems)
    return Parsed(texts=texts, units=len(units))
