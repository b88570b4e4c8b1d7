"""Language of parts (WCAG 3.1.2): a text shown in another language than the page's is marked with it, in
pages (lang="…" on its element) and in report PDFs (/Lang on its structure element), modeltranslation's
fallbacks included; and every text people write records its language, chosen from the writer's."""

import datetime as dt
import io
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from core.models import AgendaItem
from dialogues.models import Commitment
from followup.models import ActionStatus, ProgressUpdate
from proposals.models import Comment, Proposal
from reports import tasks
from reports.models import Report, ReportKind, previous_quarter
from tests.factories import ActionFactory, CycleFactory, ForumFactory
from tests.followup.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def element_with(page: str, text: str) -> str:
    """The start tag of the innermost element whose content begins with `text`."""
    match = re.search(r"<([a-z0-9]+)([^>]*)>\s*(?:<p>)?" + re.escape(text), page)
    assert match, f"{text!r} not found"
    return match.group(0)


def test_a_swedish_progress_update_on_a_finnish_page_is_marked_swedish(client_for, world):
    action = ActionFactory(department=world["department"], is_public=True)
    ProgressUpdateFactory(action=action, text="Avdelningen har öppnat i mars.", language="sv")
    ProgressUpdateFactory(action=action, text="Osasto avattiin maaliskuussa.", language="fi")
    with translation.override("fi"):
        url = reverse("followup:action_detail", kwargs={"pk": action.pk})
    page = client_for("coordinator").get(url).content.decode()
    assert '<html lang="fi"' in page
    assert 'lang="sv"><p>Avdelningen har öppnat i mars.' in page
    # The update in the page's own language needs no mark.
    finnish = page.split("Osasto avattiin maaliskuussa.")[0].rsplit("<div", 1)[1]
    assert "lang=" not in finnish


def test_a_finnish_proposal_title_on_a_swedish_page_is_marked_finnish(client_for, world):
    representative = world["people"]["representative"]
    proposal = Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=representative,
        title="Suomenkielinen vanhustenhoito",
        description="Kuvaus",
        language="fi",
    )
    mine = client_for("representative").get(reverse("proposals:mine")).content.decode()
    assert 'lang="fi">Suomenkielinen vanhustenhoito</a>' in mine
    detail = client_for("representative").get(proposal.get_absolute_url()).content.decode()
    assert '<h1 class="ds-heading" data-size="lg" lang="fi">Suomenkielinen vanhustenhoito</h1>' in detail


def test_a_forum_name_shown_in_its_swedish_fallback_on_a_finnish_page_is_marked_swedish(client, world):
    forum = world["forums"]["consultation"]
    assert not forum.name_fi
    with translation.override("fi"):
        detail = client.get(reverse("core:forum_detail", kwargs={"slug": forum.slug})).content.decode()
        listing = client.get(reverse("core:forum_list")).content.decode()
    assert (
        '<h1 class="ds-heading" data-size="lg"><span lang="sv">Politiska samrådsgruppen</span></h1>' in detail
    )
    assert '<span lang="sv">Politiska samrådsgruppen</span>' in listing
    # Translated, it is in the page's language and unmarked.
    forum.name_fi = "Poliittinen neuvonpitoryhmä"
    forum.save()
    with translation.override("fi"):
        detail = client.get(reverse("core:forum_detail", kwargs={"slug": forum.slug})).content.decode()
    assert '<h1 class="ds-heading" data-size="lg">Poliittinen neuvonpitoryhmä</h1>' in detail


def test_the_translated_tag_marks_only_a_fallback():
    forum = ForumFactory.build(name_sv="Samrådet", name_fi="", name_en="The consultation")
    template = Template('{% load content_language %}{% translated forum "name" %}|{% lang_attr "sv" %}')
    with translation.override("fi"):
        assert template.render(Context({"forum": forum})) == '<span lang="sv">Samrådet</span>| lang="sv"'
    with translation.override("en"):
        assert template.render(Context({"forum": forum})) == 'The consultation| lang="sv"'
    with translation.override("sv"):
        assert template.render(Context({"forum": forum})) == "Samrådet|"


def structure_languages(reader: PdfReader) -> list[tuple[str, str]]:
    """(structure type, /Lang) of every structure element that names a language, depth first."""
    found = []

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if "/Lang" in node and "/S" in node:
            found.append((str(node["/S"]), str(node["/Lang"])))
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_a_finnish_report_marks_a_swedish_progress_update_swedish_in_the_pdf(world):
    start, end = previous_quarter(timezone.localdate())
    action = ActionFactory(
        title_sv="Finskspråkig avdelning", title_fi="Suomenkielinen osasto", status=ActionStatus.ONGOING
    )
    action.cycle = CycleFactory(year=end.year)
    action.save()
    ProgressUpdateFactory(
        action=action, written_on=end - dt.timedelta(days=3), text="Personalen är anställd.", language="sv"
    )
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY, period_start=start, period_end=end, language="fi"
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    assert report.snapshot["changes"][0]["text_language"] == "sv"
    languages = structure_languages(reader)
    # The table cell with the Swedish text is a structure element of its own, in Swedish.
    assert ("/TD", "sv") in languages


def test_a_progress_update_is_written_in_the_writers_language_unless_they_choose_another(client_for, world):
    action = ActionFactory(department=world["department"], status=ActionStatus.PLANNED, progress=0)
    contact = world["people"]["admin_contact"]
    contact.language = "fi"
    contact.save()
    url = reverse("followup:action_update", kwargs={"pk": action.pk})
    client = client_for("admin_contact")
    form_page = client.get(url).content.decode()
    assert '<option value="fi" selected lang="fi">suomi</option>' in form_page
    post = {
        "written_on": timezone.localdate().isoformat(),
        "text": "Valmis.",
        "status": "ongoing",
        "progress": 10,
    }
    assert client.post(url, post).status_code == 302
    assert client.post(url, {**post, "text": "Klart.", "language": "sv"}).status_code == 302
    assert dict(ProgressUpdate.objects.values_list("text", "language")) == {"Valmis.": "fi", "Klart.": "sv"}


def test_comments_commitments_and_agenda_items_record_their_language(client_for, world):
    representative = world["people"]["representative"]  # writes in Finnish
    proposal = Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"], proposer=representative, title="T", description="D"
    )
    client = client_for("representative")
    client.post(reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": "Hyvä ehdotus."})
    client.post(reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": "Bra.", "language": "sv"})
    assert dict(Comment.objects.values_list("text", "language")) == {"Hyvä ehdotus.": "fi", "Bra.": "sv"}
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert 'class="comment__text" lang="fi">Hyvä ehdotus.' in page
    assert 'class="comment__text">Bra.' in page

    meeting = world["meetings"]["finnish"]
    coordinator = client_for("coordinator")
    response = coordinator.post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}),
        {"title": "Kielipolitiikka", "description": "Taustaa", "language": "fi"},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(title="Kielipolitiikka")
    assert item.language == "fi"
    page = coordinator.get(meeting.get_absolute_url()).content.decode()
    assert '<h3 class="ds-heading" data-size="xs" lang="fi">Kielipolitiikka</h3>' in page

    commitment = Commitment.objects.create(
        agenda_item=item,
        forum=meeting.forum,
        title="Svar om väntetider",
        department=world["department"],
        due_on=timezone.localdate() + dt.timedelta(days=30),
        created_by=world["people"]["coordinator"],
        responsible=world["people"]["admin_contact"],
    )
    assert commitment.language == "sv"  # the page's language when written outside a form
    response = client_for("admin_contact").post(
        reverse("dialogues:commitment_answer", kwargs={"pk": commitment.pk}),
        {"answer": "Jonotusajat lyhenevät.", "answer_language": "fi"},
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.answer_language == "fi"
    page = client_for("coordinator").get(commitment.get_absolute_url()).content.decode()
    assert '<div id="commitment-answer" lang="fi">' in page


def test_a_list_of_languages_names_and_marks_each_in_itself(client_for, world):
    with translation.override("en"):
        page = client_for("resident").get(reverse("core:profile")).content.decode()
    assert 'lang="fi">suomi</option>' in page and 'lang="sv">svenska</option>' in page
