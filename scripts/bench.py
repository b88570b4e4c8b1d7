"""`make bench`: drive the portal's pages with wrk and print how fast they are. scripts/bench.sh runs this.

scripts/bench.sh serves the portal with gunicorn as production does, then calls this script with the
server's address, in the same environment (DATABASE_URL, DEBUG off, the same secret key). Here:

1. Django, set up in this process, finds each page's address (ids come from the database), signs one
   demo person per role in with the test client's force_login (a real session row in the database; its
   cookie is what wrk sends) and counts the SQL queries of a request. The first request of a session may
   fill caches and records its activity time, so the count reported is the second request's.
2. Each page is fetched once from gunicorn; anything but a 200 with the expected content stops the run.
3. wrk drives each page with 16 connections for BENCH_SECONDS, twice: on the portal as production runs it
   (pages from the page cache where they have one) and on a second portal server with the page cache off
   (every request rendered afresh). scripts/bench.lua reports the latencies and counts every answer other
   than 200 as an error. Plain Django (scripts/plain_django.py, a third server) is driven first and last:
   every page's throughput is given as a ratio to it and to the portal's bare view.
4. The quarterly PDF report (manage.py bench_report) and the dashboard's charts (manage.py bench_charts)
   are timed.

The table is printed and written to bench/results-<UTC time>.json and bench/latest.json.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "scripts" / "bench.lua"

CONNECTIONS = 16
THREADS = 2
# Targets, as ratios of plain Django's throughput in the same run: the bare view (the portal's stack alone),
# every page as production serves it (from the page cache where it has one), every page rendered afresh.
TARGET_BARE_RATIO = 0.6
TARGET_CACHED_RATIO = 0.4
TARGET_FRESH_RATIO = 0.2
# p95 as production serves the page, no errors in either run, queries per request rendered afresh.
TARGET_P95_MS = 60
TARGET_QUERIES = 12

# One demo person per role of tests/conftest.py ROLES (demo/haninge.py PEOPLE); anonymous has none.
DEMO_LOGINS = {
    "anonymous": None,
    "resident": "invanare@example.org",
    "representative": "representant@example.org",
    "other_representative": "representant.romer@example.org",
    "admin_contact": "forvaltning@example.org",
    "politician": "politiker@example.org",
    "coordinator": "samordnare@example.org",
    "administrator": "admin@example.org",
}
# base.html shows the person's name in the header only to those signed in.
SIGNED_IN_MARK = 'class="account-nav__name"'


@dataclass
class Page:
    name: str
    role: str  # whose session cookie is sent; "anonymous" sends none
    url: str
    kind: str = "html"  # "html", "ical", "json" or "floor": what the content check looks for
    expect: str = ""  # text the page must contain
    secret: str = ""  # part of the address not to print or save (a feed token)
    cookie: str = ""
    queries_first: int = 0
    queries: int = 0
    queries_cached: int = 0
    load: dict = field(default_factory=dict)
    fresh: dict = field(default_factory=dict)

    @property
    def shown_url(self) -> str:
        return self.url.replace(self.secret, "<token>") if self.secret else self.url


def fail(message: str) -> None:
    sys.exit(f"\nbench: {message}")


# --- 1. Pages, sessions and query counts (Django in this process) -----------------------------------


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haninge_portal.settings")
    import django

    django.setup()


def find_pages(search_word: str) -> tuple[list[Page], dict]:
    """The pages to drive, with their addresses; and the people signed in, by role."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import timezone, translation
    from django.utils.html import escape

    from core.models import Meeting, MeetingStatus, NationalMinority, Tier, User
    from followup.models import ActionStatus, Cycle, current_among
    from search.queries import search

    people = {}
    for role, email in DEMO_LOGINS.items():
        if email is None:
            continue
        people[role] = User.objects.filter(email=email, is_active=True).first()
        if people[role] is None:
            fail(
                f"no active user {email} ({role}) in {settings.DATABASES['default']['NAME']}: load demo data."
            )
    # Coordinators and administrators sign in with an authenticator app in production: give theirs one.
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from core.auth import must_use_second_factor

    for person in people.values():
        if must_use_second_factor(person) and not Authenticator.objects.filter(user=person).exists():
            TOTP.activate(person, generate_totp_secret())
    finns = NationalMinority.objects.filter(slug="sverigefinnar").first()
    meeting = (
        Meeting.objects.filter(forum__tier=Tier.DIALOGUE, forum__minority=finns, status=MeetingStatus.HELD)
        .order_by("-starts_at")
        .first()
    )
    cycle = current_among(list(Cycle.objects.all()), timezone.localdate())
    if finns is None or meeting is None or cycle is None:
        fail("the database needs the Sweden Finns, a held meeting of their dialogue group and a cycle.")
    department = people["admin_contact"].department
    if department is None:
        fail("the administration contact has no department.")
    from duties.models import Duty

    duty = Duty.objects.filter(code="elderly-care").first() or Duty.objects.order_by("pk").first()
    from surveys.models import Questionnaire

    survey = Questionnaire.objects.filter(responses__isnull=False).order_by("-deadline", "-pk").first()
    if survey is None:
        fail("there is no questionnaire: load demo data.")
    if duty is None:
        fail("the register of duties is empty: load demo data.")
    if not sum(group.count for group in search(people["coordinator"], search_word)):
        fail(f"searching for {search_word!r} finds nothing: set BENCH_SEARCH to a word in the data.")

    from django.db.models import Count

    from followup.models import ActionComment
    from proposals.models import Proposal

    # The longest story: the proposal whose actions carry the most progress updates.
    story = (
        Proposal.objects.annotate(steps=Count("actions__updates"))
        .filter(steps__gt=0)
        .order_by("-steps", "pk")
        .first()
    )
    protocol = Meeting.objects.filter(protocols__isnull=False).order_by("-starts_at").first()
    next_consultation = (
        Meeting.objects.filter(forum__tier=Tier.CONSULTATION, starts_at__gte=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
        .first()
    )
    commented = ActionComment.objects.values_list("action", flat=True).order_by("action").first()
    if story is None or protocol is None or next_consultation is None or commented is None:
        fail(
            "the database needs a proposal with a story, a rendered protocol, a next consultation meeting and "
            "a comment on an action: load demo data."
        )

    def query(**params) -> str:
        return "?" + urllib.parse.urlencode(params)

    feed_token = people["representative"].feed_token
    dashboard = reverse("followup:dashboard")
    with translation.override(settings.LANGUAGE_CODE):
        pages = [Page("bare view", "anonymous", reverse("core:bench_floor"), kind="floor")]
        for role in DEMO_LOGINS:
            pages.append(Page("public start page" if role == "anonymous" else "home", role, reverse("home")))
        pages += [
            Page("calendar", "politician", reverse("core:calendar")),
            Page(
                "meeting (Finnish dialogue, held)",
                "representative",
                reverse("core:meeting_detail", kwargs={"pk": meeting.pk}),
                expect=escape(meeting.title),
            ),
            Page(
                "meeting with its protocol (consultation)",
                "representative",
                reverse("core:meeting_detail", kwargs={"pk": protocol.pk}),
            ),
            Page(
                "next consultation, with open matters",
                "coordinator",
                reverse("core:meeting_detail", kwargs={"pk": next_consultation.pk}),
            ),
            Page("notification settings", "representative", reverse("core:notification_settings")),
            Page("proposals inbox", "coordinator", reverse("proposals:inbox")),
            Page(
                "a proposal's story (the longest)",
                "coordinator",
                reverse("proposals:detail", kwargs={"pk": story.pk}),
            ),
            Page(
                "an action with comments",
                "representative",
                reverse("followup:action_detail", kwargs={"pk": commented}),
            ),
            Page(
                "action register (status, minority)",
                "coordinator",
                reverse("followup:register") + query(status=ActionStatus.ONGOING.value, minority=finns.pk),
            ),
            Page("dashboard by year", "politician", dashboard + query(year=cycle.year)),
            Page(
                "dashboard by minority", "politician", dashboard + query(year=cycle.year, minority=finns.pk)
            ),
            Page(
                "dashboard by department",
                "politician",
                dashboard + query(year=cycle.year, department=department.pk),
            ),
            Page("trends per quarter", "politician", reverse("followup:trends")),
            Page("one-page trend summary", "coordinator", reverse("followup:trend_summary")),
            Page("department view", "admin_contact", reverse("followup:department")),
            Page("duties under the law (public)", "anonymous", reverse("duties:summary")),
            Page(
                "register of duties by year",
                "politician",
                reverse("duties:register") + query(year=cycle.year - 3),
            ),
            Page("a duty with ten years", "representative", duty.get_absolute_url()),
            Page("yearly follow-ups", "politician", reverse("annual:list")),
            Page(
                "yearly follow-up, approved",
                "politician",
                reverse("annual:detail", kwargs={"year": cycle.year - 1}),
            ),
            Page(
                "yearly follow-up, draft",
                "coordinator",
                reverse("annual:detail", kwargs={"year": cycle.year}),
            ),
            Page("search", "coordinator", reverse("search:results") + query(q=search_word)),
            Page(
                "rights pages, in Yiddish", "anonymous", reverse("pages:index_in", kwargs={"language": "yi"})
            ),
            Page(
                "a rights page, in Finnish",
                "anonymous",
                reverse("pages:detail_in", kwargs={"slug": "sverigefinnar", "language": "fi"}),
            ),
            Page("translation queue, Northern Sami", "coordinator", reverse("pages:queue_in", args=["se"])),
            Page("published minutes", "anonymous", reverse("core:published_minutes")),
            Page(
                "iCalendar feed (consultation group's)",
                "anonymous",
                reverse("core:forum_feed", kwargs={"slug": "politiska-samradsgruppen"}),
                kind="ical",
            ),
            Page("open data: meetings (API)", "anonymous", reverse("api:meetings-list"), kind="json"),
            Page("open data: public actions (API)", "anonymous", reverse("api:actions-list"), kind="json"),
            Page("open data: indicators (API)", "anonymous", reverse("api:indicators-list"), kind="json"),
            Page("open data: rights pages (API)", "anonymous", reverse("api:rights-pages-list"), kind="json"),
            Page(
                "iCalendar feed (representative's)",
                "anonymous",
                reverse("core:calendar_feed", kwargs={"token": feed_token}),
                kind="ical",
                secret=feed_token,
            ),
        ]
    return pages, people


def count_queries(pages: list[Page], people: dict) -> None:
    """Sign each role in once, request each page twice in-process, keep the cookies a browser would send."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from core.auth import mark_both_factors_passed

    clients: dict[str, Client] = {}
    for page in pages:
        client = clients.get(page.role)
        if client is None:
            client = clients[page.role] = Client(HTTP_HOST="127.0.0.1")
            if page.role != "anonymous":
                client.force_login(people[page.role])
                # As after signing in with the password and the authenticator app's code.
                mark_both_factors_passed(client.session, people[page.role])
        counts = []
        # Rendered afresh (the page cache off): what a page costs when its data has just changed.
        with override_settings(PAGE_CACHE_SECONDS=0):
            for _ in range(2):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(page.url)
                if response.status_code != 200:
                    fail(f"{page.name} ({page.role}) {page.shown_url}: {response.status_code} in-process")
                counts.append(len(queries))
        page.queries_first, page.queries = counts
        # Served from the page cache, as most requests of the load run are.
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        page.queries_cached = len(queries)
    for page in pages:
        cookies = clients[page.role].cookies
        page.cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items() if morsel.value)
    connection.close()


def data_size() -> dict:
    from django.conf import settings

    from core.models import Meeting, User
    from followup.models import Action
    from proposals.models import Proposal

    return {
        "database": settings.DATABASES["default"]["NAME"],
        "users": User.objects.count(),
        "meetings": Meeting.objects.count(),
        "proposals": Proposal.objects.count(),
        "actions": Action.objects.count(),
    }


# --- 2. One request each against gunicorn ---------------------------------------------------------


def _cpu_times() -> tuple[int, int]:
    """The machine's CPU time so far, idle and in all (in clock ticks, from /proc/stat)."""
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:]]
    return ticks[3] + ticks[4], sum(ticks[:8])


def wait_until_quiet(idle_share: float = 0.85, timeout: float = 90.0) -> tuple[float, bool]:
    """Wait until the machine is idle (two half-seconds in a row at `idle_share` or more), and say how long
    that took and whether it was idle by then: work still running when the load starts (gunicorn workers still importing Django after their
    first one answered, what ran just before the bench) is counted against whatever is measured first. In a
    run on 2026-12-08 without this wait, plain Django's first run served 1,205 requests/s and its last 2,050,
    and the bare view, measured right after the first, 782 against 994 on the server measured later. Without
    /proc/stat, it waits for nothing."""
    if not os.path.exists("/proc/stat"):
        return 0.0, True
    started = time.monotonic()
    quiet = 0
    while quiet < 2 and time.monotonic() - started < timeout:
        idle_before, total_before = _cpu_times()
        time.sleep(0.5)
        idle_after, total_after = _cpu_times()
        share = (idle_after - idle_before) / max(1, total_after - total_before)
        quiet = quiet + 1 if share >= idle_share else 0
    return time.monotonic() - started, quiet >= 2


def settle(base: str, path: str) -> None:
    """Wait until the server has worked off what wrk left queued when it stopped.

    Requests still in the listen queue when wrk closes its connections are read and served all the same:
    a slow page (search rendered afresh) leaves seconds of work that would otherwise be counted against the
    page measured next. A request to the health path waits behind them; two quick answers in a row say
    the workers are free.
    """
    address = urllib.parse.urlsplit(base)
    quick = 0
    deadline = time.monotonic() + 120
    while quick < 2 and time.monotonic() < deadline:
        started = time.monotonic()
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        try:
            connection.request("GET", path)
            connection.getresponse().read()
        except OSError:
            time.sleep(0.2)
            continue
        finally:
            connection.close()
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0


def check_page(base: str, page: Page) -> None:
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("GET", page.url, headers={"Cookie": page.cookie} if page.cookie else {})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    where = f"{page.name} ({page.role}) {page.shown_url}"
    if response.status != 200:
        fail(f"{where}: {response.status} {response.getheader('Location') or ''} instead of 200")
    if page.kind in ("floor", "plain") and not body.strip().isdigit():
        fail(f"{where}: expected a number, got {body[:80]!r}")
    if page.kind == "ical" and not body.startswith("BEGIN:VCALENDAR"):
        fail(f"{where}: not a calendar: {body[:80]!r}")
    if page.kind == "json" and not body.startswith('{"count":'):
        fail(f"{where}: not a page of open data: {body[:80]!r}")
    if page.kind == "html" and (SIGNED_IN_MARK in body) != (page.role != "anonymous"):
        fail(f"{where}: the page is not shown as {page.role}")
    if page.expect and page.expect not in body:
        fail(f"{where}: {page.expect!r} is not on the page")
    print(
        f"  200 {page.role:<21} {page.shown_url}  ({len(body) / 1024:.0f} KiB, {page.queries} queries,"
        f" first request {page.queries_first})"
    )


# --- 3. Load with wrk -----------------------------------------------------------------------------


def run_wrk(base: str, page: Page, seconds: int) -> dict:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA)]
    if page.cookie:
        command += ["-H", f"Cookie: {page.cookie}"]
    # The arguments are this script's own: the page's address from reverse(), the cookie Django set.
    finished = subprocess.run(  # noqa: S603
        [*command, base + page.url], capture_output=True, text=True, check=True
    )
    output = finished.stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
    if line is None:
        fail(f"wrk printed no summary for {page.name}:\n{output}")
    return json.loads(line.removeprefix("BENCH_JSON "))


def figures(result: dict, seconds: int) -> dict:
    errors = result["errors"]
    if not result["requests"]:
        # Not one answer within the run: every request took longer than it. The latencies are at least that.
        floor_us = seconds * 1_000_000
        result = {**result, "p50_us": floor_us, "p95_us": floor_us, "p99_us": floor_us, "max_us": floor_us}
    # wrk's own status count (4xx, 5xx) is within non200; the others are failures to get an answer.
    failures = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    return {
        "requests": result["requests"],
        "requests_per_s": round(result["requests"] / (result["duration_us"] / 1e6), 1),
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p95_ms": round(result["p95_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1),
        "max_ms": round(result["max_us"] / 1000, 1),
        "errors": failures + result["non200"],
        "error_detail": {**errors, "non200": result["non200"], "non200_status": result["non200_status"]},
    }


# --- 4. The report and the charts -----------------------------------------------------------------


def manage(*args: str) -> str:
    finished = subprocess.run(  # noqa: S603 (this script's own arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if finished.returncode:
        print(finished.stdout + finished.stderr, file=sys.stderr)
        fail(f"manage.py {' '.join(args)} failed")
    return finished.stdout


def bench_report(runs: int) -> dict:
    output = manage("bench_report", "--runs", str(runs))
    totals = [float(s) for s in re.findall(r"^run \d+: .*total ([\d.]+) s", output, re.MULTILINE)]
    memory = re.search(r"peak Python heap ([\d.]+) MiB, peak RSS of the process ([\d.]+) MiB", output)
    return {
        "runs_s": totals,
        "best_s": min(totals) if totals else None,
        "peak_heap_mib": float(memory[1]) if memory else None,
        "peak_rss_mib": float(memory[2]) if memory else None,
        "output": output.strip().splitlines(),
    }


def bench_charts(runs: int) -> dict:
    output = manage("bench_charts", "--runs", str(runs), "--json")
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    lines = [line for line in output.strip().splitlines() if not line.startswith("BENCH_JSON ")]
    return {**json.loads(line.removeprefix("BENCH_JSON ")), "output": lines}


# --- Output ---------------------------------------------------------------------------------------


def rows(pages: list[Page], plain: dict) -> list[dict]:
    bare = pages[0].load["requests_per_s"] or 1
    floor = plain["requests_per_s"] or 1
    result = []
    for page in pages:
        load, fresh = page.load, page.fresh
        is_bare = page.kind == "floor"
        ratio_plain = round(load["requests_per_s"] / floor, 2)
        fresh_ratio_plain = round(fresh["requests_per_s"] / floor, 2)
        result.append(
            {
                "page": page.name,
                "role": page.role,
                "url": page.shown_url,
                "queries": page.queries,
                "queries_first_request": page.queries_first,
                "queries_cached": page.queries_cached,
                **load,
                "ratio": round(load["requests_per_s"] / bare, 2),
                "ratio_plain": ratio_plain,
                "fresh": {
                    **fresh,
                    "ratio": round(fresh["requests_per_s"] / bare, 2),
                    "ratio_plain": fresh_ratio_plain,
                },
                "p95_met": load["p95_ms"] <= TARGET_P95_MS,
                "errors_met": load["errors"] == 0 and fresh["errors"] == 0,
                "ratio_met": ratio_plain >= (TARGET_BARE_RATIO if is_bare else TARGET_CACHED_RATIO),
                "fresh_ratio_met": fresh_ratio_plain
                >= (TARGET_BARE_RATIO if is_bare else TARGET_FRESH_RATIO),
                "queries_met": page.queries <= TARGET_QUERIES,
            }
        )
    return result


def print_table(table: list[dict], plain: dict) -> None:
    def mark(ok: bool) -> str:
        return "ok" if ok else "MISS"

    header = (
        f"{'page':<36} {'role':<20} {'req/s':>6} {'p95':>5} {'×plain':>6} {'×bare':>5} "
        f"{'fresh/s':>7} {'p95':>5} {'×plain':>6} {'queries':>7} {'cached':>6} {'errors':>6}  "
        f"{'p95':<4} {'×pl':<4} {'fr×pl':<5} {'q≤12':<4}"
    )
    print(header)
    print("-" * len(header))
    print(
        f"{'plain Django':<36} {'anonymous':<20} {plain['requests_per_s']:>6.0f} {plain['p95_ms']:>5.0f} "
        f"{1:>6.2f} {'':>5} {'':>7} {'':>5} {'':>6} {1:>7} {'':>6} {plain['errors']:>6}"
    )
    for row in table:
        fresh = row["fresh"]
        print(
            f"{row['page']:<36} {row['role']:<20} {row['requests_per_s']:>6.0f} {row['p95_ms']:>5.0f} "
            f"{row['ratio_plain']:>6.2f} {row['ratio']:>5.2f} {fresh['requests_per_s']:>7.0f} "
            f"{fresh['p95_ms']:>5.0f} {fresh['ratio_plain']:>6.2f} {row['queries']:>7} "
            f"{row['queries_cached']:>6} {row['errors'] + fresh['errors']:>6}  "
            f"{mark(row['p95_met'] and row['errors_met']):<4} {mark(row['ratio_met']):<4} "
            f"{mark(row['fresh_ratio_met']):<5} {mark(row['queries_met']):<4}"
        )
    print(
        f"req/s, p95 (ms): as production serves the page, from the page cache where it has one; fresh/s, p95: "
        f"the page cache off, every request rendered afresh; ×plain, ×bare: throughput over plain Django's "
        f"and the portal's bare view's in this run.\ntargets: bare view ≥ {TARGET_BARE_RATIO} × plain; "
        f"every page ≥ {TARGET_CACHED_RATIO} × plain as served and ≥ {TARGET_FRESH_RATIO} × rendered afresh; "
        f"p95 ≤ {TARGET_P95_MS} ms and no errors (any answer but 200); ≤ {TARGET_QUERIES} queries rendered "
        "afresh ('cached': the queries of a page-cache hit)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="where gunicorn serves, e.g. http://127.0.0.1:8123")
    parser.add_argument("--fresh-url", required=True, help="the portal served with PAGE_CACHE_SECONDS=0")
    parser.add_argument("--plain-url", required=True, help="plain Django's floor (scripts/plain_django.py)")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", 1)))
    parser.add_argument(
        "--search", default=os.environ.get("BENCH_SEARCH", "finska"), help="word to search for"
    )
    parser.add_argument("--report-runs", type=int, default=int(os.environ.get("BENCH_REPORT_RUNS", 2)))
    parser.add_argument("--chart-runs", type=int, default=int(os.environ.get("BENCH_CHART_RUNS", 5)))
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench")
    args = parser.parse_args()
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()[0]

    setup_django()
    print("Pages, signed in per role, and their queries per request (in-process)")
    pages, people = find_pages(args.search)
    count_queries(pages, people)
    size = data_size()

    print(f"\nOne request each from gunicorn at {args.base_url}")
    for page in pages:
        check_page(args.base_url, page)

    plain_page = Page("plain Django", "anonymous", "/", kind="plain")
    check_page(args.plain_url, plain_page)

    def drive(base: str, page: Page) -> dict:
        if args.warmup:
            run_wrk(base, page, args.warmup)
        result = figures(run_wrk(base, page, args.seconds), args.seconds)
        settle(base, "/" if page.kind == "plain" else "/healthz")
        return result

    waited, quiet = wait_until_quiet()
    if quiet:
        print(f"\nThe machine was quiet after {waited:.1f} s")
    else:
        print(f"\nwarning: the machine was still busy after {waited:.0f} s: other work skews the figures")
    print(f"\nLoad: wrk, {THREADS} threads, {CONNECTIONS} connections, {args.seconds} s a page and server")
    plain_runs = [drive(args.plain_url, plain_page)]
    print(
        f"  plain Django: {plain_runs[0]['requests_per_s']:.0f} req/s, p95 {plain_runs[0]['p95_ms']:.0f} ms"
    )
    for page in pages:
        page.load = drive(args.base_url, page)
        page.fresh = drive(args.fresh_url, page)
        load, fresh = page.load, page.fresh
        print(
            f"  {page.name} ({page.role}): {load['requests_per_s']:.0f} req/s, p95 {load['p95_ms']:.0f} ms;"
            f" rendered afresh {fresh['requests_per_s']:.0f} req/s, p95 {fresh['p95_ms']:.0f} ms;"
            f" {load['errors'] + fresh['errors']} errors"
        )
    plain_runs.append(drive(args.plain_url, plain_page))
    print(
        f"  plain Django again: {plain_runs[1]['requests_per_s']:.0f} req/s, p95 {plain_runs[1]['p95_ms']:.0f} ms"
    )
    # The floor is the mean of its first and last run, so that drift over the run (heat, other work) is shared.
    plain = {
        "requests_per_s": round(sum(run["requests_per_s"] for run in plain_runs) / 2, 1),
        "p95_ms": max(run["p95_ms"] for run in plain_runs),
        "errors": sum(run["errors"] for run in plain_runs),
        "runs": plain_runs,
    }

    print(f"\nQuarterly report (manage.py bench_report, {args.report_runs} runs)")
    report = bench_report(args.report_runs)
    print(f"\nDashboard charts (manage.py bench_charts, {args.chart_runs} runs)")
    charts = bench_charts(args.chart_runs)

    print("\nWhat each middleware costs a request (scripts/middleware_cost.py, in-process)")
    import middleware_cost

    middleware = middleware_cost.run(pages, people)
    middleware_cost.print_table(middleware)

    table = rows(pages, plain)
    print(f"\nResults ({size['database']}: {size['users']} users, {size['meetings']} meetings, ", end="")
    print(f"{size['proposals']} proposals, {size['actions']} actions)\n")
    print_table(table, plain)
    load_after = os.getloadavg()[0]
    if max(load_before, load_after) > (os.cpu_count() or 1) / 2:
        print(
            f"warning: load average {load_before:.1f} before the run, {load_after:.1f} after: other work on "
            "this machine skews the figures"
        )
    print(
        f"\nquarterly PDF report: best {report['best_s']} s of {report['runs_s']}, peak Python heap "
        f"{report['peak_heap_mib']} MiB, peak RSS {report['peak_rss_mib']} MiB"
    )
    print(
        f"dashboard figures + {charts['charts']} SVG charts (cycle {charts['cycle']}): best {charts['best_ms']} ms, "
        f"median {charts['median_ms']} ms, peak Python heap {charts['peak_heap_mib']} MiB"
    )

    def missing(key: str, detail: str = "") -> str:
        return ", ".join(
            f"{r['page']} ({r['role']}){detail and ': ' + str(r[detail])}" for r in table if not r[key]
        )

    print(f"\np95 over {TARGET_P95_MS} ms: {missing('p95_met', 'p95_ms') or 'none'}")
    print(f"errors: {missing('errors_met') or 'none'}")
    print(f"below the ratio to plain Django as served: {missing('ratio_met', 'ratio_plain') or 'none'}")
    print(
        f"below {TARGET_FRESH_RATIO} × plain Django rendered afresh: {missing('fresh_ratio_met') or 'none'}"
    )
    print(f"more than {TARGET_QUERIES} queries: {missing('queries_met', 'queries') or 'none'}")

    result = {
        "started_at": started.isoformat(timespec="seconds"),
        "commit": subprocess.run(  # noqa: S603
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (git from PATH, as in a shell)
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip(),
        "setup": {
            "server": "gunicorn haninge_portal.wsgi:application, DEBUG off, no access log; the same with "
            "PAGE_CACHE_SECONDS=0 for 'fresh'; gunicorn plain_django:application (scripts/) for the floor",
            "workers": int(os.environ.get("GUNICORN_WORKERS", 5)),
            "cpus": os.cpu_count(),
            # Other work on the machine skews the figures: the 1-minute load average before and after.
            "load_average": [round(load_before, 2), round(load_after, 2)],
            # How long the machine took to be idle once the servers answered (wait_until_quiet); None: it never was.
            "quiet_after_s": round(waited, 1) if quiet else None,
            "wrk": {"threads": THREADS, "connections": CONNECTIONS, "seconds": args.seconds},
            "data": size,
        },
        "targets": {
            "bare_to_plain": TARGET_BARE_RATIO,
            "cached_to_plain": TARGET_CACHED_RATIO,
            "fresh_to_plain": TARGET_FRESH_RATIO,
            "p95_ms": TARGET_P95_MS,
            "errors": 0,
            "queries": TARGET_QUERIES,
        },
        "plain_django": plain,
        "pages": table,
        "report": report,
        "charts": charts,
        "middleware": middleware,
    }
    args.out_dir.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    stamped = args.out_dir / f"results-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    stamped.write_text(text)
    (args.out_dir / "latest.json").write_text(text)
    print(f"\nwritten: {stamped} and {args.out_dir / 'latest.json'}")


if __name__ == "__main__":
    main()
