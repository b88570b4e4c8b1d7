"""The state grant for the Finnish administrative area: the coordinator records each year's grant and what
it was used for, linked to the actions it paid for; politicians read the account; bad input changes nothing;
the yearly report gives the account to the county administrative board."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from followup.models import GrantUse, StateGrant
from reports import tasks
from reports.models import Report, ReportKind
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GrantCategoryFactory, GrantUseFactory, StateGrantFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_records_a_grant_and_a_second_one_for_the_same_year_is_refused(client_for, world):
    client = client_for("coordinator")
    year = timezone.localdate().year
    response = client.post(
        reverse("followup:grant_create"),
        {"year": year, "amount": "1150000", "report_due_on": f"{year + 1}-03-31", "note": ""},
    )
    grant = StateGrant.objects.get(year=year)
    assert response.status_code == 302 and response["Location"] == grant.get_absolute_url()
    assert grant.amount == 1_150_000 and grant.history.first().history_user == world["people"]["coordinator"]

    again = client.post(reverse("followup:grant_create"), {"year": year, "amount": "5"})
    assert again.status_code == 200
    assert "Ett statsbidrag för det året är redan registrerat." in again.content.decode()
    assert StateGrant.objects.get(year=year).amount == 1_150_000

    negative = client.post(reverse("followup:grant_create"), {"year": year + 1, "amount": "-1"})
    assert negative.status_code == 200 and not StateGrant.objects.filter(year=year + 1).exists()


def test_uses_are_linked_to_the_years_actions_and_the_account_shows_what_remains(client_for, world):
    year = timezone.localdate().year
    grant = StateGrantFactory(year=year, amount=1_000_000)
    category = GrantCategoryFactory(name="Äldreomsorg", name_sv="Äldreomsorg")
    this_year = ActionFactory(cycle=CycleFactory(year=year), title_sv="Hemtjänst på finska")
    last_year = ActionFactory(cycle=CycleFactory(year=year - 1), title_sv="Gammal insats")
    client = client_for("coordinator")
    url = reverse("followup:grant_use_create", kwargs={"year": year})

    form = client.get(url).content.decode()
    assert "Hemtjänst på finska" in form and "Gammal insats" not in form

    # An action of another year is not a valid choice: nothing is stored.
    refused = client.post(
        url,
        {
            "category": category.pk,
            "amount": "300000",
            "description": "Språkutbildning",
            "actions": [last_year.pk],
        },
    )
    assert refused.status_code == 200 and not GrantUse.objects.exists()
    assert "Välj ett giltigt alternativ" in refused.content.decode()

    client.post(
        url,
        {
            "category": category.pk,
            "amount": "300000",
            "description": "Språkutbildning",
            "actions": [this_year.pk],
        },
    )
    use = GrantUse.objects.get()
    assert list(use.actions.all()) == [this_year] and use.recorded_by == world["people"]["coordinator"]

    page = client_for("politician").get(grant.get_absolute_url()).content.decode()
    assert "Hemtjänst på finska" in page and "Språkutbildning" in page
    assert "700\xa0000 kr" in page  # remaining
    assert reverse("followup:grant_use_edit", kwargs={"pk": use.pk}) not in page  # politicians only read
    listing = client_for("politician").get(reverse("followup:grant_list")).content.decode()
    assert f'id="grant-{year}"' in listing and "300\xa0000" in listing


def test_uses_beyond_the_grant_are_flagged(client_for, world):
    grant = StateGrantFactory(amount=100_000)
    GrantUseFactory(grant=grant, amount=80_000)
    GrantUseFactory(grant=grant, amount=45_000)
    page = client_for("coordinator").get(grant.get_absolute_url()).content.decode()
    assert 'id="over-grant"' in page and "25\xa0000 kr" in page


def test_a_use_is_changed_and_removed_after_asking_and_the_history_keeps_it(client_for, world):
    use = GrantUseFactory(amount=50_000, description="Tolkning")
    client = client_for("coordinator")
    edit = reverse("followup:grant_use_edit", kwargs={"pk": use.pk})
    client.post(edit, {"category": use.category.pk, "amount": "60000", "description": "Tolkning och lokaler"})
    use.refresh_from_db()
    assert use.amount == 60_000 and use.description == "Tolkning och lokaler"

    delete = reverse("followup:grant_use_delete", kwargs={"pk": use.pk})
    assert "Ta bort 60\xa0000 kr" in client.get(delete).content.decode()
    assert GrantUse.objects.filter(pk=use.pk).exists()  # asking removes nothing
    response = client.post(delete)
    assert response.status_code == 302 and not GrantUse.objects.filter(pk=use.pk).exists()
    assert GrantUse.history.filter(id=use.pk, history_type="-").exists()


def test_without_categories_the_coordinator_is_told_who_adds_them(client_for, world):
    grant = StateGrantFactory()
    page = client_for("coordinator").get(reverse("followup:grant_use_create", kwargs={"year": grant.year}))
    assert (
        'id="no-categories"' in page.content.decode() and 'id="grant-use-form"' not in page.content.decode()
    )


def test_the_grant_page_costs_the_same_queries_for_one_use_and_many(
    client_for, world, django_assert_num_queries
):
    grant = StateGrantFactory()
    client = client_for("coordinator")
    url = grant.get_absolute_url()

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    use = GrantUseFactory(grant=grant)
    use.actions.add(ActionFactory())
    client.get(url)  # the first request of a session also saves the session
    few = count()
    assert few == 4  # the session with the person, the grant, uses with categories, their actions
    for _ in range(8):
        GrantUseFactory(grant=grant).actions.add(ActionFactory(), ActionFactory())
    assert count() == few


def test_the_grant_list_costs_the_same_queries_for_one_year_and_many(client_for, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("politician")
    url = reverse("followup:grant_list")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    GrantUseFactory(grant=StateGrantFactory(year=2020))
    client.get(url)  # the first request of a session also saves the session
    few = count()
    # The session with the person, the grants with their sums; the rules refusing a politician the change link costs no
    # query of Django's permission tables (core/auth_backends.py).
    assert few == 2
    for year in range(2021, 2027):
        GrantUseFactory(grant=StateGrantFactory(year=year))
    assert count() == few


@pytest.mark.parametrize(
    ("language", "heading", "granted"),
    [
        ("sv", "Användning av statsbidraget", "Beviljat för"),
        ("fi", "valtionavustuksen käyttö", "Myönnetty vuodelle"),
    ],
)
def test_the_yearly_report_accounts_for_the_grant_in_its_language(world, language, heading, granted):
    year = timezone.localdate().year - 1
    grant = StateGrantFactory(year=year, amount=1_150_000, report_due_on=dt.date(year + 1, 3, 31))
    action = ActionFactory(
        cycle=CycleFactory(year=year), title_sv="Sommarläger på finska", title_fi="Suomenkielinen kesäleiri"
    )
    use = GrantUseFactory(grant=grant, amount=125_000, description="Lägerkostnader")
    use.actions.add(action)
    report = Report.objects.create(
        kind=ReportKind.YEARLY,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        language=language,
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert heading in text and granted in text
    assert "1\xa0150\xa0000" in text and "125\xa0000" in text and "Lägerkostnader" in text
    assert ("Sommarläger på finska" if language == "sv" else "Suomenkielinen kesäleiri") in text
    assert report.snapshot["yearly"]["grant"]["remaining"] == 1_025_000
