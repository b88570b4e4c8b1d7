"""Minutes, answers and progress updates in both languages: a text written in Swedish or Finnish may carry its
translation into the other; a page shows the reader's language where it exists, says when it is a
translation, and marks the original with `lang` where the reader's language is missing."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.forms.fields import NO_TRANSLATION_FOR_LANGUAGE
from dialogues.models import Commitment
from followup.models import ActionStatus, ProgressUpdate
from tests.dialogues.factories import CommitmentFactory
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

SWEDISH_DECISION = "<p>Förvaltningen återkommer i maj.</p>"
FINNISH_DECISION = "<p>Hallinto palaa asiaan toukokuussa.</p>"


def in_language(language: str, url_of) -> str:
    with translation.override(language):
        return url_of()


def text_in(language: str, msgid: str) -> str:
    """A UI string as a page in that language shows it (the msgid itself until the catalog has it)."""
    with translation.override(language):
        return gettext(msgid)


def test_a_swedish_decision_is_read_in_finnish_on_finnish_pages_and_in_swedish_on_swedish_ones(
    client_for, world
):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    item.minutes_language = "sv"
    item.decision = SWEDISH_DECISION
    item.decision_translation = FINNISH_DECISION
    item.save()
    client = client_for("coordinator")

    finnish = client.get(in_language("fi", meeting.get_absolute_url)).content.decode()
    assert f'<div class="richtext">{FINNISH_DECISION}</div>' in finnish
    assert "Förvaltningen återkommer" not in finnish
    assert text_in("fi", "Translated from Swedish") in finnish

    swedish = client.get(in_language("sv", meeting.get_absolute_url)).content.decode()
    assert f'<div class="richtext">{SWEDISH_DECISION}</div>' in swedish
    assert "Hallinto palaa" not in swedish
    assert 'class="meta translation-note"' not in swedish


def test_a_finnish_text_without_translation_is_shown_on_a_swedish_page_marked_finnish(client_for, world):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    item.minutes_language = "fi"
    item.decision = FINNISH_DECISION
    item.save()

    swedish = client_for("coordinator").get(in_language("sv", meeting.get_absolute_url)).content.decode()
    assert f'<div class="richtext" lang="fi">{FINNISH_DECISION}</div>' in swedish
    assert 'class="meta translation-note"' not in swedish


def test_a_translation_written_in_the_minutes_form_is_stored_sanitised(client_for, world):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    client = client_for("coordinator")
    url = reverse("core:minutes_edit", kwargs={"pk": meeting.pk})
    form_page = client.get(url).content.decode()
    assert text_in("sv", "translation into Finnish") in form_page

    client.post(
        url,
        {
            f"item-{item.pk}-minutes_language": "sv",
            f"item-{item.pk}-decision": "Förvaltningen återkommer i maj.",
            f"item-{item.pk}-decision_translation": "<p>Hallinto palaa <strong>asiaan</strong>.</p>"
            '<script>alert(1)</script><a href="javascript:alert(2)">linkki</a>',
        },
    )
    item.refresh_from_db()
    assert item.decision == SWEDISH_DECISION
    assert "<strong>asiaan</strong>" in item.decision_translation
    assert "script" not in item.decision_translation and "javascript:" not in item.decision_translation
    finnish = client.get(in_language("fi", meeting.get_absolute_url)).content.decode()
    assert "<strong>asiaan</strong>" in finnish and "alert(1)" not in finnish


def test_a_translation_of_an_english_text_is_refused_and_changes_nothing(client_for, world):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    response = client_for("coordinator").post(
        reverse("core:minutes_edit", kwargs={"pk": meeting.pk}),
        {
            f"item-{item.pk}-minutes_language": "en",
            f"item-{item.pk}-decision": "The department comes back in May.",
            f"item-{item.pk}-decision_translation": "Förvaltningen återkommer i maj.",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ds-error-summary" in page
    with translation.override("sv"):
        assert str(NO_TRANSLATION_FOR_LANGUAGE) in page
    item.refresh_from_db()
    assert (item.decision, item.decision_translation) == ("", "")


def test_a_commitment_answer_with_a_translation_is_read_in_the_readers_language(client_for, world):
    commitment = CommitmentFactory(
        agenda_item=world["meetings"]["finnish"].agenda_items.first(),
        department=world["department"],
        created_by=world["people"]["coordinator"],
    )
    client = client_for("admin_contact")
    response = client.post(
        reverse("dialogues:commitment_answer", kwargs={"pk": commitment.pk}),
        {
            "answer": "Elva medarbetare talar finska.",
            "answer_language": "sv",
            "answer_translation": "Yksitoista työntekijää puhuu suomea.",
        },
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.answer_translation == "Yksitoista työntekijää puhuu suomea."

    finnish = client.get(in_language("fi", commitment.get_absolute_url)).content.decode()
    assert '<div id="commitment-answer"><p>Yksitoista työntekijää puhuu suomea.</p></div>' in finnish
    assert text_in("fi", "Translated from Swedish") in finnish
    swedish = client.get(in_language("sv", commitment.get_absolute_url)).content.decode()
    assert '<div id="commitment-answer"><p>Elva medarbetare talar finska.</p></div>' in swedish


def test_a_progress_update_in_finnish_with_a_swedish_translation_is_read_in_swedish(client_for, world):
    action = ActionFactory(department=world["department"], status=ActionStatus.PLANNED, progress=0)
    client_for("admin_contact").post(
        reverse("followup:action_update", kwargs={"pk": action.pk}),
        {
            "written_on": timezone.localdate().isoformat(),
            "text": "Osasto on avattu.",
            "language": "fi",
            "text_translation": "Avdelningen har öppnat.",
            "status": ActionStatus.ONGOING,
            "progress": 40,
        },
    )
    update = ProgressUpdate.objects.get(action=action)
    assert (update.language, update.text_translation) == ("fi", "Avdelningen har öppnat.")

    reader = client_for("politician")
    swedish = reader.get(in_language("sv", action.get_absolute_url)).content.decode()
    assert '<div class="update-text"><p>Avdelningen har öppnat.</p></div>' in swedish
    assert text_in("sv", "Translated from Finnish") in swedish
    finnish = reader.get(in_language("fi", action.get_absolute_url)).content.decode()
    assert '<div class="update-text"><p>Osasto on avattu.</p></div>' in finnish
    english = reader.get(in_language("en", action.get_absolute_url)).content.decode()
    assert '<div class="update-text" lang="fi"><p>Osasto on avattu.</p></div>' in english
