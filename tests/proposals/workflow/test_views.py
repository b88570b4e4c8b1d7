"""The workflow's pages and actions: proposing, visibility per role, triage, the proposer's answer, deleting."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.models import ForumRole, MinutesStatus
from proposals import services
from proposals.models import Proposal, ProposalAttachment, ProposalStatus
from tests.dialogues.factories import CommitmentFactory
from tests.factories import MembershipFactory

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form(world, **extra) -> dict:
    return {
        "forum": world["forums"]["finnish_dialogue"].pk,
        "title": "Finskspråkig förskola",
        "description": "Fler platser behövs.",
        "why_it_matters": "Barnen förlorar språket.",
        "language": "fi",
        "minority": world["minorities"]["finns"].pk,
        "department": world["department"].pk,
        "affects_children_and_youth": "on",
        "wished_meeting": world["meetings"]["finnish"].pk,
        **extra,
    }


def test_representative_proposes_with_an_attachment(client_for, world):
    upload = SimpleUploadedFile("underlag.pdf", PDF, content_type="application/pdf")
    response = client_for("representative").post(
        reverse("proposals:propose"), _form(world, attachments=upload)
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.proposer == world["people"]["representative"]
    assert proposal.language == "fi"
    assert proposal.affects_children_and_youth
    assert proposal.wished_meeting == world["meetings"]["finnish"]
    assert list(proposal.followers.all()) == [world["people"]["representative"]]
    assert [(a.name, a.content_type) for a in proposal.attachments.all()] == [
        ("underlag.pdf", "application/pdf")
    ]


def test_a_bad_file_is_refused_and_nothing_is_stored(client_for, world):
    upload = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for("representative").post(
        reverse("proposals:propose"), _form(world, attachments=upload)
    )
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert "virus.pdf" in response.context["form"].errors["attachments"][0]
    assert not Proposal.objects.exists()
    assert not ProposalAttachment.objects.exists()


def test_the_forum_choice_is_limited_to_the_persons_forums(client_for, world):
    response = client_for("representative").get(reverse("proposals:propose"))
    forums = set(response.context["form"].fields["forum"].queryset)
    assert forums == {world["forums"]["finnish_dialogue"], world["forums"]["consultation"]}
    response = client_for("representative").post(
        reverse("proposals:propose"), _form(world, forum=world["forums"]["roma_dialogue"].pk)
    )
    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_a_wished_meeting_of_another_forum_is_refused(client_for, world):
    response = client_for("representative").post(
        reverse("proposals:propose"), _form(world, wished_meeting=world["meetings"]["consultation"].pk)
    )
    assert response.status_code == 200
    assert "wished_meeting" in response.context["form"].errors


def test_representative_of_another_minority_gets_404(client_for, proposal):
    assert client_for("other_representative").get(proposal.get_absolute_url()).status_code == 404


def test_consultation_group_proposals_are_visible_to_all_its_members(client_for, world, make_proposal):
    MembershipFactory(
        user=world["people"]["other_representative"],
        forum=world["forums"]["consultation"],
        role=ForumRole.REPRESENTATIVE,
    )
    shared = make_proposal(forum_key="consultation")
    finnish = make_proposal()
    client = client_for("other_representative")
    assert client.get(shared.get_absolute_url()).status_code == 200
    assert client.get(finnish.get_absolute_url()).status_code == 404
    assert set(Proposal.objects.visible_to(world["people"]["other_representative"])) == {shared}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("resident", False),
        ("representative", True),
        ("other_representative", False),
        ("admin_contact", True),
        ("politician", True),
        ("coordinator", True),
        ("administrator", True),
    ],
)
def test_visible_to_agrees_with_the_rule(role, sees, world, proposal):
    user = world["people"][role]
    assert user.has_perm("proposals.view_proposal", proposal) is sees
    assert Proposal.objects.visible_to(user).filter(pk=proposal.pk).exists() is sees


def test_a_follower_from_another_forum_sees_the_proposal(world, make_proposal):
    proposal = make_proposal()
    follower = world["people"]["other_representative"]
    proposal.followers.add(follower)
    assert follower.has_perm("proposals.view_proposal", proposal)
    assert list(Proposal.objects.visible_to(follower)) == [proposal]


def test_coordinator_places_the_proposal_on_a_meeting(client_for, world, proposal):
    meeting = world["meetings"]["finnish"]
    response = client_for("coordinator").post(
        reverse("proposals:place", kwargs={"pk": proposal.pk}),
        {"place-meeting": meeting.pk, "place-reason": "Tas upp i maj."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PLACED
    assert proposal.status_reason == "Tas upp i maj."
    assert proposal.agenda_item.meeting == meeting


def test_decline_without_a_reason_through_the_page_changes_nothing(client_for, proposal):
    response = client_for("coordinator").post(
        reverse("proposals:decline", kwargs={"pk": proposal.pk}), {"decline-reason": ""}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED


def test_a_forbidden_move_through_the_page_changes_nothing(client_for, proposal):
    response = client_for("coordinator").post(reverse("proposals:resolve", kwargs={"pk": proposal.pk}), {})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED


@pytest.mark.parametrize(("role", "status"), [("representative", 403), ("other_representative", 404)])
def test_only_coordinators_triage(client_for, proposal, role, status):
    response = client_for(role).post(reverse("proposals:consider", kwargs={"pk": proposal.pk}), {})
    assert response.status_code == status
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED


def test_coordinator_merges_a_duplicate(client_for, world, make_proposal):
    survivor = make_proposal(title="Överlevande")
    duplicate = make_proposal(title="Dubblett", proposer_key="admin_contact")
    client_for("coordinator").post(
        reverse("proposals:merge", kwargs={"pk": duplicate.pk}), {"merge-survivor": survivor.pk}
    )
    duplicate.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert world["people"]["admin_contact"] in survivor.followers.all()


def test_coordinator_defers_to_a_date(client_for, proposal):
    until = timezone.localdate() + dt.timedelta(days=90)
    client_for("coordinator").post(
        reverse("proposals:defer", kwargs={"pk": proposal.pk}),
        {"defer-until": until.isoformat(), "defer-reason": "Efter budgeten."},
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DEFERRED
    assert proposal.deferred_until == until


def test_only_the_proposer_marks_answered(client_for, world, proposal):
    services.place_on_agenda(proposal, world["meetings"]["finnish"], world["people"]["coordinator"])
    url = reverse("proposals:answered", kwargs={"pk": proposal.pk})
    assert client_for("coordinator").post(url, {"answered": "yes"}).status_code == 403
    assert client_for("admin_contact").post(url, {"answered": "yes"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.answered is None
    client_for("representative").post(url, {"answered": "no", "comment": "Inget hände."})
    proposal.refresh_from_db()
    assert proposal.answered is False
    inbox = client_for("coordinator").get(reverse("proposals:inbox"))
    assert [p.pk for p in inbox.context["not_answered"]] == [proposal.pk]
    assert f'id="not-answered-{proposal.pk}"' in inbox.content.decode()


def test_administrator_deletes_after_confirming(client_for, world, proposal):
    url = reverse("proposals:delete", kwargs={"pk": proposal.pk})
    client = client_for("administrator")
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200
    assert Proposal.objects.filter(pk=proposal.pk).exists()
    response = client.post(url, {"reason": "Känsliga uppgifter"})
    assert response.status_code == 302
    assert not Proposal.objects.filter(pk=proposal.pk).exists()
    assert Proposal.history.filter(id=proposal.pk, history_type="-").get().history_change_reason == (
        "Känsliga uppgifter"
    )


def test_detail_shows_history_with_who_and_reason(client_for, world, proposal):
    services.consider(proposal, world["people"]["coordinator"], "Vi bereder.")
    response = client_for("representative").get(proposal.get_absolute_url())
    history = response.context["history"]
    assert [r.status for r in history] == [ProposalStatus.UNDER_CONSIDERATION, ProposalStatus.RECEIVED]
    assert history[0].history_user == world["people"]["coordinator"]
    assert history[0].status_reason == "Vi bereder."
    assert "triage" not in response.content.decode()


def test_coordinator_sees_one_decision_form_with_only_the_allowed_moves(client_for, proposal):
    page = client_for("coordinator").get(proposal.get_absolute_url()).content.decode()
    assert page.count("<form") - page.count('id="triage-form"') == page.count("<form") - 1
    assert page.count('name="reason"') == 1
    for decision in ("consider", "place", "merge", "defer", "decline"):
        assert f'name="decision" value="{decision}"' in page
    assert 'value="resolve"' not in page


def test_outcome_shows_the_minutes_and_commitments_once_out(client_for, world, proposal):
    meeting = world["meetings"]["finnish"]
    services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    proposal.refresh_from_db()
    item = proposal.agenda_item
    item.decision = "<p>Förvaltningen utreder platserna.</p>"
    item.save()
    commitment = CommitmentFactory(agenda_item=item, title="Utred platserna", department=world["department"])
    client = client_for("representative")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert f'href="{meeting.get_absolute_url()}#item-{item.pk}"' in page
    assert "Förvaltningen utreder platserna." not in page  # the minutes are still a draft
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.save()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Förvaltningen utreder platserna." in page
    assert f'id="item-commitment-{commitment.pk}"' in page


def test_meeting_page_marks_items_that_came_from_a_proposal(client_for, world, proposal):
    meeting = world["meetings"]["finnish"]
    services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    proposal.refresh_from_db()
    page = client_for("representative").get(meeting.get_absolute_url()).content.decode()
    assert f'id="proposed-item-{proposal.agenda_item_id}"' in page
    assert f'href="{proposal.get_absolute_url()}"' in page
    assert "Aino Representant" in page


def test_mine_lists_own_and_followed_proposals(client_for, world, make_proposal):
    own = make_proposal()
    followed = make_proposal(proposer_key="admin_contact")
    followed.followers.add(world["people"]["representative"])
    make_proposal(proposer_key="admin_contact", title="Inte min")
    response = client_for("representative").get(reverse("proposals:mine"))
    assert {p.pk for p in response.context["proposals"]} == {own.pk, followed.pk}


def test_inbox_filters_and_flags_long_waiting(client_for, world, make_proposal, settings):
    settings.PROPOSAL_WAITING_DAYS = 21
    old = make_proposal(title="Gammal")
    Proposal.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    young = make_proposal(title="Ny", affects_children_and_youth=True)
    shared = make_proposal(forum_key="consultation", title="Samråd")
    done = make_proposal(title="Klar")
    services.decline(done, world["people"]["coordinator"], "Nej.")
    client = client_for("coordinator")

    def pks(**query):
        return [p.pk for p in client.get(reverse("proposals:inbox"), query).context["proposals"]]

    assert pks() == [old.pk, young.pk, shared.pk]  # open ones, oldest first
    assert pks(sort="newest") == [shared.pk, young.pk, old.pk]
    assert pks(age="overdue") == [old.pk]
    assert pks(children="on") == [young.pk]
    assert pks(forum=world["forums"]["consultation"].pk) == [shared.pk]
    assert pks(status="declined") == [done.pk]
    assert done.pk in pks(status="all")
    page = client.get(reverse("proposals:inbox")).content.decode()
    assert f'<tr id="proposal-{old.pk}" data-overdue="true">' in page
    assert f'<tr id="proposal-{young.pk}">' in page


def test_mine_shows_what_became_of_each_proposal(client_for, world, make_proposal):
    """The list says where a proposal went: the meeting it is on, the proposal it was merged into,
    the meeting it waits for, and the actions it led to, each a link."""
    from django.utils import translation

    from tests.factories import ActionFactory

    coordinator = world["people"]["coordinator"]
    meeting = world["meetings"]["finnish"]
    placed = services.place_on_agenda(make_proposal(title="Placerad"), meeting, coordinator)
    action = ActionFactory(origin_proposal=placed, title="Förskola på finska i Handen", is_public=True)
    survivor = make_proposal(title="Kvar")
    merged = services.merge(make_proposal(title="Dubblett"), survivor, coordinator, "Samma sak.")
    deferred = services.defer(make_proposal(title="Senare"), coordinator, "Nästa möte.", to_meeting=meeting)
    waiting = make_proposal(title="Väntar")
    with translation.override("en"):
        page = client_for("representative").get(reverse("proposals:mine")).content.decode()

    def row(proposal) -> str:
        start = page.index(f'<tr id="proposal-{proposal.pk}">')
        return page[start : page.index("</tr>", start)]

    assert f'{meeting.get_absolute_url()}#item-{placed.agenda_item_id}"'.replace("/sv/", "/en/") in row(
        placed
    )
    assert "Förskola på finska i Handen" in row(placed)
    assert f'href="{action.get_absolute_url()}"'.replace("/sv/", "/en/") in row(placed)
    assert f'href="{survivor.get_absolute_url()}"'.replace("/sv/", "/en/") in row(merged)
    assert "Deferred to meeting" in row(deferred)
    assert "No outcome yet" in row(waiting)


@pytest.mark.parametrize(
    ("decision", "extra", "status"),
    [
        ("consider", {}, ProposalStatus.UNDER_CONSIDERATION),
        ("place", {"meeting": "finnish"}, ProposalStatus.PLACED),
        ("defer", {"to_meeting": "finnish"}, ProposalStatus.DEFERRED),
        ("merge", {"survivor": "other"}, ProposalStatus.MERGED),
        ("decline", {}, ProposalStatus.DECLINED),
    ],
)
def test_each_decision_goes_through_the_one_triage_form(
    client_for, world, make_proposal, decision, extra, status
):
    proposal = make_proposal()
    other = make_proposal(title="Samma sak")
    values = {"finnish": world["meetings"]["finnish"].pk, "other": other.pk}
    data = {"decision": decision, "reason": "Så här blir det.", **{k: values[v] for k, v in extra.items()}}
    response = client_for("coordinator").post(reverse("proposals:decide", kwargs={"pk": proposal.pk}), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == status
    assert proposal.status_reason == "Så här blir det."
    if decision == "place":
        assert proposal.agenda_item.meeting == world["meetings"]["finnish"]
    if decision == "merge":
        assert proposal.merged_into == other


def test_resolve_goes_through_the_one_triage_form(client_for, world, proposal):
    services.place_on_agenda(proposal, world["meetings"]["finnish"], world["people"]["coordinator"])
    response = client_for("coordinator").post(
        reverse("proposals:decide", kwargs={"pk": proposal.pk}), {"decision": "resolve", "reason": ""}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RESOLVED


def test_a_decline_without_a_reason_is_refused_and_changes_nothing(client_for, proposal):
    from django.utils import translation

    with translation.override("en"):
        response = client_for("coordinator").post(
            reverse("proposals:decide", kwargs={"pk": proposal.pk}), {"decision": "decline", "reason": " "}
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="ds-error-summary"' in page
    assert 'href="#id_reason"' in page
    assert "checked" in page.split('value="decline"')[1].split(">")[0]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED
    assert proposal.history.count() == 1


def test_a_placement_without_a_meeting_keeps_the_choice_and_changes_nothing(client_for, proposal):
    response = client_for("coordinator").post(
        reverse("proposals:decide", kwargs={"pk": proposal.pk}), {"decision": "place", "reason": "Ja"}
    )
    assert response.status_code == 200
    assert response.context["triage_form"].errors["meeting"]
    assert "checked" in response.content.decode().split('value="place"')[1].split(">")[0]
    assert 'href="#id_meeting"' in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED
