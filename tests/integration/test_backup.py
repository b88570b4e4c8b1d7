"""make backup and make restore, round trip: the database and the uploaded files and reports come back as
they were, in another database; a damaged backup is refused before anything is changed."""

import os
import subprocess

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from reports.models import Report, ReportStatus
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"


@pytest.fixture
def scratch_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = psycopg.connect(_url("postgres"), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _run(script: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own scripts)
        [str(settings.BASE_DIR / "scripts" / script)],
        env={**os.environ, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_the_database_and_the_files(tmp_path, scratch_database, world):
    action = ActionFactory(title_sv="Språkcafé på meänkieli i Handens bibliotek")
    report = Report.objects.create(
        kind="quarterly",
        period_start="2026-01-01",
        period_end="2026-03-31",
        language="sv",
        status=ReportStatus.DONE,
    )
    report.file.save("rapport.pdf", ContentFile(b"%PDF-1.7 the report\n%%EOF\n"))
    media = str(settings.MEDIA_ROOT)

    made = _run(
        "backup.sh",
        DATABASE_URL=_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=media,
        BACKUP_DIR=str(tmp_path / "backups"),
    )
    assert made.returncode == 0, made.stderr
    backup = made.stdout.strip().splitlines()[-1]
    assert oct(os.stat(os.path.join(backup, "database.dump")).st_mode)[-3:] == "600"

    restored_media = tmp_path / "restored-media"
    restored = _run(
        "restore.sh",
        BACKUP=backup,
        DATABASE_URL=_url(scratch_database),
        MEDIA_ROOT=str(restored_media),
        CONFIRM="yes",
    )
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(_url(scratch_database)) as copy:
        title = copy.execute("SELECT title_sv FROM followup_action WHERE id = %s", [action.pk]).fetchone()
        assert title == ("Språkcafé på meänkieli i Handens bibliotek",)
        users = copy.execute("SELECT count(*) FROM core_user").fetchone()[0]
        name = copy.execute("SELECT file FROM reports_report WHERE id = %s", [report.pk]).fetchone()[0]
    assert users == len(world["people"])
    assert (restored_media / name).read_bytes() == b"%PDF-1.7 the report\n%%EOF\n"


def test_a_damaged_backup_is_refused_and_changes_nothing(tmp_path, scratch_database, world):
    made = _run(
        "backup.sh",
        DATABASE_URL=_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        BACKUP_DIR=str(tmp_path / "backups"),
    )
    backup = made.stdout.strip().splitlines()[-1]
    with open(os.path.join(backup, "database.dump"), "r+b") as dump:
        dump.seek(100)
        dump.write(b"damaged")
    refused = _run(
        "restore.sh",
        BACKUP=backup,
        DATABASE_URL=_url(scratch_database),
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        CONFIRM="yes",
    )
    assert refused.returncode != 0 and "does not match its checksums" in refused.stderr
    with psycopg.connect(_url(scratch_database)) as copy:
        tables = copy.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert tables == 0 and not (tmp_path / "restored-media").exists()
