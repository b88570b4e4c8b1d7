"""Comments on actions, as on proposals: representatives answer a progress update, the responsible person and
earlier commenters are told, coordinators hide a comment with a reason; the page costs the same queries."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from followup import comments
from followup.models import ActionComment
from tests.factories import ActionFactory
from tests.followup.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(world):
    """An action of the department that is not public, with the administration contact responsible."""
    return ActionFactory(department=world["department"], responsible=world["people"]["admin_contact"])


@pytest.fixture
def update(action, world):
    return ProgressUpdateFactory(action=action, author=world["people"]["admin_contact"], text="Halvvägs.")


def _post(client, action, **data):
    return client.post(reverse("followup:action_comment", args=[action.pk]), data)


def test_a_representative_answers_a_progress_update_and_the_responsible_person_is_told(
    action, update, world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client_for("representative"), action, text="Hur går det för barnen?", update=update.pk
        )

    comment = ActionComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#action-comment-{comment.pk}")
    assert comment.progress_update == update
    assert comment.author == world["people"]["representative"]
    assert [m.to[0] for m in mail.outbox] == [world["people"]["admin_contact"].email]
    assert "Hur går det för barnen?" in mail.outbox[0].body
    html = client_for("coordinator").get(action.get_absolute_url()).content.decode()
    answers = html[html.index(f'id="update-{update.pk}"') : html.index('id="comments"')]
    assert "Hur går det för barnen?" in answers


def test_earlier_commenters_are_told_and_the_author_is_not(
    action, world, client_for, django_capture_on_commit_callbacks
):
    comments.add_comment(action, world["people"]["other_representative"], "Första.")
    with django_capture_on_commit_callbacks(execute=True):
        _post(client_for("representative"), action, text="Andra.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["people"]["admin_contact"].email, world["people"]["other_representative"].email]
    )


def test_an_empty_comment_says_so_and_saves_nothing(action, client_for):
    client = client_for("representative")
    with translation.override("en"):
        response = _post(client, action, text="   ")
        page = client.get(response["Location"]).content.decode()
    assert response.status_code == 302
    assert not ActionComment.objects.exists()
    assert "Write a comment." in page


def test_an_update_of_another_action_is_refused(action, world, client_for):
    elsewhere = ProgressUpdateFactory(action=ActionFactory(department=world["department"]))
    response = _post(client_for("representative"), action, text="Fel ställe.", update=elsewhere.pk)
    assert response.status_code == 404
    assert not ActionComment.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("resident", 404), ("politician", 403)])
def test_who_may_not_comment_is_refused_and_nothing_is_saved(action, client_for, role, status):
    assert _post(client_for(role), action, text="Hej.").status_code == status
    assert not ActionComment.objects.exists()


def test_a_resident_may_not_comment_even_on_a_public_action(world, client_for):
    public = ActionFactory(department=world["department"], is_public=True)
    assert _post(client_for("resident"), public, text="Hej.").status_code == 403
    assert "action-comment-form" not in client_for("resident").get(public.get_absolute_url()).content.decode()


def test_a_coordinator_hides_a_comment_with_a_reason_kept_in_its_history(action, world, client_for):
    comment = comments.add_comment(action, world["people"]["representative"], "Ett namn som inte hör hit.")
    url = reverse("followup:action_comment_hide", args=[comment.pk])
    assert client_for("representative").post(url, {"reason": "Nej."}).status_code == 403

    empty = client_for("coordinator").post(url, {"reason": ""})
    assert empty.status_code == 200 and not ActionComment.objects.get().hidden
    response = client_for("coordinator").post(url, {"reason": "Personuppgifter."})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_reason == "Personuppgifter."
    assert comment.history.first().history_change_reason == "Personuppgifter."
    shown = client_for("representative").get(action.get_absolute_url()).content.decode()
    moderated = client_for("coordinator").get(action.get_absolute_url()).content.decode()
    assert "Ett namn som inte hör hit." not in shown
    assert "Ett namn som inte hör hit." in moderated and "Personuppgifter." in moderated


# The action page's count (tests/followup/test_queries.py) plus one query for its comments, whatever their number.
@pytest.mark.parametrize("role", ["representative", "coordinator"])
@pytest.mark.parametrize("size", [1, 15])
def test_the_action_page_costs_the_same_queries_with_many_comments(
    action, world, client_for, role, size, django_assert_num_queries
):
    people = [world["people"][key] for key in ("representative", "other_representative", "coordinator")]
    for number in range(size):
        answered = ProgressUpdateFactory(action=action, text=f"Läge {number}")
        comments.add_comment(action, people[number % 3], f"Svar {number}", progress_update=answered)
        comments.add_comment(action, people[(number + 1) % 3], f"Kommentar {number}")
    client = client_for(role)
    client.get(action.get_absolute_url())
    with django_assert_num_queries(PAGE[role]):
        html = client.get(action.get_absolute_url()).content.decode()
    assert html.count('class="comment"') == 2 * size


PAGE = {"representative": 9, "coordinator": 9}  # with whether the person follows the action
