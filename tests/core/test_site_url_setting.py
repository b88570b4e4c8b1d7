"""SITE_URL follows PORT when it is not set, so `make run` on another port mails working links."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def site_url(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT"}}
    clean.update({"DJANGO_DEBUG": "true", "DJANGO_SETTINGS_MODULE": "haninge_portal.settings", **env})
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"PORT": "127.0.0.1:8123"}, "http://127.0.0.1:8123"),
        ({"PORT": "localhost:9000"}, "http://localhost:9000"),
        ({"PORT": "0.0.0.0:8123"}, "http://127.0.0.1:8123"),
        ({"PORT": "8123", "SITE_URL": "https://portal.example.org/"}, "https://portal.example.org"),
    ],
)
def test_links_in_mail_point_where_make_run_serves(env, expected):
    assert site_url(**env) == expected
