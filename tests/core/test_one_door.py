"""One door in: every way to become signed in passes the same rate limits and, for the roles that need it,
the second factor in this session. A password alone never opens the admin, a person's data or erasure."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.signals import user_logged_in
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.models import OutgoingMail, Role
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"

# The URL patterns that may sign a person in. Any other that does fails the enumeration below.
DOORS = {
    "account_login": "allauth's form: the password, then the authenticator code for those who have one",
    "mfa_authenticate": "allauth's second step",
    "core:invitation_accept": "a new person's account from an invitation link (core.auth.sign_in)",
}


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def protected_pages(administrator) -> list[str]:
    """What a stolen password must not open: the admin, a person's data, the erasure page, the second factor's page."""
    return [
        reverse("admin:index"),
        reverse("core:my_data_json"),
        reverse("core:person_erase", args=[administrator.pk]),
        reverse("mfa_index"),
    ]


def opens_nothing(client: Client, administrator) -> None:
    for url in protected_pages(administrator):
        response = client.get(url, follow=True)
        assert response.redirect_chain, url
        # To the sign-in, or to its second step when the password was just given.
        assert response.request["PATH_INFO"] in {reverse("account_login"), reverse("mfa_authenticate")}, url
        assert response.wsgi_request.user.is_anonymous, url


@pytest.fixture
def administrator(world):
    return UserFactory(
        email="it.admin@example.org", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True
    )


def test_the_admins_own_login_page_sends_people_to_the_portals_sign_in(administrator):
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": administrator.email, "password": PASSWORD, "next": "/sv/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    opens_nothing(client, administrator)


def test_fifteen_wrong_passwords_anywhere_then_the_right_one_still_do_not_sign_in(administrator):
    client = Client()
    for _ in range(15):
        client.post(reverse("admin:login"), {"username": administrator.email, "password": "wrong-password"})
    for _ in range(5):
        wrong = client.post(reverse("account_login"), {"login": administrator.email, "password": "wrong"})
        assert wrong.status_code == 200
    right = client.post(reverse("account_login"), {"login": administrator.email, "password": PASSWORD})
    # The sixth attempt is refused whatever the password, with the same message for every account.
    assert right.status_code == 200
    assert "För många misslyckade inloggningsförsök" in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_session_made_with_a_password_alone_is_signed_out_and_opens_nothing(administrator):
    """Whatever door made it (here Django's own `Client.login`, which no page uses), a session without the
    code is not enough: the account having an authenticator app is not the session having passed it."""
    client = Client()
    assert client.login(email=administrator.email, password=PASSWORD)
    response = client.get(reverse("core:my_data_json"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fsv%2Fprofile%2Fdata.json"
    assert "_auth_user_id" not in client.session
    opens_nothing(client, administrator)


def test_the_password_then_the_code_opens_the_admin(administrator):
    secret = generate_totp_secret()
    administrator.authenticator_set.all().delete()
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(administrator, secret)
    client = Client()
    first = client.post(reverse("account_login"), {"login": administrator.email, "password": PASSWORD})
    assert first["Location"] == reverse("mfa_authenticate")
    opens_nothing(client, administrator)
    client.post(reverse("account_login"), {"login": administrator.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    for url in protected_pages(administrator):
        assert client.get(url).status_code == 200, url


def test_setting_up_the_authenticator_app_passes_the_factor_for_that_session(world):
    """A coordinator without an app signs in with the password, is sent to set one up, and the code that
    sets it up opens the portal in that session."""
    coordinator = UserFactory(email="ny@example.org", role=Role.COORDINATOR, second_factor=False)
    client = Client()
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    assert client.get(reverse("followup:dashboard"))["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    if page.request["PATH_INFO"] == reverse("account_reauthenticate"):  # allauth asks for the password again
        page = client.post(
            page.request["PATH_INFO"] + "?next=" + reverse("mfa_activate_totp"),
            {"password": PASSWORD},
            follow=True,
        )
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z0-9]+)"', page.content.decode()).group(1)
    done = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert done.status_code == 302
    assert client.get(reverse("followup:dashboard")).status_code == 200


def test_an_invitation_to_a_role_that_needs_the_factor_signs_in_only_to_set_it_up(world, settings):
    settings.MFA_REQUIRED_FOR = ["coordinator", "administrator", "politician"]
    InvitationFactory(token="for-a-politician", email="ny.politiker@example.org", role=Role.POLITICIAN)
    client = Client()
    response = client.post(
        reverse("core:invitation_accept", args=["for-a-politician"]),
        {
            "full_name": "Ny Politiker",
            "password1": "Tornio-Haparanda-1809",
            "password2": "Tornio-Haparanda-1809",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("followup:dashboard"))["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("core:my_data_json"))["Location"] == reverse("mfa_activate_totp")


def test_wrong_invitation_links_are_limited_per_address(world):
    client = Client()
    statuses = [
        client.get(reverse("core:invitation_accept", args=[f"guess-{n}"])).status_code for n in range(12)
    ]
    assert statuses[:10] == [404] * 10
    assert statuses[10:] == [429, 429]
    page = client.get(reverse("core:invitation_accept", args=["guess-x"]))
    assert 'lang="sv"' in page.content.decode() and "För många förfrågningar" in page.content.decode()


def test_password_reset_never_signs_in(administrator):
    client = Client()
    client.post(reverse("account_reset_password"), {"email": administrator.email})
    body = OutgoingMail.objects.filter(to__contains=[administrator.email]).latest("pk").body
    link = re.search(r"https?://[^/]+(/\S+/password/reset/key/\S+/)", body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "Ny-lösenordsfras-2026", "password2": "Ny-lösenordsfras-2026"},
    )
    assert done.status_code == 302
    assert "_auth_user_id" not in client.session
    opens_nothing(client, administrator)


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else None
            yield name, prefix + str(pattern.pattern), pattern


def fill(route: str) -> str:
    """A concrete path for a route, with a plain value for each parameter."""
    path = re.sub(r"<(?:int:)?pk>|<int:[a-z_]+>", "1", route)
    path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def test_every_url_pattern_that_signs_in_is_a_declared_door_and_a_password_alone_passes_none(
    administrator, world
):
    """POST a password (and every name a sign-in form uses) to every URL pattern of the portal, as a
    resident without a second factor and as an administrator with one. Only the declared doors may sign
    the resident in; nothing signs the administrator in with the password alone."""
    resident = world["people"]["resident"]
    signed_in_by: list[str] = []

    def record(sender, request, user, **kwargs):
        signed_in_by.append(request.resolver_match.view_name if request.resolver_match else request.path)

    user_logged_in.connect(record, dispatch_uid="one-door-test")
    try:
        patterns = [(n, r) for n, r, _ in walk(get_resolver().url_patterns) if "(?P<path>" not in r]
        assert len(patterns) > 150  # the whole portal, the admin and allauth included
        for person in (resident, administrator):
            for name, route in patterns:
                client = Client()
                credentials = {
                    "login": person.email,
                    "email": person.email,
                    "username": person.email,
                    "password": PASSWORD,
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "full_name": "Någon",
                }
                client.post(fill(route), credentials)
                if person == administrator and "_auth_user_id" in client.session:
                    for url in protected_pages(administrator):
                        assert client.get(url).status_code != 200, (name, url)
                # Limits on the one door are per address; the test's many tries are not an attack.
                from django.core.cache import caches

                caches["default"].clear()
    finally:
        user_logged_in.disconnect(dispatch_uid="one-door-test")
    assert signed_in_by, "the resident's password signs in somewhere"
    assert set(signed_in_by) <= set(DOORS), set(signed_in_by) - set(DOORS)
