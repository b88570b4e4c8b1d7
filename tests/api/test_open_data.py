"""The open data API: what it gives a visitor is what the public pages show, and nothing else.

Real PostgreSQL and Redis; the page cache is on where ETag, Last-Modified and freshness are tested.
"""

import datetime as dt
import json
import re
import time

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory
from django.utils import timezone
from rdflib import Graph, URIRef
from rdflib import namespace as rdf

from core.models import MeetingStatus, MinutesStatus
from followup.models import Action
from reports.models import Report, ReportKind, ReportStatus
from tests.factories import ActionFactory, AgendaItemFactory, ForumFactory, MeetingFactory
from tests.followup.factories import (
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProgressUpdateFactory,
)
from tests.pages.factories import published_page

pytestmark = pytest.mark.django_db

CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


@pytest.fixture
def public_world(world):
    """Beside the world's meetings: minutes published and not, public and internal actions, a goal and an
    indicator with values, a rights page with a published version and a draft."""
    consultation = world["forums"]["consultation"]
    now = timezone.now()
    held = MeetingFactory(
        forum=consultation,
        title="Samråd i mars",
        starts_at=now - dt.timedelta(days=60),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
        minutes_published_at=now - dt.timedelta(days=50),
    )
    AgendaItemFactory(
        meeting=held,
        title="Modersmål i förskolan",
        decision="<p>Beslut om fler förskoleplatser.</p>",
        minutes_language="sv",
        decision_translation="<p>Päätös lisätä esikoulupaikkoja.</p>",
    )
    in_review = MeetingFactory(
        forum=consultation,
        title="Samråd i maj",
        starts_at=now - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.IN_REVIEW,
    )
    AgendaItemFactory(
        meeting=in_review,
        title="Äldreomsorg",
        decision="<p>Ett beslut som ännu inte är justerat.</p>",
        minutes_language="sv",
        decision_translation="<p>Päätös, jota ei ole vielä tarkastettu.</p>",
    )
    internal_forum = ForumFactory(name="Arbetsgrupp modersmål", is_public=False)
    internal = MeetingFactory(
        forum=internal_forum,
        title="Internt arbetsmöte",
        starts_at=now - dt.timedelta(days=10),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    goal = GoalFactory(title="Språket förs vidare")
    public_action = ActionFactory(
        title="Finskspråkig sagostund",
        department=world["department"],
        is_public=True,
        progress=40,
        responsible=world["people"]["admin_contact"],
    )
    public_action.goals.add(goal)
    ProgressUpdateFactory(
        action=public_action,
        text="Tio sagostunder hölls.",
        progress=40,
        author=world["people"]["admin_contact"],
    )
    internal_action = ActionFactory(
        title="Intern utredning om lokaler", department=world["department"], is_public=False
    )
    internal_action.goals.add(goal)
    indicator = IndicatorFactory(name="Elever i modersmålsundervisning")
    indicator.goals.add(goal)
    IndicatorValueFactory(indicator=indicator, value=17)
    page = published_page(minority=world["minorities"]["finns"])
    published_report = _report(world, published=True)
    unpublished_report = _report(world, published=False)
    return {
        "world": world,
        "published_report": published_report,
        "unpublished_report": unpublished_report,
        "held": held,
        "in_review": in_review,
        "internal": internal,
        "goal": goal,
        "public_action": public_action,
        "internal_action": internal_action,
        "indicator": indicator,
        "page": page,
    }


def _report(world, published: bool) -> Report:
    """A finished quarterly report, with its public version when `published`."""
    from django.core.files.base import ContentFile

    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=dt.date(2026, 4 if published else 7, 1),
        period_end=dt.date(2026, 6 if published else 9, 30),
        language="sv",
        status=ReportStatus.DONE,
        requested_by=world["people"]["coordinator"],
    )
    report.file.save("internal.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    if published:
        report.published_at = timezone.now()
        report.published_by = world["people"]["coordinator"]
        report.public_pages = 4
        report.public_file.save("public.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return report


def api(path: str, client: Client | None = None, **headers):
    response = (client or Client()).get(path, **headers)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return response.json()


def every(path: str) -> list[dict]:
    """Every object of a list, page by page as a harvester reads it."""
    found, url = [], path
    while url:
        body = api(url)
        found.extend(body["results"])
        url = body["next"]
    return found


def linked_ids(html: str, prefix: str) -> set[int]:
    return {int(pk) for pk in re.findall(rf'href="{re.escape(prefix)}(\d+)/"', html)}


def page_html(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_api_gives_a_visitor_what_the_public_pages_show(world, public_world):
    # Meetings: the ones the calendar lists for a visitor, coming and past.
    calendar = page_html("/sv/calendar/list/") + page_html("/sv/calendar/list/?show=past")
    meetings = every("/api/v1/meetings/")
    assert {m["id"] for m in meetings} == linked_ids(calendar, "/sv/meetings/")
    assert public_world["internal"].pk not in {m["id"] for m in meetings}
    # Published minutes: the same list as /minutes/, and the decision the meeting page shows.
    minutes = page_html("/sv/minutes/")
    assert {m["id"] for m in meetings if m["minutes_published"]} == linked_ids(minutes, "/sv/meetings/")
    by_id = {m["id"]: m for m in meetings}
    held = by_id[public_world["held"].pk]
    item = next(item for item in held["agenda"] if item["title"] == "Modersmål i förskolan")
    assert item["decision"] == "<p>Beslut om fler förskoleplatser.</p>"
    assert "Beslut om fler förskoleplatser." in page_html(f"/sv/meetings/{public_world['held'].pk}/")
    # Its Finnish translation, as the Finnish page shows it.
    assert item["decision_translation"] == {
        "language": "fi",
        "text": "<p>Päätös lisätä esikoulupaikkoja.</p>",
    }
    assert "Päätös lisätä esikoulupaikkoja." in page_html(f"/fi/meetings/{public_world['held'].pk}/")
    # Minutes still in review: neither the page nor the API gives the decision.
    review = by_id[public_world["in_review"].pk]
    assert all(item["decision"] == "" and item["minutes"] == "" for item in review["agenda"])
    assert "ännu inte är justerat" not in page_html(f"/sv/meetings/{public_world['in_review'].pk}/")

    # Actions: the public register's, with their progress.
    register = page_html("/sv/followup/actions/")
    actions = every("/api/v1/actions/")
    assert {a["id"] for a in actions} == linked_ids(register, "/sv/followup/actions/")
    assert {a["id"] for a in actions} == set(
        Action.objects.filter(is_public=True).values_list("pk", flat=True)
    )
    action = next(a for a in actions if a["id"] == public_world["public_action"].pk)
    assert (action["progress"], action["updates"][0]["text"]) == (40, "Tio sagostunder hölls.")
    assert "Tio sagostunder hölls." in page_html(f"/sv/followup/actions/{action['id']}/")

    # Goals and indicators: the lists everyone reads; a goal names only its public actions.
    goals = every("/api/v1/goals/")
    assert {g["id"] for g in goals} == linked_ids(page_html("/sv/followup/goals/"), "/sv/followup/goals/")
    goal = next(g for g in goals if g["id"] == public_world["goal"].pk)
    assert goal["actions"] == [public_world["public_action"].pk]
    indicators = every("/api/v1/indicators/")
    assert {i["id"] for i in indicators} == linked_ids(
        page_html("/sv/followup/indicators/"), "/sv/followup/indicators/"
    )
    indicator = next(i for i in indicators if i["id"] == public_world["indicator"].pk)
    assert [v["value"] for v in indicator["values"]] == ["17.00"]

    # Reports: the public archive's, each with its public PDF only.
    reports = every("/api/v1/reports/")
    archive = page_html("/sv/reports/public/")
    assert {r["id"] for r in reports} == {
        int(pk) for pk in re.findall(r'href="/sv/reports/public/(\d+)/pdf/"', archive)
    }
    assert (
        reports[0]["pdf"] == f"http://testserver/sv/reports/public/{public_world['published_report'].pk}/pdf/"
    )
    assert reports[0]["pages"] == 4
    assert Client().get(reports[0]["pdf"].removeprefix("http://testserver")).status_code == 200

    # Rights pages: the ones the index links, with the text last published.
    pages = every("/api/v1/rights-pages/")
    index = page_html("/sv/rights/")
    assert {p["slug"] for p in pages} == set(re.findall(r'href="/sv/rights/([a-z0-9-]+)/sv/"', index)) - {
        "in"
    }
    version = pages[0]["versions"][0]
    assert version["title"] in page_html(f"/sv/rights/{pages[0]['slug']}/")


def test_nothing_that_is_not_public_is_given_to_anyone(world, public_world, client_for):
    from pages.services import save_version

    page = public_world["page"]
    save_version(
        page,
        "sv",
        title="Utkast som inte är publicerat",
        summary="",
        body="Hemligt utkast.",
        status="draft",
        user=None,
    )
    names = [person.full_name for person in world["people"].values()]
    for role in ("anonymous", "coordinator", "administrator"):
        client = client_for(role)
        body = ""
        for dataset in ("meetings", "goals", "indicators", "actions", "rights-pages", "reports"):
            body += json.dumps(api(f"/api/v1/{dataset}/?page_size=200", client), ensure_ascii=False)
        hidden_texts = (
            "Internt arbetsmöte",
            "Intern utredning om lokaler",
            "Hemligt utkast",
            "ännu inte är justerat",
            "ei ole vielä tarkastettu",
        )
        for hidden in hidden_texts:
            assert hidden not in body, (role, hidden)
        for name in names:
            assert name not in body, (role, name)
        assert client.get(f"/api/v1/actions/{public_world['internal_action'].pk}/").status_code == 404
        assert client.get(f"/api/v1/meetings/{public_world['internal'].pk}/").status_code == 404
        assert client.get(f"/api/v1/meetings/{world['meetings']['planned'].pk}/").status_code == 404
        assert client.get(f"/api/v1/reports/{public_world['unpublished_report'].pk}/").status_code == 404
        assert "internal.pdf" not in body


def test_the_api_is_read_only_and_readable_from_any_site(public_world):
    client = Client()
    before = Action.objects.count()
    for method in (client.post, client.put, client.patch, client.delete):
        response = method("/api/v1/actions/", data="{}", content_type="application/json")
        assert response.status_code in (403, 405)
    assert Action.objects.count() == before
    response = client.get("/api/v1/actions/", HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/actions/", HTTP_ORIGIN="https://data.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # The portal's own pages are not opened to other sites.
    assert (
        not Client()
        .get("/sv/rights/", HTTP_ORIGIN="https://data.example.org")
        .has_header("Access-Control-Allow-Origin")
    )


def test_lists_are_paginated_and_every_answer_names_its_licence(public_world):
    ActionFactory.create_batch(3, is_public=True)
    first = Client().get("/api/v1/actions/?page_size=2")
    body = first.json()
    assert body["count"] == 4 and len(body["results"]) == 2 and body["next"]
    assert f'<{CC0}>; rel="license"' == first["Link"]
    assert len(every("/api/v1/actions/?page_size=2")) == 4
    assert Client().get("/api/v1/actions/?page=9").status_code == 404


def test_names_come_in_the_language_asked_for(public_world):
    action = public_world["public_action"]
    action.title_fi = "Suomenkielinen satutuokio"
    action.save()
    assert api(f"/api/v1/actions/{action.pk}/?lang=fi")["title"] == "Suomenkielinen satutuokio"
    assert api(f"/api/v1/actions/{action.pk}/")["title"] == "Finskspråkig sagostund"
    refused = Client().get("/api/v1/actions/?lang=tlh")
    assert refused.status_code == 400 and "lang" in refused.json()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def test_an_unchanged_answer_is_not_sent_twice_and_a_change_is_seen_at_once(
    public_world, page_cache, django_capture_on_commit_callbacks
):
    client = Client()
    first = client.get("/api/v1/actions/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/api/v1/actions/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/v1/actions/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    action = public_world["public_action"]
    with django_capture_on_commit_callbacks(execute=True):  # the data version moves on when the write commits
        action.progress = 90
        action.save()
    changed = client.get("/api/v1/actions/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert next(a for a in changed.json()["results"] if a["id"] == action.pk)["progress"] == 90


def test_a_client_that_asks_too_often_is_told_to_wait(public_world, settings, page_cache):
    settings.API_RATE_LIMIT = "3/minute"
    client = Client()
    statuses = [client.get("/api/v1/goals/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/goals/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    # A forged X-Forwarded-For does not buy another address.
    assert client.get("/api/v1/goals/", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429


def test_the_openapi_description_covers_every_dataset(public_world):
    response = Client().get("/api/openapi.json")
    schema = json.loads(response.content)
    assert schema["info"]["license"]["url"] == CC0
    for dataset in ("meetings", "goals", "indicators", "actions", "rights-pages", "reports"):
        assert f"/api/v1/{dataset}/" in schema["paths"]
    assert "get" in schema["paths"]["/api/v1/actions/{id}/"]
    assert not any(set(operations) - {"get", "parameters"} for operations in schema["paths"].values())


def test_the_openapi_description_is_valid_and_unambiguous(tmp_path):
    """drf-spectacular validates the schema against the OpenAPI 3 specification and fails on any warning."""
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "openapi.yaml"))
    assert "/api/v1/reports/{id}/" in (tmp_path / "openapi.yaml").read_text()


def test_the_dcat_catalogue_lists_every_dataset_for_the_data_portal(public_world):
    response = Client().get("/api/catalogue.rdf")
    assert response["Content-Type"].startswith("application/rdf+xml")
    graph = Graph().parse(data=response.content, format="xml")
    catalogue = next(graph.subjects(rdf.RDF.type, rdf.DCAT.Catalog))
    assert (catalogue, rdf.DCTERMS.license, URIRef(CC0)) in graph
    assert {literal.language for literal in graph.objects(catalogue, rdf.DCTERMS.title)} == {"sv", "fi", "en"}
    datasets = list(graph.objects(catalogue, rdf.DCAT.dataset))
    assert len(datasets) == 6
    for dataset in datasets:
        assert graph.value(dataset, rdf.DCTERMS.publisher) is not None
        assert graph.value(dataset, rdf.DCAT.contactPoint) is not None
        distribution = graph.value(dataset, rdf.DCAT.distribution)
        address = str(graph.value(distribution, rdf.DCAT.accessURL)).removeprefix("http://testserver")
        assert Client().get(address).status_code == 200
        assert (distribution, rdf.DCTERMS.license, URIRef(CC0)) in graph


def test_a_browser_at_the_api_is_shown_its_documentation(public_world):
    response = Client().get("/api/", HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert response.status_code == 302 and response["Location"] == "/sv/open-data/"
    html = page_html("/fi/open-data/")
    assert 'href="http://testserver/api/openapi.json"' in html and CC0 in html
    program = api("/api/")
    assert program["licence"] == CC0 and set(program["datasets"]) == {
        "meetings",
        "goals",
        "indicators",
        "actions",
        "rights-pages",
        "reports",
    }


@pytest.mark.parametrize(
    ("dataset", "queries"),
    [("meetings", 3), ("goals", 6), ("indicators", 5), ("actions", 5), ("rights-pages", 4), ("reports", 2)],
)
def test_a_list_costs_the_same_queries_whatever_its_length(
    public_world, dataset, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        api(f"/api/v1/{dataset}/")
    MeetingFactory.create_batch(3, forum=public_world["held"].forum)
    ActionFactory.create_batch(3, is_public=True)
    GoalFactory.create_batch(3)
    IndicatorFactory.create_batch(3)
    for _ in range(3):
        _report(public_world["world"], published=True)
    with django_assert_num_queries(queries):
        api(f"/api/v1/{dataset}/")


def _asking(address: str):
    from rest_framework.request import Request

    return Request(RequestFactory().get("/api/v1/goals/", REMOTE_ADDR=address))


def test_the_limit_holds_when_many_workers_answer_one_client_at_once(settings, page_cache):
    """Each request is counted by one script Redis runs whole: none is lost between the check and the count
    (the list REST framework keeps was read by two workers before either wrote it back)."""
    from concurrent.futures import ThreadPoolExecutor

    from api.throttling import OpenDataThrottle

    settings.API_RATE_LIMIT = "10/minute"
    request = _asking("198.51.100.7")
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: OpenDataThrottle().allow_request(request, None), range(24)))
    assert answers.count(True) == 10 and answers.count(False) == 14
    # Another address has a count of its own.
    assert OpenDataThrottle().allow_request(_asking("198.51.100.8"), None)


def test_the_window_slides_and_retry_after_says_when_to_come_back(settings, page_cache):
    from api.throttling import OpenDataThrottle

    settings.API_RATE_LIMIT = "3/minute"
    request = _asking("198.51.100.9")
    start = (int(time.time()) // 60 + 1) * 60  # a window's start, so that the test knows where it stands

    def ask(at: float) -> OpenDataThrottle:
        throttle = OpenDataThrottle()
        throttle.timer = lambda: at
        throttle.allowed = throttle.allow_request(request, None)
        return throttle

    assert [ask(start + 50).allowed for _ in range(4)] == [True, True, True, False]
    refused = ask(start + 50)
    # This window is full: at the next one, its three still weigh three until a moment has passed.
    assert refused.wait() == 11
    assert not ask(start + 50 + 10).allowed
    # 11 s on, the three weigh 3 × 59/60: one more gets through, and then the estimate is over again.
    assert ask(start + 50 + 11).allowed
    later = ask(start + 50 + 11)
    assert not later.allowed
    # 1 + 3 × (59 - t)/60 < 3 once t > 19: twenty seconds on.
    assert later.wait() == 20
    assert not ask(start + 61 + 19).allowed
    assert ask(start + 61 + 20).allowed
