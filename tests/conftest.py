"""Shared fixtures: one named person per role (anonymous has none), and mail through the outbox; each test's
tier as a marker from its folder; the Hypothesis profile."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# Playwright's sync API runs an event loop in the test thread; the ORM calls beside it are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime as dt  # noqa: E402

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from core.models import Attendance, ForumRole, MeetingStatus, MinutesStatus, Role, Tier  # noqa: E402
from tests.factories import (  # noqa: E402
    AgendaItemFactory,
    AttachmentFactory,
    DepartmentFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinorityFactory,
    UserFactory,
)

# Generated examples per property (tests/hostile/): HYPOTHESIS_MAX_EXAMPLES=50 for a deeper run.
settings.register_profile(
    "portal",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "5")),
    deadline=None,
    derandomize=True,
    database=None,
    # A failure shows the generated input as it was: shrinking 40,000-character texts takes minutes.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("portal")

TESTS = Path(__file__).parent
# Tiers by folder (`pytest -m unit`, `-m "not browser"`); every other folder is "unit".
TIER_FOLDERS = {"browser", "integration", "hostile"}


def pytest_configure(config):
    from tests.hostile import summary

    config.pluginmanager.register(summary, "hostile-input-summary")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier. Under pytest-xdist the integration tests, which start Celery workers,
    servers and redis-servers and time them, stay together on one worker (`--dist loadgroup`)."""
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else ""
        tier = folder if folder in TIER_FOLDERS else "unit"
        item.add_marker(tier)
        if tier == "integration":
            item.add_marker(pytest.mark.xdist_group("integration"))


ROLES = [
    "anonymous",
    "resident",
    "representative",
    "other_representative",
    "admin_contact",
    "politician",
    "coordinator",
    "administrator",
]


@pytest.fixture(autouse=True)
def _swedish_by_default(settings):
    """Each test starts in the default language, whatever the test before it activated."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _portal_test_settings(settings, tmp_path, request, django_db_blocker):
    # Mail goes through the real outbox; delivery lands in django.core.mail.outbox.
    settings.EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from haninge_portal.celery import app

    # Unit tests call tasks in-process; tests/integration runs a real worker against Redis.
    app.conf.task_always_eager = True
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MEDIA_ROOT = tmp_path / "media"
    # Rate limits (the "default" cache, in PostgreSQL) and cached pages (the "shared" cache, the real Redis,
    # database 15) must not leak between tests.
    from django.core.cache import caches

    caches["shared"].clear()
    uses_database = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if uses_database:  # a test without the database has no rate limits to leak
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():
            caches["default"].clear()


@pytest.fixture(autouse=True)
def _force_login_passes_both_factors(monkeypatch):
    """`force_login` stands for a finished sign-in: for a person with an authenticator app, the password and
    the code. Tests of what a password alone gets sign in through the real forms (tests/core/test_one_door.py)."""
    from core.auth import mark_both_factors_passed

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from allauth.mfa.utils import is_mfa_enabled

        if is_mfa_enabled(user):
            mark_both_factors_passed(self.session, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def world(db):
    return build_world()


def build_world() -> dict:
    """Two minorities with a dialogue group each, the consultation group, a department, and one person per role."""
    finns = MinorityFactory(slug="sverigefinnar", name="Sverigefinnar")
    roma = MinorityFactory(slug="romer", name="Romer")
    department = DepartmentFactory(code="SÄF", name="Social- och äldreförvaltningen")
    finnish_dialogue = ForumFactory(tier=Tier.DIALOGUE, minority=finns, name="Dialoggrupp sverigefinnar")
    roma_dialogue = ForumFactory(tier=Tier.DIALOGUE, minority=roma, name="Romska rådet")
    consultation = ForumFactory(
        tier=Tier.CONSULTATION, minority=None, name="Politiska samrådsgruppen", is_public=True
    )

    people = {
        "resident": UserFactory(email="invanare@example.org", full_name="Ida Invånare", role=Role.RESIDENT),
        "representative": UserFactory(
            email="rep@example.org", full_name="Aino Representant", role=Role.REPRESENTATIVE, language="fi"
        ),
        "other_representative": UserFactory(
            email="rep2@example.org", full_name="Milan Representant", role=Role.REPRESENTATIVE
        ),
        "admin_contact": UserFactory(
            email="kontakt@example.org",
            full_name="Helena Kontakt",
            role=Role.ADMIN_CONTACT,
            department=department,
        ),
        "politician": UserFactory(
            email="politiker@example.org", full_name="Anders Politiker", role=Role.POLITICIAN
        ),
        "coordinator": UserFactory(
            email="samordnare@example.org", full_name="Elin Samordnare", role=Role.COORDINATOR
        ),
        "administrator": UserFactory(
            email="admin@example.org",
            full_name="Kim Admin",
            role=Role.ADMINISTRATOR,
            is_staff=True,
            is_superuser=True,
        ),
    }
    MembershipFactory(user=people["representative"], forum=finnish_dialogue, role=ForumRole.REPRESENTATIVE)
    MembershipFactory(user=people["other_representative"], forum=roma_dialogue, role=ForumRole.REPRESENTATIVE)
    MembershipFactory(user=people["admin_contact"], forum=finnish_dialogue, role=ForumRole.ADMIN_CONTACT)
    MembershipFactory(user=people["politician"], forum=consultation, role=ForumRole.CHAIR)
    MembershipFactory(user=people["representative"], forum=consultation, role=ForumRole.REPRESENTATIVE)

    now = timezone.now()
    meetings = {
        # Called and coming: the consultation group and the Sweden Finns' dialogue group.
        "consultation": MeetingFactory(
            forum=consultation, title="Samråd med minoriteterna", starts_at=now + dt.timedelta(days=10)
        ),
        "finnish": MeetingFactory(
            forum=finnish_dialogue, title="Dialogmöte sverigefinnar", starts_at=now + dt.timedelta(days=5)
        ),
        # Held last month; its minutes are out for review to the Roma council.
        "roma": MeetingFactory(
            forum=roma_dialogue,
            title="Dialogmöte romska rådet",
            starts_at=now - dt.timedelta(days=30),
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.IN_REVIEW,
        ),
        # Being planned: nobody but coordinators and members knows of it yet.
        "planned": MeetingFactory(
            forum=consultation,
            title="Samråd i planering",
            starts_at=now + dt.timedelta(days=60),
            status=MeetingStatus.PLANNED,
        ),
    }
    for key, meeting in meetings.items():
        AgendaItemFactory(meeting=meeting, title=f"Återkoppling från förvaltningen ({key})", position=1)
        AgendaItemFactory(meeting=meeting, title="Övriga frågor", position=2)
        for membership in meeting.forum.memberships.all():
            Attendance.objects.create(meeting=meeting, user=membership.user)
    attachment = AttachmentFactory(meeting=meetings["finnish"], name="underlag.pdf")
    return {
        "people": people,
        "minorities": {"finns": finns, "roma": roma},
        "forums": {
            "finnish_dialogue": finnish_dialogue,
            "roma_dialogue": roma_dialogue,
            "consultation": consultation,
        },
        "department": department,
        "meetings": meetings,
        "attachment": attachment,
    }


def signed_in(world: dict, role: str) -> Client:
    """A new test client signed in as the named role of the world ("anonymous" stays signed out)."""
    client = Client()
    if role != "anonymous":
        client.force_login(world["people"][role])
    return client


@pytest.fixture
def client_for(client, world):
    """A test client signed in as the named role ("anonymous" stays signed out)."""
    return lambda role: signed_in(world, role)
