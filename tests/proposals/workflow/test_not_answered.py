"""“Did the outcome answer your proposal? No” puts it back in the coordinator's inbox with the reason, tells
the coordinators, and puts it on the next consultation meeting's list of open matters."""

import pytest
from django.core import mail
from django.urls import reverse

from proposals import services
from proposals.models import ProposalStatus

pytestmark = pytest.mark.django_db

REASON = "Beslutet säger inget om förskolan i Brandbergen."


@pytest.fixture
def not_answered(world, proposal, client_for, django_capture_on_commit_callbacks):
    """The proposal was placed and resolved; its proposer then says No, with a reason, on the proposal page."""
    coordinator = world["people"]["coordinator"]
    services.place_on_agenda(proposal, world["meetings"]["finnish"], coordinator)
    services.resolve(proposal, coordinator, "Behandlat.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("representative").post(
            reverse("proposals:answered", args=[proposal.pk]), {"answered": "no", "comment": REASON}
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    return proposal


def test_the_coordinators_are_told_with_the_reason(not_answered, world):
    assert not_answered.answered is False
    assert [message.to[0] for message in mail.outbox] == [world["people"]["coordinator"].email]
    assert REASON in mail.outbox[0].body
    assert not_answered.get_absolute_url() in mail.outbox[0].body


def test_saying_no_twice_tells_the_coordinators_once(not_answered, world, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_answered(not_answered, world["people"]["representative"], False, "Fortfarande inte.")
    assert mail.outbox == []


def test_it_is_back_in_the_inbox_flagged_with_the_reason(not_answered, client_for):
    html = client_for("coordinator").get(reverse("proposals:inbox")).content.decode()
    row = html[html.index(f'id="proposal-{not_answered.pk}"') :]
    row = row[: row.index("</tr>")]
    assert not_answered.status == ProposalStatus.RESOLVED
    assert 'data-not-answered="true"' in row
    assert REASON in row


def test_it_counts_in_the_coordinators_to_do_on_the_home_page(not_answered, client_for):
    response = client_for("coordinator").get(reverse("home"))
    box = next(b for b in response.context["attention"] if b.key == "waiting_proposals")
    assert not_answered in box.items


def test_it_is_on_the_next_consultation_meetings_open_matters_only(not_answered, world, client_for):
    client = client_for("coordinator")
    following = client.get(world["meetings"]["consultation"].get_absolute_url()).content.decode()
    later = client.get(world["meetings"]["planned"].get_absolute_url()).content.decode()
    dialogue = client.get(world["meetings"]["finnish"].get_absolute_url()).content.decode()

    assert f'id="open-matter-{not_answered.pk}"' in following
    assert REASON in following
    assert 'id="open-matters-add"' in following
    assert 'id="open-matters"' not in later
    assert 'id="open-matters"' not in dialogue


def test_a_member_sees_the_open_matter_without_the_planning_link(not_answered, world, client_for):
    html = (
        client_for("representative")
        .get(world["meetings"]["consultation"].get_absolute_url())
        .content.decode()
    )
    assert f'id="open-matter-{not_answered.pk}"' in html
    assert 'id="open-matters-add"' not in html


def test_an_answered_proposal_is_no_open_matter(proposal, world, client_for):
    coordinator = world["people"]["coordinator"]
    services.place_on_agenda(proposal, world["meetings"]["finnish"], coordinator)
    services.mark_answered(proposal, world["people"]["representative"], True, "Tack.")
    html = (
        client_for("coordinator").get(world["meetings"]["consultation"].get_absolute_url()).content.decode()
    )
    assert 'id="open-matters"' not in html


def test_taken_up_again_it_leaves_the_inbox_and_the_open_matters_and_the_proposer_is_told(
    not_answered, world, client_for, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    coordinator = client_for("coordinator")
    assert 'id="take-up-again-form"' in coordinator.get(not_answered.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            reverse("proposals:take_up_again", args=[not_answered.pk]),
            {"take_up_again-reason": "På dagordningen för samrådet i juni."},
        )

    assert response.status_code == 302
    not_answered.refresh_from_db()
    assert not_answered.answered is None
    assert [m.to[0] for m in mail.outbox] == [world["people"]["representative"].email]
    inbox = coordinator.get(reverse("proposals:inbox")).content.decode()
    assert f'id="proposal-{not_answered.pk}"' not in inbox
    meeting = coordinator.get(world["meetings"]["consultation"].get_absolute_url()).content.decode()
    assert 'id="open-matters"' not in meeting
    page = coordinator.get(not_answered.get_absolute_url()).content.decode()
    story = page[page.index('id="timeline"') :]
    assert 'data-kind="not_answered"' in story and 'data-kind="taken_up_again"' in story
    assert "På dagordningen för samrådet i juni." in story
    # The proposer may answer again.
    assert (
        'id="answered-form"'
        in client_for("representative").get(not_answered.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("role", ["representative", "politician"])
def test_only_coordinators_take_it_up_again(not_answered, client_for, role):
    response = client_for(role).post(reverse("proposals:take_up_again", args=[not_answered.pk]), {})
    assert response.status_code == 403
    not_answered.refresh_from_db()
    assert not_answered.answered is False


def test_an_answered_proposal_cannot_be_taken_up_again(proposal, world, client_for):
    services.place_on_agenda(proposal, world["meetings"]["finnish"], world["people"]["coordinator"])
    services.mark_answered(proposal, world["people"]["representative"], True, "Tack.")
    client_for("coordinator").post(reverse("proposals:take_up_again", args=[proposal.pk]), {})
    proposal.refresh_from_db()
    assert proposal.answered is True
