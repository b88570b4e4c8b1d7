"""The agenda's writes in core.services: concurrent additions, removal and moves keep the positions right."""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from core import services
from core.models import AgendaItem
from tests.factories import AgendaItemFactory, MeetingFactory, UserFactory


def _positions(meeting) -> list[tuple[str, int]]:
    return list(meeting.agenda_items.order_by("position", "pk").values_list("title", "position"))


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_adding_at_once_get_consecutive_positions(monkeypatch):
    """Each addition reads the agenda, then writes: the meeting lock makes the second read after the first write."""
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, title="Opening", position=1)
    by = UserFactory()
    # Without the lock both additions reach this barrier having read the same agenda, then both write.
    # With it the second waits for the lock, so the first gives up waiting here and commits.
    read_both = threading.Barrier(2, timeout=3)
    save = AgendaItem.save

    def save_after_both_read(item, *args, **kwargs):
        if item.pk is None:
            with contextlib.suppress(threading.BrokenBarrierError):
                read_both.wait()
        return save(item, *args, **kwargs)

    monkeypatch.setattr(AgendaItem, "save", save_after_both_read)
    errors: list[BaseException] = []

    def add(title: str) -> None:
        try:
            services.add_agenda_item(meeting, AgendaItem(title=title), by)
        except BaseException as error:  # noqa: BLE001 - reported by the test thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(title,)) for title in ("First", "Second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    positions = [position for _title, position in _positions(meeting)]
    assert positions == [1, 2, 3]


@pytest.mark.django_db
def test_removing_an_item_leaves_the_others_where_they_were():
    meeting = MeetingFactory()
    for position, title in enumerate(["Opening", "Budget", "Reading aloud", "Closing"], start=1):
        AgendaItemFactory(meeting=meeting, title=title, position=position)
    by = UserFactory()
    services.remove_agenda_item(meeting.agenda_items.get(title="Budget"), by)
    assert _positions(meeting) == [("Opening", 1), ("Reading aloud", 3), ("Closing", 4)]
    record = AgendaItem.history.filter(title="Budget").latest("history_date")
    assert (record.history_type, record.history_user) == ("-", by)


@pytest.mark.django_db
def test_an_item_with_a_decision_is_not_removed():
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="Budget", position=1, decision="<p>Approved</p>")
    with pytest.raises(ValidationError):
        services.remove_agenda_item(item, UserFactory())
    assert meeting.agenda_items.filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_moving_an_item_swaps_it_with_its_neighbour_and_numbers_the_agenda():
    meeting = MeetingFactory()
    for position, title in [(1, "Opening"), (4, "Budget"), (7, "Closing")]:
        AgendaItemFactory(meeting=meeting, title=title, position=position)
    by = UserFactory()
    budget = meeting.agenda_items.get(title="Budget")
    services.move_agenda_item(budget, "up", by)
    assert _positions(meeting) == [("Budget", 1), ("Opening", 2), ("Closing", 3)]
    services.move_agenda_item(budget, "down", by)
    services.move_agenda_item(budget, "down", by)
    assert _positions(meeting) == [("Opening", 1), ("Closing", 2), ("Budget", 3)]


@pytest.mark.django_db
def test_the_first_item_does_not_move_up_nor_the_last_down():
    meeting = MeetingFactory()
    for position, title in enumerate(["Opening", "Closing"], start=1):
        AgendaItemFactory(meeting=meeting, title=title, position=position)
    by = UserFactory()
    services.move_agenda_item(meeting.agenda_items.get(title="Opening"), "up", by)
    services.move_agenda_item(meeting.agenda_items.get(title="Closing"), "down", by)
    assert _positions(meeting) == [("Opening", 1), ("Closing", 2)]
    with pytest.raises(ValueError):
        services.move_agenda_item(meeting.agenda_items.get(title="Opening"), "sideways", by)


@pytest.mark.django_db
def test_saving_an_item_keeps_the_place_a_move_gave_it_meanwhile():
    meeting = MeetingFactory()
    opening = AgendaItemFactory(meeting=meeting, title="Opening", position=1)
    AgendaItemFactory(meeting=meeting, title="Closing", position=2)
    by = UserFactory()
    stale = AgendaItem.objects.get(pk=opening.pk)
    services.move_agenda_item(opening, "down", by)
    stale.title = "Welcome"
    services.update_agenda_item(stale, by)
    assert _positions(meeting) == [("Closing", 1), ("Welcome", 2)]
