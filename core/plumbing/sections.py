"""Extension points through which tier apps add what only they have to the shared pages and the navigation.

The shared app imports none of the tier apps; each tier app registers its sections here from its
AppConfig.ready(). A section is a template and a function that returns its context (or None to hide it).
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any, Generic, TypeVar

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import HttpRequest

from ..models import AgendaItem, Forum, Meeting

_Object = TypeVar("_Object")
_Read = TypeVar("_Read")


def read_once(request: HttpRequest, name: str, key: Hashable, read: Callable[[], _Read]) -> _Read:
    """What `read()` returns, read once per request for this name and key: the sections of one page that
    show the same rows (a meeting's two commitment sections, a proposal's actions and its story) share one
    query."""
    memo = request.__dict__.setdefault("_section_reads", {})
    if (name, key) not in memo:
        memo[name, key] = read()
    return memo[name, key]


def marked(queryset: QuerySet, **conditions: Q) -> QuerySet:
    """The rows that meet any of the conditions, each row marked with which it meets (a boolean attribute
    per condition's name): one query for sections that each pick their own rows."""
    return queryset.filter(reduce(or_, conditions.values())).annotate(
        **{
            name: ExpressionWrapper(condition, output_field=BooleanField())
            for name, condition in conditions.items()
        }
    )


@dataclass(frozen=True)
class Section(Generic[_Object]):
    """A section of the pages of one kind of object: its context is made from the request and the object."""

    template: str
    context: Callable[[HttpRequest, _Object], dict | None]
    order: int = 100
    tiers: frozenset[str] | None = None  # None: every tier


class SectionContext(dict):
    """A section's context as its template sees it: a key the function left out reads as None.

    Django's template lookup tries `section["items"]` first and then `section.items`; on a plain dict a
    missing key thus resolved to the bound `dict.items` (a select of "." options on every proposal page).
    """

    def __missing__(self, key: str) -> None:
        return None


_meeting_sections: list[Section[Meeting]] = []
_forum_sections: list[Section[Forum]] = []
_agenda_item_sections: list[Section[AgendaItem]] = []


def register_meeting_section(
    template: str, context: Callable[[HttpRequest, Meeting], dict | None], order: int = 100, tiers=None
) -> None:
    _meeting_sections.append(Section(template, context, order, frozenset(tiers) if tiers else None))
    _meeting_sections.sort(key=lambda s: s.order)


def register_forum_section(
    template: str, context: Callable[[HttpRequest, Forum], dict | None], order: int = 100, tiers=None
) -> None:
    _forum_sections.append(Section(template, context, order, frozenset(tiers) if tiers else None))
    _forum_sections.sort(key=lambda s: s.order)


def register_agenda_item_section(
    template: str, context: Callable[[HttpRequest, AgendaItem], dict | None], order: int = 100
) -> None:
    """What other apps know of one agenda item (e.g. commitments), for pages that show the item."""
    _agenda_item_sections.append(Section(template, context, order))
    _agenda_item_sections.sort(key=lambda s: s.order)


_object_sections: dict[str, list[Section[Any]]] = {}


def register_object_section(
    kind: str, template: str, context: Callable[[HttpRequest, object], dict | None], order: int = 100
) -> None:
    """What other apps know of an object of another app: `kind` names it ("proposal", "commitment")."""
    sections = _object_sections.setdefault(kind, [])
    sections.append(Section(template, context, order))
    sections.sort(key=lambda s: s.order)


def object_sections(kind: str, request: HttpRequest, obj) -> list[tuple[str, dict]]:
    return _render(_object_sections.get(kind, []), request, obj)


_object_links: dict[str, list[Callable[[HttpRequest, list], dict[int, list[dict]]]]] = {}


def register_object_links(kind: str, links: Callable[[HttpRequest, list], dict[int, list[dict]]]) -> None:
    """What other apps made of each object in a list (e.g. a proposal's actions), in one query per app:
    `links(request, objects)` returns {object pk: [{"label": ..., "title": ..., "url": ...}]}."""
    _object_links.setdefault(kind, []).append(links)


def object_links(kind: str, request: HttpRequest, objects: list) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    if not objects:
        return found
    for links in _object_links.get(kind, []):
        for pk, entries in links(request, objects).items():
            found.setdefault(pk, []).extend(entries)
    return found


# Links of the main navigation (templates/base.html reads `nav.<key>`) that only some roles see:
# each app names the permission that shows its links.
_navigation_permissions: dict[str, str] = {}


def register_navigation_link(key: str, permission: str) -> None:
    """`nav.<key>` is true in every template for those who have `permission`."""
    _navigation_permissions[key] = permission


def navigation_permissions() -> dict[str, str]:
    return dict(_navigation_permissions)


def _render(
    sections: list[Section[_Object]], request: HttpRequest, obj: _Object, tier: str | None = None
) -> list[tuple[str, dict]]:
    rendered: list[tuple[str, dict]] = []
    for section in sections:
        if section.tiers is not None and tier not in section.tiers:
            continue
        context = section.context(request, obj)
        if context is not None:
            rendered.append((section.template, SectionContext(context)))
    return rendered


def meeting_sections(request: HttpRequest, meeting: Meeting) -> list[tuple[str, dict]]:
    return _render(_meeting_sections, request, meeting, meeting.forum.tier)


def forum_sections(request: HttpRequest, forum: Forum) -> list[tuple[str, dict]]:
    return _render(_forum_sections, request, forum, forum.tier)


def agenda_item_sections(request: HttpRequest, item: AgendaItem) -> list[tuple[str, dict]]:
    return _render(_agenda_item_sections, request, item, item.meeting.forum.tier)


# --- A story told across apps (a proposal's timeline) ------------------------------------------------


@dataclass
class TimelineEvent:
    """One step of an object's story: when, what kind, a title, optional text in its stored language, a link.

    `text` of a `rich` event is sanitised rich text (the minutes); `note` says when it is a translation.
    `data` carries what later contributors may read (e.g. an action's id and whether it is public).
    """

    at: Any  # an aware datetime
    kind: str
    title: str
    subject: str = ""  # what the step is about (an action's title), in its stored language
    subject_language: str = ""
    by: str = ""
    text: str = ""
    language: str = ""
    note: str = ""
    url: str = ""
    link_text: str = ""
    date_only: bool = False
    rich: bool = False
    data: dict = field(default_factory=dict)


_timelines: dict[
    str, list[tuple[int, Callable[[HttpRequest, Any, list[TimelineEvent]], list[TimelineEvent]]]]
] = {}


def register_timeline(
    kind: str,
    events: Callable[[HttpRequest, Any, list[TimelineEvent]], list[TimelineEvent]],
    order: int = 100,
) -> None:
    """What another app adds to the story of an object of kind `kind`, in a fixed number of queries.

    `events(request, obj, earlier)` sees the events of contributors with a lower `order` (e.g. the reports
    read the dates of the progress updates) and returns only what the person may see.
    """
    contributors = _timelines.setdefault(kind, [])
    contributors.append((order, events))
    contributors.sort(key=lambda c: c[0])


def timeline(kind: str, request: HttpRequest, obj) -> list[TimelineEvent]:
    """Every contributor's events of the object, oldest first (newest last)."""
    found: list[TimelineEvent] = []
    for _order, events in _timelines.get(kind, []):
        found.extend(events(request, obj, list(found)))
    return sorted(found, key=lambda e: e.at)
