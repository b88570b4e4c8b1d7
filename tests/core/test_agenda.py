"""A meeting's agenda: items added before any other business, moved only up or down, never deleted once
minuted, one compact control per item."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.models import AgendaItem


class _Controls(HTMLParser):
    """The agenda items' controls: each button's and link's accessible name (aria-hidden text left out)."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.controls: list[dict] = []
        self.current: dict | None = None
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"br", "input", "img", "meta", "link"}:
            return
        self.stack.append((tag, attrs))
        if attrs.get("aria-hidden") == "true":
            self.hidden += 1
        in_actions = any("item-actions" in (a.get("class") or "").split() for _, a in self.stack)
        if tag in {"button", "a"} and in_actions:
            form = next((a for t, a in reversed(self.stack) if t == "form"), None)
            self.current = {
                "tag": tag,
                "name": "",
                "label": attrs.get("aria-label"),
                "form_method": form and form.get("method"),
            }

    def handle_endtag(self, tag):
        if not self.stack:
            return
        open_tag, attrs = self.stack.pop()
        if attrs.get("aria-hidden") == "true":
            self.hidden -= 1
        if tag in {"button", "a"} and self.current is not None:
            # aria-label wins over the content, as in the accessible name computation.
            self.current["name"] = " ".join((self.current["label"] or self.current["name"]).split())
            self.controls.append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.hidden:
            self.current["name"] += data


def test_agenda_items_are_added_before_any_other_business_and_can_be_moved(client_for, world):
    meeting = world["meetings"]["finnish"]
    client = client_for("coordinator")
    client.post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}),
        {"title": "Ny punkt", "presenter_name": "Gäst", "duration_minutes": 15},
    )
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles[-2:] == ["Ny punkt", "Övriga frågor"]
    new = meeting.agenda_items.get(title="Ny punkt")
    client.post(reverse("core:agenda_item_move", kwargs={"pk": new.pk}), {"direction": "up"})
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles.index("Ny punkt") == 0


def test_any_other_business_added_by_hand_goes_last(client_for, world):
    meeting = world["meetings"]["finnish"]
    meeting.agenda_items.filter(title="Övriga frågor").delete()
    client_for("coordinator").post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}), {"title": "Övriga frågor"}
    )
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles[-1] == "Övriga frågor"


def test_an_item_with_minutes_is_not_deleted(client_for, world):
    meeting = world["meetings"]["roma"]
    minuted, plain = meeting.agenda_items.order_by("position")[:2]
    AgendaItem.objects.filter(pk=minuted.pk).update(minutes="<p>Protokollförd</p>")
    client = client_for("coordinator")
    refused = client.post(reverse("core:agenda_item_delete", kwargs={"pk": minuted.pk}), follow=True)
    assert refused.redirect_chain == [(meeting.get_absolute_url(), 302)]
    assert "En punkt som har protokollstext eller bilagor kan inte tas bort." in refused.content.decode()
    assert AgendaItem.objects.filter(pk=minuted.pk).exists()
    # The same request removes an item with nothing minuted: the refusal was the minutes, not the request.
    removed = client.post(reverse("core:agenda_item_delete", kwargs={"pk": plain.pk}), follow=True)
    assert "Punkten har tagits bort från dagordningen." in removed.content.decode()
    assert not AgendaItem.objects.filter(pk=plain.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("direction", ["sideways", "", "UP", "down "])
def test_an_agenda_item_is_moved_only_up_or_down(client_for, world, direction):
    meeting = world["meetings"]["finnish"]
    before = list(meeting.agenda_items.order_by("position").values_list("pk", flat=True))
    item = meeting.agenda_items.order_by("position").first()
    response = client_for("coordinator").post(
        reverse("core:agenda_item_move", kwargs={"pk": item.pk}), {"direction": direction}, follow=True
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        gettext("Choose whether to move the item up or down.")
    ]
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == before


def test_agenda_items_have_one_compact_control_of_buttons_named_after_the_item(client_for, world):
    meeting = world["meetings"]["finnish"]
    with translation.override("en"):
        page = client_for("coordinator").get(reverse("core:meeting_detail", kwargs={"pk": meeting.pk}))
    html = page.content.decode()
    assert html.count('class="item-actions"') == meeting.agenda_items.count()
    parser = _Controls()
    parser.feed(html)
    moves = [c for c in parser.controls if c["name"].startswith(("Move up", "Move down"))]
    assert {c["name"] for c in moves} == {
        "Move down: Återkoppling från förvaltningen (finnish)",
        "Move up: Övriga frågor",
    }
    assert all(c["tag"] == "button" and c["form_method"] == "post" for c in moves)
    names = [c["name"] for c in parser.controls]
    assert len(names) == len(set(names)), names
    assert "Edit: Övriga frågor" in names
