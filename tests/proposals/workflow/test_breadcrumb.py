"""The proposal page's breadcrumb names the way the reader came: their own proposals, the inbox, or all."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def crumb(client, proposal) -> str:
    with translation.override("en"):
        page = client.get(proposal.get_absolute_url()).content.decode()
        nav = page[page.index('class="ds-breadcrumbs"') :]
        return nav[: nav.index("</nav>")]


@pytest.mark.parametrize(
    ("role", "link", "words", "not_words"),
    [
        ("representative", "proposals:mine", "My proposals", "Inbox"),
        ("coordinator", "proposals:inbox", "Inbox", "My proposals"),
        ("politician", "proposals:mine", ">Proposals<", "My proposals"),
    ],
)
def test_the_breadcrumb_says_my_proposals_only_to_the_proposer(
    role, link, words, not_words, client_for, proposal
):
    nav = crumb(client_for(role), proposal)
    with translation.override("en"):
        assert f'href="{reverse(link)}"' in nav
    assert words in nav and not_words not in nav
