"""A person's language is one of the portal's: the profile and the invitation form refuse any other value,
say so in the page's language and change nothing; the admin offers only those languages too."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.forms import LANGUAGE_ERROR
from core.models import Invitation, Role

pytestmark = pytest.mark.django_db


def _profile_url(language: str) -> str:
    with translation.override(language):
        return reverse("core:profile")


@pytest.mark.parametrize("page_language", ["sv", "fi", "en"])
@pytest.mark.parametrize("value", ["xx", "de", "sv-se", "", "sv' OR 1=1", "e" * 50])
def test_a_language_outside_the_portals_is_refused_in_the_pages_language_and_nothing_changes(
    client_for, world, page_language, value
):
    person = world["people"]["representative"]
    before = (person.full_name, person.title, person.language)
    response = client_for("representative").post(
        _profile_url(page_language), {"full_name": "Nytt Namn", "title": "Ny titel", "language": value}
    )
    assert response.status_code == 200
    with translation.override(page_language):
        expected = gettext("This field is required.") if value == "" else str(LANGUAGE_ERROR)
    assert response.context["form"].errors["language"] == [expected]
    assert expected.replace("'", "&#x27;") in response.content.decode()
    person.refresh_from_db()
    assert (person.full_name, person.title, person.language) == before


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_each_portal_language_is_saved(client_for, world, language):
    person = world["people"]["representative"]
    response = client_for("representative").post(
        _profile_url("sv"), {"full_name": person.full_name, "title": "", "language": language}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == language


def test_the_model_knows_the_portals_languages(world):
    person = world["people"]["representative"]
    person.language = "xx"
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "language" in refused.value.message_dict
    assert [code for code, _name in person._meta.get_field("language").choices] == ["sv", "fi", "en"]


def test_an_invitation_in_a_language_outside_the_portals_is_refused(client_for, world):
    response = client_for("coordinator").post(
        reverse("core:invitation_create"),
        {
            "full_name": "Sanna Sverigefinne",
            "email": "sanna@example.org",
            "role": Role.REPRESENTATIVE,
            "language": "xx",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["language"] == [str(LANGUAGE_ERROR)]
    assert not Invitation.objects.exists()
