"""The floors of `make bench`: the portal's bare view (one query whoever asks, nothing on it but the figure)
and plain Django (scripts/plain_django.py), which serves the same without any of the portal."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_floor_costs_one_query(client, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("core:bench_floor"))
    assert response.status_code == 200
    assert response.content.decode() == "1\n"


def test_signed_in_the_floor_adds_only_the_session_with_its_person(
    client_for, world, django_assert_num_queries
):
    client = client_for("coordinator")
    client.get(reverse("core:bench_floor"))  # the first request of a session records its activity time
    with django_assert_num_queries(2):
        response = client.get(reverse("core:bench_floor"))
    assert response.status_code == 200


def test_plain_django_serves_the_same_floor_without_the_portal():
    """The floor of `make bench`, in a process of its own: no portal app, no middleware, the same answer."""
    from django.conf import settings

    scripts = Path(__file__).resolve().parents[2] / "scripts"
    database = settings.DATABASES["default"]
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    program = (
        "import plain_django, django.conf; from django.test import Client; "
        "r = Client().get('/'); "
        "print(r.status_code, repr(r.content.decode()), len(django.conf.settings.MIDDLEWARE), "
        "len(django.conf.settings.INSTALLED_APPS))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    finished = subprocess.run(  # noqa: S603 (this test's own program)
        [sys.executable, "-c", program],
        cwd=scripts,
        env={**environment, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=True,
    )
    assert finished.stdout.split() == ["200", "'1\\n'", "0", "0"]
