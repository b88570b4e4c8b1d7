"""Page titles (WCAG 2.4.2): every page a person may open has a title of its own, so a list of tabs,
history or bookmarks tells them apart ("Plan a meeting" named no forum)."""

import collections
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from tests.matrix_pages import pages_for

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# django-allauth's own pages for resetting a password and confirming access share their titles
# across steps; they are not ours to retitle without copying allauth's templates (left for later).
ALLAUTH_SHARED = {"Change Password", "Password Reset", "Confirm Access"}


def title_of(html: str) -> str:
    return " ".join(unescape(TITLE.search(html).group(1)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["representative", "coordinator"])
def test_every_page_a_role_opens_has_a_title_of_its_own(role, client_for, world):
    pages = pages_for(role, client_for(role), world, language="en")
    by_title = collections.defaultdict(list)
    for page in pages:
        by_title[title_of(page.html)].append(page.path)
    assert len(by_title) > 25, "the crawl found too few pages"
    shared = {
        title: paths
        for title, paths in by_title.items()
        if len(paths) > 1 and title.split(" – ")[0] not in ALLAUTH_SHARED
    }
    assert not shared, "Pages that share a title:\n" + "\n".join(
        f"- {title!r}: {', '.join(paths)}" for title, paths in shared.items()
    )


@pytest.mark.django_db
def test_planning_a_meeting_names_the_forum_in_the_title(client_for, world):
    client = client_for("coordinator")
    titles = set()
    forums = [world["forums"]["finnish_dialogue"], world["forums"]["roma_dialogue"]]
    with translation.override("en"):
        for forum in forums:
            response = client.get(reverse("core:meeting_create", kwargs={"slug": forum.slug}))
            assert response.status_code == 200
            title = title_of(response.content.decode())
            assert title.startswith("Plan a meeting") and forum.name in title
            titles.add(title)
    assert len(titles) == len(forums)


@pytest.mark.django_db
def test_editing_a_meeting_names_the_meeting_in_the_title(client_for, world):
    meeting = world["meetings"]["finnish"]
    with translation.override("en"):
        response = client_for("coordinator").get(reverse("core:meeting_edit", kwargs={"pk": meeting.pk}))
    title = title_of(response.content.decode())
    assert title.startswith(f"Edit the meeting: {meeting.title}")
