"""Languages: the URL carries the language, `<html lang>` follows it, content falls back to Swedish."""

import pytest
from django.utils import translation

from core.models import Role, User
from tests.factories import MeetingFactory


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("sv", "Nationella minoriteter i Haninge"),
        ("fi", "Kansalliset vähemmistöt Haningessa"),
        ("en", "National minorities in Haninge"),
    ],
)
def test_each_language_has_its_prefix_and_lang_attribute(client, db, language, heading):
    response = client.get(f"/{language}/")
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert heading in page


def test_bare_address_opens_in_swedish_whatever_the_browser_asks(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/sv/"


def test_bare_address_follows_the_language_last_chosen(client, db):
    client.get("/fi/")
    assert client.get("/")["Location"] == "/fi/"


def test_every_page_links_to_itself_in_the_other_languages(client, db):
    page = client.get("/sv/accounts/password/reset/").content.decode()
    assert 'href="/fi/accounts/password/reset/" hreflang="fi" lang="fi"' in page
    assert 'href="/en/accounts/password/reset/" hreflang="en" lang="en"' in page


def test_content_without_a_finnish_translation_falls_back_to_swedish(client, world):
    meeting = MeetingFactory(
        forum=world["forums"]["consultation"], title_sv="Samråd om äldreomsorgen", title_fi=None
    )
    with translation.override("fi"):
        assert meeting.title == "Samråd om äldreomsorgen"
    assert "Samråd om äldreomsorgen" in client.get("/fi/").content.decode()


def test_resident_signs_up_in_finnish_and_gets_mail_in_finnish(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fi/accounts/signup/",
            {
                "full_name": "Sanna Asukas",
                "email": "sanna@example.org",
                "password1": "pitka-salasana-2026",
                "password2": "pitka-salasana-2026",
            },
        )
    assert response.status_code == 302
    person = User.objects.get(email="sanna@example.org")
    assert person.role == Role.RESIDENT
    assert person.full_name == "Sanna Asukas"
    assert person.language == "fi"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "[Haninge] Vahvista sähköpostiosoitteesi"
    body = mailoutbox[0].body
    assert "http://testserver/fi/accounts/confirm-email/" in body
    # The mail names the portal and the address the person signed up at, never the framework's example site.
    assert "example.com" not in body
    assert "Terve palvelusta Haningen kunta – kansalliset vähemmistöt!" in body


def test_sign_up_with_a_short_password_changes_nothing_and_says_why(client, db):
    response = client.post(
        "/sv/accounts/signup/",
        {"full_name": "Ida", "email": "ida@example.org", "password1": "kort", "password2": "kort"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rätta följande" in page
    assert 'aria-describedby="id_password1_error' in page
    assert not User.objects.filter(email="ida@example.org").exists()
