"""The kinds of message the portal sends, and how each person wants each: the one registry notify() and the
notification settings page read. A required kind (what the law or the person's role requires them to get)
is always sent at once and cannot be turned off."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .models import Delivery, NotificationPreference, User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Kind:
    key: str
    label: "StrOrPromise"
    help: "StrOrPromise"
    required: bool = False
    default: str = Delivery.IMMEDIATE


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in [
        Kind(
            "meeting_notice",
            _("Meeting notices"),
            _("The agenda, changes and cancellations of meetings you are invited to."),
            required=True,
        ),
        Kind(
            "minutes_review",
            _("Minutes to review or approve"),
            _("Draft minutes sent to the members, the chair and the adjusters."),
            required=True,
        ),
        Kind(
            "commitment_assigned",
            _("Commitments for your department"),
            _("Issues lifted at a meeting to your department, which it answers for."),
            required=True,
        ),
        Kind(
            "commitment_answered",
            _("Answers to commitments"),
            _("A department's answer to an issue lifted at a meeting of your forum."),
        ),
        Kind("minutes_published", _("Published minutes"), _("The minutes of meetings you were invited to.")),
        Kind(
            "forum_news",
            _("News of forums you follow"),
            _("New meetings and published minutes of the forums you follow without being invited."),
        ),
        Kind(
            "proposal_story",
            _("What became of proposals"),
            _(
                "Each step of the proposals you made or follow: placed on a meeting, decided, actions, reports."
            ),
        ),
        Kind(
            "action_progress",
            _("Progress of actions"),
            _("Progress updates and completion of the actions you follow or that came from your proposals."),
        ),
        Kind("comment", _("Comments"), _("New comments on actions you are responsible for or comment on.")),
        Kind(
            "meeting_reminder",
            _("Meeting reminders"),
            _("A reminder the day before a meeting you are invited to."),
        ),
        Kind(
            "due_reminder",
            _("Past their due date"),
            _("Actions and commitments you or your department answer for that are past their due date."),
        ),
        Kind("overdue_summary", _("Weekly summary of what is overdue"), _("For coordinators.")),
        Kind(
            "stale_reminder",
            _("Actions without an update"),
            _("Actions you are responsible for with no recent update."),
        ),
        Kind(
            "proposal_waiting",
            _("Proposals waiting"),
            _("Proposals waiting for a coordinator, or not answered."),
        ),
        Kind("report_ready", _("Reports ready"), _("A report you ordered has been made.")),
        Kind("survey", _("Questionnaires"), _("Questionnaires to the minorities and their reminders.")),
        Kind(
            "annual_wheel", _("The yearly wheel"), _("Calls for proposals and the yearly follow-up's dates.")
        ),
    ]
}

# The settings page shows the kinds in this order: what became of one's own matters first.
ORDER = [
    "proposal_story",
    "action_progress",
    "comment",
    "commitment_answered",
    "minutes_published",
    "forum_news",
    "meeting_reminder",
    "due_reminder",
    "stale_reminder",
    "overdue_summary",
    "proposal_waiting",
    "report_ready",
    "survey",
    "annual_wheel",
]
KINDS = {key: KINDS[key] for key in sorted(KINDS, key=lambda key: ORDER.index(key) if key in ORDER else -1)}

# The digest itself is not a kind a person chooses: it is how the chosen kinds arrive.
DIGEST = "digest"


def kind(key: str) -> Kind:
    """The registered kind; an unknown name is a programming error, caught by the tests."""
    try:
        return KINDS[key]
    except KeyError:
        raise ValueError(f"unknown kind of message {key!r}: add it to core.notifications.KINDS") from None


def deliveries(people: Iterable[User], key: str | None) -> dict[int, str]:
    """How each person gets messages of this kind (one query for everyone)."""
    people = list(people)
    if key is None or key == DIGEST or kind(key).required:
        return dict.fromkeys((p.pk for p in people), Delivery.IMMEDIATE)
    chosen = dict(
        NotificationPreference.objects.filter(user__in=people, kind=key).values_list("user_id", "delivery")
    )
    return {p.pk: chosen.get(p.pk, KINDS[key].default) for p in people}


def preferences_of(person: User) -> dict[str, str]:
    """The person's delivery for every kind, required kinds always immediate."""
    chosen = dict(NotificationPreference.objects.filter(user=person).values_list("kind", "delivery"))
    return {key: Delivery.IMMEDIATE if k.required else chosen.get(key, k.default) for key, k in KINDS.items()}
