"""Every page section registered with core.plumbing.sections renders for every role without template debris.

A section's context is a dict, and Django's template lookup falls back from `section["items"]` to the
bound `dict.items` when the key is missing: a select whose every option read "." sat on every proposal
and commitment page. This renders each page that shows sections, with data enough for every registered
section to appear, as each role, and looks for what such a lookup leaves behind.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import ForumRole, Meeting, MeetingStatus, MinutesStatus, Tier
from core.plumbing import sections as registry
from core.plumbing.sections import SectionContext
from dialogues.services import answer_commitment, create_commitment
from proposals import services as proposal_services
from tests.conftest import ROLES
from tests.factories import ActionFactory, AgendaItemFactory, ForumFactory, MeetingFactory, MembershipFactory

# What a template lookup that resolved to a method, or to nothing, leaves in the page.
DEBRIS = [
    re.compile(
        r"<option[^>]*>\s*\.?\s*</option>"
    ),  # an empty option, or "." from "{{ x.position }}. {{ x.title }}"
    re.compile(r"bound method|dict_items|dict_keys|dict_values|&lt;function |<function "),
    re.compile(r'<div class="minutes"[^>]*>\s*</div>'),  # an empty box where the minutes of an item go
]


@pytest.fixture
def pages(world):
    """A proposal placed on the coming consultation meeting, a held meeting with a commitment, and actions
    that came from each; a working group with a mandate-less page. Returns the pages that show sections."""
    people, meetings = world["people"], world["meetings"]
    coordinator = people["coordinator"]
    proposal = proposal_services.submit_proposal(
        forum=world["forums"]["consultation"],
        proposer=people["representative"],
        title="Finskspråkig förskola",
        description="Fler platser behövs.",
        language="fi",
    )
    proposal_services.consider(proposal, by=coordinator)
    proposal_services.place_on_agenda(proposal, meetings["consultation"], by=coordinator)
    # A proposal whose meeting has been held and its minutes published, with nothing minuted on its item.
    minuted = proposal_services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=people["representative"],
        title="Finska i äldreomsorgen",
        description="Personal som talar finska.",
    )
    proposal_services.consider(minuted, by=coordinator)
    proposal_services.place_on_agenda(minuted, meetings["finnish"], by=coordinator)
    Meeting.objects.filter(pk=meetings["finnish"].pk).update(
        status=MeetingStatus.HELD, minutes_status=MinutesStatus.PUBLISHED
    )
    # The proposer says the outcome did not answer it: it is an open matter of the next consultation meeting.
    minuted.refresh_from_db()
    proposal_services.mark_answered(minuted, people["representative"], False, "Inget svar om personalen.")
    held_item = meetings["roma"].agenda_items.order_by("position").first()
    commitment = create_commitment(
        agenda_item=held_item,
        title="Romsk kulturvecka",
        department=world["department"],
        due_on=timezone.localdate() + dt.timedelta(days=20),
        by=coordinator,
        responsible=people["admin_contact"],
    )
    # Answered, so the Roma council's next meeting hears it back as feedback.
    answer_commitment(commitment, "Veckan hålls i maj.", by=people["admin_contact"])
    next_roma = MeetingFactory(
        forum=world["forums"]["roma_dialogue"],
        title="Nästa dialogmöte romska rådet",
        starts_at=timezone.now() + dt.timedelta(days=12),
    )
    # Lifted from the proposal's agenda item, so the proposal's page shows it.
    create_commitment(
        agenda_item=proposal.agenda_item,
        title="Fler platser i förskolan",
        department=world["department"],
        due_on=timezone.localdate() + dt.timedelta(days=40),
        by=coordinator,
    )
    ActionFactory(title="Förskola på finska", department=world["department"], origin_proposal=proposal)
    ActionFactory(title="Kulturvecka", department=world["department"], origin_commitment=commitment)
    ActionFactory(title="Från mötet", department=world["department"], origin_agenda_item=held_item)
    group = ForumFactory(tier=Tier.WORKING_GROUP, minority=None, name="Arbetsgrupp språk")
    MembershipFactory(user=people["representative"], forum=group, role=ForumRole.REPRESENTATIVE)
    group_meeting = MeetingFactory(
        forum=group, title="Arbetsgruppens möte", starts_at=timezone.now() - dt.timedelta(days=3)
    )
    group_meeting.status = MeetingStatus.HELD
    group_meeting.save()
    AgendaItemFactory(meeting=group_meeting, title="Ordlista", position=1)
    urls = [reverse("proposals:detail", kwargs={"pk": p.pk}) for p in (proposal, minuted)]
    urls.append(reverse("dialogues:commitment_detail", kwargs={"pk": commitment.pk}))
    urls += [m.get_absolute_url() for m in [*meetings.values(), next_roma, group_meeting]]
    urls += [
        reverse("core:forum_detail", kwargs={"slug": f.slug}) for f in [*world["forums"].values(), group]
    ]
    # The department view, where dialogues shows the commitments the forums gave the department and the
    # register its duties; the dashboard, where the register shows the cycle's year.
    from tests.duties.factories import DutyFactory
    from tests.factories import CycleFactory

    CycleFactory(year=timezone.localdate().year)
    DutyFactory(title="Äldreomsorg på finska", departments=[world["department"]], on_request=True)
    urls.append(reverse("followup:department") + f"?department={world['department'].pk}")
    urls.append(reverse("followup:dashboard"))
    return urls


def _registered_templates() -> set[str]:
    found = {s.template for s in registry._meeting_sections + registry._forum_sections}
    found |= {s.template for s in registry._agenda_item_sections}
    found |= {s.template for kind in registry._object_sections.values() for s in kind}
    return found


def test_a_missing_key_in_a_section_context_reads_as_nothing_not_as_a_dict_method():
    context = SectionContext({"actions": []})
    assert context["items"] is None
    assert context["actions"] == []


def test_every_registered_section_renders_for_every_role_without_method_or_empty_options(client_for, pages):
    rendered: set[str] = set()
    for role in ROLES:
        client = client_for(role)
        for url in pages:
            response = client.get(url)
            if response.status_code != 200:
                continue
            rendered |= {t.name for t in response.templates}
            html = response.content.decode()
            for pattern in DEBRIS:
                found = pattern.search(html)
                assert found is None, f"{role} on {url}: {found.group(0)!r}"
    # The data above is enough for every registered section to show up on some page for some role.
    assert _registered_templates() - rendered == set()


def test_coordinator_creates_an_action_from_an_agenda_item_of_a_held_meeting(client_for, world):
    meeting = world["meetings"]["roma"]
    html = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    options = re.findall(r'<select[^>]*id="action-item"[^>]*>(.*?)</select>', html, re.S)
    assert len(options) == 1
    labels = re.findall(r"<option[^>]*>(.*?)</option>", options[0])
    assert labels == [f"{i.position}. {i.title}" for i in meeting.agenda_items.order_by("position", "pk")]


def test_proposal_page_has_no_agenda_item_select_for_the_coordinator(client_for, pages):
    html = client_for("coordinator").get(pages[0]).content.decode()
    assert 'id="action-item"' not in html
