"""Helpers for the search tests: content in a forum, and the hits of a search by kind."""

from core.models import Forum, Meeting, MeetingStatus
from proposals.models import Proposal
from tests.factories import AgendaItemFactory, MeetingFactory


def titles(response) -> dict[str, list[str]]:
    """The titles found, by kind (meetings, agenda-items, proposals, actions)."""
    return {group.kind: [hit.title for hit in group.hits] for group in response.context["groups"]}


def found(response) -> set[str]:
    return {title for kind_titles in titles(response).values() for title in kind_titles}


def hit(response, kind: str, title: str):
    group = next(group for group in response.context["groups"] if group.kind == kind)
    return next(h for h in group.hits if h.title == title)


def meeting_in(forum: Forum, title: str, **fields) -> Meeting:
    fields.setdefault("status", MeetingStatus.HELD)
    return MeetingFactory(forum=forum, title=title, title_sv=title, **fields)


def item_in(meeting: Meeting, title: str, **fields):
    return AgendaItemFactory(meeting=meeting, title=title, **fields)


def proposal_in(world, forum_key: str, proposer_key: str, title: str, **fields) -> Proposal:
    return Proposal.objects.create(
        forum=world["forums"][forum_key], proposer=world["people"][proposer_key], title=title, **fields
    )
