"""The accessibility statement (lag 2018:1937) and the privacy notice: public, in Swedish, Finnish and
English, linked from every page, with what the law and the data protection officer ask them to say."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

ACCESSIBILITY = {
    # compliance, what is not accessible, another form, how to report, the supervisor, the review date
    "sv": [
        "delvis förenlig",
        "Innehåll som inte är tillgängligt",
        "annan form",
        "Rapportera brister",
        "DIGG",
        "23 november 2026",
    ],
    "fi": [
        "osittain",
        "ei ole saavutettavaa",
        "toisessa muodossa",
        "Ilmoita puutteista",
        "DIGG",
        "23.11.2026",
    ],
    "en": [
        "partially compliant",
        "not accessible",
        "another form",
        "Report a shortcoming",
        "DIGG",
        "23 November 2026",
    ],
}
PRIVACY = {
    # who is responsible, what is stored, why, for how long, the rights and where to complain
    "sv": ["personuppgiftsansvarig", "dataskyddsombud", "Vilka uppgifter", "Varför", "Hur länge", "IMY"],
    "fi": ["rekisterinpitäjä", "tietosuojavastaava", "Mitä tietoja", "Miksi", "Kuinka kauan", "IMY"],
    "en": ["controller", "data protection officer", "What we store", "Why", "How long", "IMY"],
}


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_the_statements_speak_the_readers_language_and_say_what_they_must(client, language):
    for name, expected in (("core:accessibility", ACCESSIBILITY), ("core:privacy", PRIVACY)):
        with translation.override(language):
            url = reverse(name)
        page = client.get(url).content.decode()
        assert url.startswith(f"/{language}/")
        for phrase in expected[language]:
            assert phrase in page, f"{url} does not say {phrase!r}"
        assert f'<html lang="{language}"' in page


@pytest.mark.parametrize("role", ["anonymous", "representative", "coordinator"])
def test_every_page_links_to_both_from_its_footer(client_for, world, role):
    page = client_for(role).get(reverse("home")).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert f'href="{reverse("core:accessibility")}"' in footer and "Tillgänglighetsredogörelse" in footer
    assert f'href="{reverse("core:privacy")}"' in footer
