"""Notification settings in the demo: the Sweden Finns' representative gets the story of her proposals and the
progress of their actions in a daily digest; the chair of the consultation group follows an action and the
group. `demo_data` then sends the representative's digest, so `make run` shows one in the mail console.
"""

from core.follows import follow
from core.models import Delivery, DigestEntry, Forum, NotificationPreference, User
from demo.upsert import upsert
from followup.models import Action
from proposals.models import Proposal

REPRESENTATIVE = "representant@example.org"
CHAIR = "politiker@example.org"
STORY = "Suomenkielinen kotipalvelu"


def build_notifications_demo() -> None:
    """The choices and follows; a second run writes nothing."""
    people = {u.email: u for u in User.objects.filter(email__in=[REPRESENTATIVE, CHAIR])}
    if len(people) < 2:
        return
    for kind, delivery in [
        ("proposal_story", Delivery.DAILY),
        ("action_progress", Delivery.DAILY),
        ("comment", Delivery.WEEKLY),
    ]:
        upsert(
            NotificationPreference, user=people[REPRESENTATIVE], kind=kind, defaults={"delivery": delivery}
        )
    action = Action.objects.filter(origin_proposal__title=STORY).first()
    forum = Forum.objects.filter(slug="politiska-samradsgruppen").first()
    for followed in (action, forum):
        if followed is not None:
            follow(people[CHAIR], followed)


def send_demo_digest() -> str | None:
    """Tell the representative of her proposal's decision and its action's last update (both kept for her
    daily digest), then send the digest; returns her address, or None where the demo lacks the story."""
    from core.digests import send_digest
    from core.services import notify

    person = User.objects.filter(email=REPRESENTATIVE).first()
    proposal = Proposal.objects.filter(title=STORY).select_related("agenda_item__meeting").first()
    action = Action.objects.filter(origin_proposal=proposal).first() if proposal else None
    update = action.updates.order_by("-written_on", "-pk").first() if action else None
    if person is None or proposal is None or proposal.agenda_item is None or update is None:
        return None
    if not DigestEntry.objects.filter(user=person).exists():
        item = proposal.agenda_item
        context = {"proposal": proposal, "item": item, "published": item.meeting}
        notify(
            [person],
            "proposals/email/decided",
            context,
            kind="proposal_story",
            about=proposal,
            about_permission="proposals.view_proposal",
        )
        context = {"action": action, "update": update, "proposal": proposal}
        notify(
            [person],
            "followup/email/progress",
            context,
            kind="action_progress",
            about=action,
            about_permission="followup.view_action",
        )
    send_digest(person, Delivery.DAILY)
    return person.email
