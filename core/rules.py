"""Who may do what, as django-rules predicates. Views declare `permission_required` with these names.

Roles: anonymous, resident, representative, administration contact, politician, coordinator,
administrator. Coordinators run the forums; administrators may also configure the portal.
Outsiders get 404 for objects they may not know exist (`view_*`), 403 where they may see but not change.
"""

import functools

import rules
from django.db import connections, router
from django.utils import timezone

from .models import SEES_EVERY_MEETING, Membership, MinutesSigner, MinutesStatus, Role


def person_ties(user) -> tuple[set[int], set[int]]:
    """The forums the person is a current member of and the meetings whose minutes they sign (chair or
    adjuster), read together the first time a rule asks for either, and kept on the user object for the
    request: a page that checks many meetings asks once.

    The access rules of nearly every signed-in page need these, on a page-cache hit too, so the one query is
    written out: the ORM took about 1 ms to build what PostgreSQL answers in 0.3 ms. A signed-in request's
    session read brings them along with the person (core.sessions: ties_columns), and then no query is made
    here. The conditions are Membership.objects.current()'s (tests/core/test_hot_reads.py holds the two to the
    same answers).
    """
    forums, signed = getattr(user, "_current_forum_ids", None), getattr(user, "_signed_meeting_ids", None)
    if forums is None or signed is None:
        with connections[router.db_for_read(Membership)].cursor() as cursor:
            cursor.execute("SELECT " + ties_columns("%s"), [user.pk, *ties_params(), user.pk])
            row = cursor.fetchone()
        forums, signed = keep_ties(user, row)
    return forums, signed


def keep_ties(user, row) -> tuple[set[int], set[int]]:
    """Keep the two arrays that ties_columns() reads on the user object, as person_ties() does."""
    forums = user._current_forum_ids = set(row[0])
    signed = user._signed_meeting_ids = set(row[1])
    return forums, signed


@functools.cache
def ties_columns(person: str) -> str:
    """person_ties()'s two arrays as columns of a query, for the person whose primary key is the SQL
    expression `person`; they take ties_params() (and `person`'s own, where it is a placeholder)."""
    quote = connections[router.db_for_read(Membership)].ops.quote_name
    membership, signer = quote(Membership._meta.db_table), quote(MinutesSigner._meta.db_table)
    return (
        f"ARRAY(SELECT {quote('forum_id')} FROM {membership} WHERE {quote('user_id')} = {person}"  # noqa: S608
        f" AND {quote('starts_on')} <= %s AND ({quote('ends_on')} IS NULL OR {quote('ends_on')} >= %s)),"
        f" ARRAY(SELECT {quote('meeting_id')} FROM {signer} WHERE {quote('user_id')} = {person})"
    )


def ties_params() -> list:
    """The parameters of ties_columns(): today's date, twice (a term that ends today still counts)."""
    today = timezone.localdate()
    return [today, today]


@rules.predicate
def is_administrator(user) -> bool:
    return bool(user.is_authenticated and (user.role == Role.ADMINISTRATOR or user.is_superuser))


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.COORDINATOR)


@rules.predicate
def is_politician(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.POLITICIAN)


@rules.predicate
def is_representative(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.REPRESENTATIVE)


@rules.predicate
def is_admin_contact(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.ADMIN_CONTACT)


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


def _forum_of(obj):
    return getattr(obj, "forum", obj)


@rules.predicate
def is_member_of_forum(user, obj) -> bool:
    """A current membership of the forum (or of the forum of a meeting): the person belongs there."""
    if not user.is_authenticated or obj is None:
        return False
    forum = _forum_of(obj)
    return forum.pk in person_ties(user)[0]


@rules.predicate
def sees_every_meeting(user) -> bool:
    return bool(user.is_authenticated and (user.role in SEES_EVERY_MEETING or user.is_superuser))


@rules.predicate
def is_public_forum(user, obj) -> bool:
    return obj is not None and _forum_of(obj).is_public


@rules.predicate
def meeting_is_called(user, meeting) -> bool:
    """The notice is out: the agenda was published (the meeting may since have been held or cancelled)."""
    return meeting is not None and meeting.is_called


@rules.predicate
def minutes_published(user, meeting) -> bool:
    return meeting is not None and meeting.minutes_status == MinutesStatus.PUBLISHED


@rules.predicate
def minutes_out_for_members(user, meeting) -> bool:
    """Members read the minutes from the moment they are sent to them for review."""
    return meeting is not None and meeting.minutes_status != MinutesStatus.DRAFT


@rules.predicate
def minutes_in_review(user, meeting) -> bool:
    return meeting is not None and meeting.minutes_status == MinutesStatus.IN_REVIEW


@rules.predicate
def minutes_approved(user, meeting) -> bool:
    """Approved or published: the minutes are a document, the protocol."""
    return meeting is not None and meeting.minutes_status in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}


@rules.predicate
def is_minutes_signer(user, meeting) -> bool:
    """The meeting's chair or one of its adjusters (justerare).

    The meetings the person signs are read with the memberships, once a request (person_ties).
    """
    if not user.is_authenticated or meeting is None:
        return False
    return meeting.pk in person_ties(user)[1]


@rules.predicate
def is_invited(user, meeting) -> bool:
    if not user.is_authenticated or meeting is None:
        return False
    return meeting.attendances.filter(user=user).exists()


@rules.predicate
def meeting_is_upcoming(user, meeting) -> bool:
    return meeting is not None and meeting.is_upcoming


runs_forums = is_coordinator | is_administrator

# Pages every visitor may open; they show what the visitor's role may see.
rules.add_perm("core.view_home", rules.always_allow)
rules.add_perm("core.view_health", rules.always_allow)
rules.add_perm("core.view_calendar", rules.always_allow)
rules.add_perm("core.view_forum_list", rules.always_allow)
# A person's own profile, language and calendar feed.
rules.add_perm("core.change_own_profile", is_signed_in)
rules.add_perm("core.reset_own_feed", is_signed_in)

# Forums: public ones to all; others to those who see every meeting and to their members.
rules.add_perm("core.view_forum", is_public_forum | sees_every_meeting | is_member_of_forum)
# Who represents whom is special-category data (GDPR Art. 9): only coordinators and the forum's members.
rules.add_perm("core.view_forum_members", runs_forums | is_member_of_forum)

# Meetings: a public forum's meeting once called; otherwise members and those who see every meeting.
rules.add_perm(
    "core.view_meeting",
    sees_every_meeting | is_member_of_forum | (is_public_forum & meeting_is_called) | is_minutes_signer,
)
rules.add_perm("core.add_meeting", runs_forums)
rules.add_perm("core.change_meeting", runs_forums)
rules.add_perm("core.view_meeting_history", runs_forums | is_member_of_forum)
# The minutes: coordinators always; members (and the chair and adjusters) once sent for review; everyone
# once published in a public forum; politicians once published in any forum (they follow up the dialogue).
rules.add_perm(
    "core.view_minutes",
    runs_forums
    | (is_member_of_forum & minutes_out_for_members)
    | (minutes_published & (is_public_forum | is_politician))
    # The chair and adjusters read the draft they approve, whether or not they belong to the forum.
    | (minutes_out_for_members & is_minutes_signer),
)


@rules.predicate
def may_read_minutes(user, meeting) -> bool:
    return meeting is not None and user.has_perm("core.view_minutes", meeting)


# The chair and the adjusters approve (justerar) the minutes while they are out for review.
rules.add_perm("core.adjust_minutes", is_minutes_signer & minutes_in_review)
# The protocol document is read by exactly those who may read the minutes, once they are approved.
rules.add_perm("core.view_protocol", minutes_approved & may_read_minutes)
rules.add_perm("core.respond_to_meeting", is_invited & meeting_is_upcoming)


@rules.predicate
def may_see_meeting_of(user, attachment) -> bool:
    """An attachment is served to exactly those who may see its meeting."""
    return attachment is not None and user.has_perm("core.view_meeting", attachment.meeting)


rules.add_perm("core.view_attachment", may_see_meeting_of)

# Trust: invitations to accounts with a role, a person's own data, erasure by an administrator.
rules.add_perm("core.invite_people", runs_forums)
rules.add_perm("core.accept_invitation", rules.always_allow)
rules.add_perm("core.export_own_data", is_signed_in)
rules.add_perm("core.erase_person", is_administrator)
