"""Portal-wide search: meetings, agenda items with their minutes, proposals and follow-up actions.

Each kind costs one query, filtered by the same rule as its pages, so a person finds only what they may
see. On PostgreSQL the text is matched with full-text search in Swedish, Finnish and English (stemmed,
ranked, with a highlighted excerpt); on SQLite (`make run`) a plain substring match stands in.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import add, or_
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Func, Q, QuerySet, TextField, Value, When, Window
from django.db.models.functions import Cast, Coalesce, Concat, Replace
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.models import AgendaItem, Forum, Meeting, MeetingQuerySet, MinutesStatus, Role
from followup.models import Action
from proposals.models import Proposal

MAX_HITS = 20
# A query is matched as Swedish, as Finnish and as English: content comes in all three.
CONFIGS = ("swedish", "finnish", "english")
# Marks around a match in an excerpt; private-use characters never occur in what people write.
START, STOP = "\ue000", "\ue001"
SHIELDED = (("<", "\ue002"), (">", "\ue003"))
MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
# The entities nh3 writes into sanitised minutes; "&amp;" last so that "&amp;lt;" stays "&lt;".
ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"))
EXCERPT_CHARS = 220
SPACE = Value(" ", output_field=TextField())


def minutes_visible_to(user) -> MeetingQuerySet:
    """The meetings whose minutes the person may read: the rule `core.view_minutes` as a filter."""
    meetings = Meeting.objects.all()
    if not user.is_authenticated:
        return meetings.filter(minutes_status=MinutesStatus.PUBLISHED, forum__is_public=True)
    if user.is_superuser or user.role in {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return meetings
    members = Q(forum__in=Forum.objects.of_member(user)) & ~Q(minutes_status=MinutesStatus.DRAFT)
    published = Q(minutes_status=MinutesStatus.PUBLISHED)
    if user.role != Role.POLITICIAN:
        published &= Q(forum__is_public=True)
    return meetings.filter(members | published)


@dataclass(frozen=True)
class Source:
    """The columns one kind is searched in: (column, text-search configuration, weight), and the
    columns its excerpt is cut from; `rich` ones hold sanitised HTML (the minutes)."""

    vector: tuple[tuple[str, str, str], ...]
    excerpt: tuple[str, ...] = ()
    rich: frozenset[str] = frozenset()

    @property
    def columns(self) -> list[str]:
        return list(dict.fromkeys(column for column, _config, _weight in self.vector))


# Text searched only in the rows where a condition holds (the minutes, where the person may read them).
Guarded = tuple[Q, Source]


def translated(name: str, weight: str) -> tuple[tuple[str, str, str], ...]:
    """A modeltranslation field: each language's column with its own stemmer."""
    return (
        (f"{name}_sv", "swedish", weight),
        (f"{name}_fi", "finnish", weight),
        (f"{name}_en", "english", weight),
    )


def untranslated(*names: str, weight: str) -> tuple[tuple[str, str, str], ...]:
    """A field written in Swedish or Finnish, without saying which: both stemmers."""
    return tuple((name, config, weight) for name in names for config in ("swedish", "finnish"))


@dataclass
class Hit:
    """One result as the page shows it: a link, an excerpt with the matches marked, a date and details."""

    title: str
    url: str
    excerpt: SafeString
    when: Any = None
    details: list[str] = field(default_factory=list)
    lang: str = ""
    pk: int = 0


@dataclass
class Group:
    """The hits of one kind: the best MAX_HITS, and how many there are in all."""

    kind: str
    heading: Any
    when_label: Any
    count: int
    hits: list[Hit]


class PostgresFinder:
    """Full-text search: stemmed in Swedish, Finnish and English, ranked, with highlighted excerpts."""

    def __init__(self, text: str) -> None:
        self.query = reduce(or_, (SearchQuery(text, search_type="websearch", config=c) for c in CONFIGS))

    def find(
        self, queryset: QuerySet, source: Source, order: tuple[str, ...], guarded: Guarded | None = None
    ) -> list:
        """The best MAX_HITS rows, each with `excerpt` and `total` (how many rows match in all)."""
        vector = self._vector(source)
        excerpt = self._document(source)
        if guarded:
            condition, extra = guarded
            # The rows whose text or guarded text matches, each found through its own GIN index
            # (search/migrations); the guard is then checked on those few rows alone.
            model = queryset.model
            queryset = queryset.filter(
                Q(pk__in=model.objects.annotate(own=vector).filter(own=self.query).values("pk"))
                | Q(
                    pk__in=model.objects.annotate(extra=self._vector(extra))
                    .filter(extra=self.query)
                    .values("pk")
                )
            )
            # Guarded text (minutes) counts only where the condition holds: the rows are the same either way.
            vector = Case(
                When(condition, then=vector + self._vector(extra)),
                default=vector,
                output_field=SearchVectorField(),
            )
            excerpt = Case(
                When(condition, then=Concat(excerpt, SPACE, self._document(extra))),
                default=excerpt,
                output_field=TextField(),
            )
        # ts_headline drops whatever looks like a tag; "<" and ">" that people wrote pass it disguised.
        for character, stand_in in SHIELDED:
            excerpt = Replace(excerpt, Value(character), Value(stand_in), output_field=TextField())
        rows = (
            queryset.annotate(found=vector)
            .filter(found=self.query)
            .annotate(
                rank=SearchRank(F("found"), self.query),
                total=Window(Count("pk")),
                **{
                    f"excerpt_{config}": SearchHeadline(
                        excerpt,
                        self.query,
                        config=config,
                        start_sel=START,
                        stop_sel=STOP,
                        max_words=30,
                        min_words=12,
                        max_fragments=2,
                        fragment_delimiter=" … ",
                    )
                    for config in CONFIGS
                },
            )
            .order_by("-rank", *order)[:MAX_HITS]
        )
        rows = list(rows)
        for row in rows:
            # Each stemmer highlights the words of its own language: show the excerpt with most marks.
            texts = [getattr(row, f"excerpt_{config}") or "" for config in CONFIGS]
            text = max(texts, key=lambda t: t.count(START))
            for character, stand_in in SHIELDED:
                text = text.replace(stand_in, character)
            row.excerpt = highlight(text)
        return rows

    @staticmethod
    def _vector(source: Source):
        return reduce(add, (SearchVector(c, config=config, weight=w) for c, config, w in source.vector))

    @staticmethod
    def _document(source: Source):
        parts = [plain_sql(c) if c in source.rich else Cast(c, TextField()) for c in source.excerpt]
        if len(parts) == 1:
            return Coalesce(parts[0], Value("", output_field=TextField()))
        spaced = [piece for part in parts for piece in (part, SPACE)][:-1]
        return Concat(*spaced, output_field=TextField())


def plain_sql(column: str) -> Func:
    """Sanitised HTML as plain text, in SQL: tags become spaces, entities their characters."""
    text = Func(
        F(column),
        Value("<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    for entity, character in ENTITIES:
        text = Replace(text, Value(entity), Value(character), output_field=TextField())
    return text


class SimpleFinder:
    """SQLite: every word must occur in one of the columns; newest first; a plain excerpt."""

    def __init__(self, text: str) -> None:
        self.terms = list(dict.fromkeys(text.split()))[:10]

    def find(
        self, queryset: QuerySet, source: Source, order: tuple[str, ...], guarded: Guarded | None = None
    ) -> list:
        """The newest MAX_HITS rows, each with `excerpt` and `total` (how many rows match in all)."""
        matches = Q()
        for term in self.terms:
            any_column = self._any(source, term)
            if guarded:
                any_column |= guarded[0] & self._any(guarded[1], term)
            matches &= any_column
        if guarded:
            queryset = queryset.annotate(
                guarded_ok=Case(
                    When(guarded[0], then=Value(True)), default=Value(False), output_field=BooleanField()
                )
            )
        rows = list(queryset.filter(matches).annotate(total=Window(Count("pk"))).order_by(*order)[:MAX_HITS])
        for row in rows:
            texts = self._texts(row, source)
            if guarded and row.guarded_ok:
                texts += self._texts(row, guarded[1])
            row.excerpt = excerpt_around(" ".join(t for t in texts if t), self.terms)
        return rows

    @staticmethod
    def _any(source: Source, term: str) -> Q:
        return reduce(or_, (Q(**{f"{column}__icontains": term}) for column in source.columns))

    @staticmethod
    def _texts(row, source: Source) -> list[str]:
        texts = []
        for column in source.excerpt:
            value = getattr(row, column) or ""
            texts.append(html.unescape(strip_tags(value)) if column in source.rich else value)
        return texts


def highlight(text: str) -> SafeString:
    """Escape an excerpt and turn its match marks into <mark>; stray marks are dropped."""
    text = " ".join(text.split())
    parts = []
    position = 0
    for match in MARKED.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(1))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace(START, "").replace(STOP, ""))  # noqa: S308 (every part escaped)


def excerpt_around(text: str, terms: list[str]) -> SafeString:
    """About EXCERPT_CHARS characters around the first match, with each match marked."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - EXCERPT_CHARS // 3)
    end = min(len(text), start + EXCERPT_CHARS)
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", window)
    return mark_safe(  # noqa: S308 (highlight escapes every part)
        ("… " if start else "") + highlight(marked) + (" …" if end < len(text) else "")
    )


def finder_for(text: str) -> PostgresFinder | SimpleFinder:
    return PostgresFinder(text) if connection.vendor == "postgresql" else SimpleFinder(text)


MEETING = Source(
    vector=translated("title", "A") + untranslated("description", "location", weight="B"),
    excerpt=("description", "location"),
)
AGENDA_ITEM = Source(
    vector=untranslated("title", weight="A") + untranslated("description", weight="B"),
    excerpt=("description",),
)
MINUTES = Source(
    vector=untranslated("minutes", "decision", "follow_up", weight="B"),
    excerpt=("minutes", "decision", "follow_up"),
    rich=frozenset({"minutes", "decision", "follow_up"}),
)
PROPOSAL = Source(
    vector=untranslated("title", weight="A") + untranslated("description", "why_it_matters", weight="B"),
    excerpt=("description", "why_it_matters"),
)
ACTION = Source(
    vector=translated("title", "A") + translated("description", "B"),
    excerpt=("description_sv", "description_fi", "description_en"),
)


def _meeting_hit(meeting) -> Hit:
    return Hit(
        title=meeting.title,
        url=meeting.get_absolute_url(),
        excerpt=meeting.excerpt,
        when=meeting.starts_at,
        details=[meeting.forum.name, meeting.get_status_display()],
        pk=meeting.pk,
    )


def _agenda_item_hit(item) -> Hit:
    return Hit(
        title=item.title,
        url=f"{item.meeting.get_absolute_url()}#item-{item.pk}",
        excerpt=item.excerpt,
        when=item.meeting.starts_at,
        details=[item.meeting.title, item.meeting.forum.name],
        lang=item.language,
        pk=item.pk,
    )


def _proposal_hit(proposal) -> Hit:
    return Hit(
        title=proposal.title,
        url=proposal.get_absolute_url(),
        excerpt=proposal.excerpt,
        when=proposal.created_at,
        details=[proposal.forum.name, proposal.get_status_display()],
        lang=proposal.language,
        pk=proposal.pk,
    )


def _action_hit(action) -> Hit:
    return Hit(
        title=action.title,
        url=action.get_absolute_url(),
        excerpt=action.excerpt,
        when=action.due_on,
        details=[action.department.name, action.get_status_display()],
        pk=action.pk,
    )


@dataclass(frozen=True)
class Kind:
    """One kind of result: where it is looked for, in what order, and how a hit is shown."""

    key: str
    heading: Any
    when_label: Any
    visible: Callable[[Any], QuerySet]
    source: Source
    order: tuple[str, ...]
    hit: Callable[[Any], Hit]
    guarded: Callable[[Any], Guarded] | None = None


KINDS = (
    Kind(
        key="meetings",
        heading=_("Meetings"),
        when_label=_("Meeting date"),
        visible=lambda user: Meeting.objects.visible_to(user).select_related("forum"),
        source=MEETING,
        order=("-starts_at", "-pk"),
        hit=_meeting_hit,
    ),
    Kind(
        key="agenda-items",
        heading=_("Agenda items and minutes"),
        when_label=_("Meeting date"),
        visible=lambda user: AgendaItem.objects.filter(
            meeting__in=Meeting.objects.visible_to(user)
        ).select_related("meeting__forum"),
        source=AGENDA_ITEM,
        order=("-meeting__starts_at", "position", "pk"),
        hit=_agenda_item_hit,
        guarded=lambda user: (Q(meeting__in=minutes_visible_to(user)), MINUTES),
    ),
    Kind(
        key="proposals",
        heading=_("Proposals"),
        when_label=_("Proposed on"),
        visible=lambda user: Proposal.objects.visible_to(user).select_related("forum"),
        source=PROPOSAL,
        order=("-created_at", "-pk"),
        hit=_proposal_hit,
    ),
    Kind(
        key="actions",
        heading=_("Actions"),
        when_label=_("Due"),
        visible=lambda user: Action.objects.visible_to(user).select_related("department"),
        source=ACTION,
        order=("due_on", "pk"),
        hit=_action_hit,
    ),
)


def search(user, text: str) -> list[Group]:
    """What the person may see that matches the text, grouped by kind: one query per kind."""
    finder = finder_for(text)
    groups = []
    for kind in KINDS:
        guarded = kind.guarded(user) if kind.guarded else None
        rows = finder.find(kind.visible(user), kind.source, kind.order, guarded)
        groups.append(
            Group(
                kind=kind.key,
                heading=kind.heading,
                when_label=kind.when_label,
                count=rows[0].total if rows else 0,
                hits=[kind.hit(row) for row in rows],
            )
        )
    return groups
