"""Generated and malicious values posted to every form and POST endpoint of the portal, as every role.

For each URL of the permission matrix whose view takes a POST, the fields are found from the view itself:
the form on its page (names, options, current values) and every key the view reads from request.POST or
request.FILES on an empty post. Hypothesis then fills them with very long text, control characters
(NUL among them), HTML and script, wrong types, huge and negative numbers, other forums' ids and odd
unicode, and adds keys the form does not have. Every request must hold these properties:

- never a server error;
- a refused role gets the status of the permission matrix, and nothing is stored;
- refused input (the form shown again, an error message, 4xx) changes nothing in the database;
- the form shown again says what is wrong, in Swedish (the language of the /sv/ address);
- a payload is never sent back unescaped, neither on the form nor on the page after a save.

Each example runs in a savepoint that is rolled back, so the world of the test is the same for all.
"""

import re
from functools import cache
from html.parser import HTMLParser
from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import constants as message_levels
from django.core.cache import cache as django_cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.forms import BaseForm
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROLES, signed_in
from tests.factories import PDF_BYTES
from tests.hostile import SENT
from tests.test_permission_matrix import EXPECTATIONS, named_patterns

pytestmark = pytest.mark.django_db


def examples(may_post: bool) -> int:
    """Roles that may use the endpoint get the profile's examples (tests/conftest.py); those refused at the
    door a fifth of them."""
    full = settings.default.max_examples
    return full if may_post else max(1, full // 5)


def _accepted_methods(view) -> set[str] | None:
    """The methods a function view allows (require_POST, require_http_methods), or None if unrestricted."""
    seen = set()
    while view is not None and id(view) not in seen:
        seen.add(id(view))
        inner = None
        for cell in view.__closure__ or ():
            try:
                content = cell.cell_contents
            except ValueError:
                continue
            if (
                isinstance(content, list | tuple)
                and content
                and all(isinstance(m, str) and m.isupper() for m in content)
            ):
                return set(content)
            if callable(content) and getattr(content, "__name__", None) == view.__name__:
                inner = content
        view = getattr(view, "__wrapped__", None) or inner
    return None


def post_endpoints() -> list[str]:
    """Every named URL of the matrix whose view handles a POST: class views with post(), function views
    restricted to POST (new views are covered as soon as they have a row in the matrix)."""
    names = []
    for name, pattern in named_patterns():
        if name not in EXPECTATIONS:
            continue
        view = pattern.callback
        view_class = getattr(view, "view_class", None)
        if view_class is not None:
            if hasattr(view_class, "post"):
                names.append(name)
        elif "POST" in (_accepted_methods(view) or ()):
            names.append(name)
    return sorted(names)


POST_ENDPOINTS = post_endpoints()
POST_ONLY = {name for name in POST_ENDPOINTS if set(EXPECTATIONS[name][1].values()) == {405}}

# --- What is sent -------------------------------------------------------------------------------------

SCRIPT = '<script>alert("hostile")</script>'
PAYLOADS = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">klicka</a>',
    "<p onclick=alert(1)>text</p>",
    "javascript:alert(1)",
    "{{ request.user.password }}{% debug %}",
    "' OR 1=1 --",
    "'; DROP TABLE core_meeting; --",
    "%(name)s %s {0} %d",
    "../../../../etc/passwd",
    "<!--",
    "]]>",
]
# What must never come back verbatim: an escaped payload is harmless, these are not.
RAW_MARKERS = ["<script>alert(", "<img src=x onerror=", "<svg onload=", '<a href="javascript:', "<p onclick="]
UNICODE = [
    "\u202eredro\u202c",  # right-to-left override
    "مرحبا بالعالم",
    "שלום",
    "😀👩‍👩‍👧‍👦🇸🇪",
    "Z̸̢̛a̷̡l̵g̶o̴",  # combining marks
    "\ufeff\u200b\u200d",  # BOM, zero-width space and joiner
    "ﬃ Å Å",  # ligature, precomposed and decomposed
    "\U0010ffff",
]
WRONG_TYPES = [
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "-inf",
    "0x1F",
    "1,5",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 400,
    "2026-02-30",
    "0000-00-00",
    "9999-12-31T25:61",
    "31/12/2026",
    "25:99",
    "true",
    "None",
    "null",
    "[]",
    '{"id": 1}',
]
FILE_NAMES = [
    "underlag.pdf",
    "<script>.pdf",
    "../../etc/passwd",
    "x" * 300 + ".pdf",
    "å😀.docx",
    "virus.exe",
    "",
]
FILE_CONTENTS = [PDF_BYTES, b"", b"MZ\x90\x00\x03", SCRIPT.encode(), b"\x00" * 64]
# Keys no form has: an attempt to set the owner, forum or status of what is saved.
INJECTED_KEYS = ["forum", "meeting", "proposer", "user", "author", "status", "pk", "id", "department", "next"]

CONTROL = st.text(st.characters(categories=["Cc"]), min_size=1, max_size=8)
LONG_TEXT = st.tuples(
    st.sampled_from(["a", "Å", "😀", "<b>x</b>", "lorem ipsum ", "\x00", "\u0301"]),
    st.integers(10_001, 40_000),
).map(lambda pair: (pair[0] * pair[1])[: pair[1]])


def hostile_text(other_ids: list[int]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(PAYLOADS),
        LONG_TEXT,
        st.tuples(st.text(max_size=10), CONTROL, st.text(max_size=10)).map("".join),
        st.just("\x00"),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
        st.sampled_from(UNICODE),
        st.sampled_from(WRONG_TYPES),
        st.integers(-(2**70), 2**70).map(str),
        st.sampled_from(other_ids).map(str),
    )


PLAUSIBLE_BY_TYPE = {
    "date": "2026-06-01",
    "time": "10:00",
    "datetime-local": "2026-06-01T10:00",
    "number": "5",
    "email": "ny.person@example.org",
    "url": "https://www.haninge.se/",
    "checkbox": "on",
    "password": "ett långt lösenord 2026",
}


def field_strategy(field: dict, hostile: st.SearchStrategy[str]) -> st.SearchStrategy:
    """One field's value: omitted, plausible (its options, its current value), hostile, or several values."""
    plausible = list(field["options"]) or [
        field["value"] or PLAUSIBLE_BY_TYPE.get(field["type"], "Ett värde")
    ]
    value = st.one_of(st.sampled_from(plausible), hostile)
    if field["type"] == "file":
        upload = st.builds(
            SimpleUploadedFile,
            st.sampled_from(FILE_NAMES),
            st.sampled_from(FILE_CONTENTS),
            st.sampled_from(["application/pdf", "text/html", "application/x-msdownload"]),
        )
        value = st.one_of(upload, hostile)
    return st.one_of(st.none(), value, st.lists(value, min_size=2, max_size=3))


@st.composite
def post_data(draw, fields: dict[str, dict], other_ids: list[int]) -> dict:
    """Either every field hostile at once, or plausible fields with one hostile: the second reaches the
    code behind a valid form (storage, rendering back) that the first never passes."""
    hostile = hostile_text(other_ids)
    names = sorted(fields)
    target = draw(st.sampled_from(names)) if names and draw(st.booleans()) else None
    data = {}
    for name in names:
        field = fields[name]
        if target is not None and name != target:
            strategy = st.sampled_from(list(field["options"]) or [field["value"] or "Ett värde"])
        else:
            strategy = field_strategy(field, hostile)
        value = draw(strategy)
        if value is not None:
            data[name] = value
    # What a browser always sends (the test client does not check it): a POST is never empty.
    data["csrfmiddlewaretoken"] = "x"
    if draw(st.booleans()):
        data[draw(st.sampled_from(INJECTED_KEYS))] = draw(st.sampled_from(other_ids).map(str))
    return data


# --- How the fields are found ------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The POST forms of a page: action -> {name: {"type", "value", "options"}}."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict]] = []
        self._fields: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._fields = {}
            self.forms.append((attrs.get("action") or "", self._fields))
        if self._fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = (attrs.get("type") or "text").lower()
            field = self._field(name, kind)
            if kind in ("checkbox", "radio"):
                field["options"].append(attrs.get("value") or "on")
            elif kind != "submit":
                field["value"] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self._field(name, "select")
        elif tag == "option" and self._select:
            self._fields[self._select]["options"].append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._field(name, "textarea")
        elif tag == "button" and name:
            self._field(name, "button")["options"].append(attrs.get("value") or "")

    def _field(self, name, kind):
        return self._fields.setdefault(name, {"type": kind, "value": "", "options": []})

    def handle_data(self, data):
        if self._textarea and self._fields is not None:
            self._fields[self._textarea]["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_on_page(content: str, url_name: str, path: str) -> dict[str, dict]:
    parser = FormParser()
    parser.feed(content)
    fields: dict[str, dict] = {}
    for action, form_fields in parser.forms:
        target = action.split("?")[0] or path
        try:
            if resolve(target).view_name != url_name:
                continue
        except Resolver404:
            continue
        for name, field in form_fields.items():
            fields.setdefault(name, field)
    return fields


class KeyRecorder:
    """Records every key a view reads from a QueryDict (request.POST; request.GET harmlessly too)."""

    METHODS = ("__getitem__", "get", "getlist", "__contains__")

    def __init__(self):
        self.keys: set[str] = set()

    def __enter__(self):
        recorder = self

        def wrap(original):
            def recording(self, key, *args, **kwargs):
                recorder.keys.add(key)
                return original(self, key, *args, **kwargs)

            return recording

        for method in self.METHODS:
            original = getattr(QueryDict, method)
            setattr(QueryDict, method, wrap(original))
        return self

    def __exit__(self, *exc):
        for method in self.METHODS:
            if method in QueryDict.__dict__:
                delattr(QueryDict, method)


# --- What is checked ---------------------------------------------------------------------------------


def _placeholder_pattern(text: str) -> re.Pattern:
    parts = re.split(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}", text)
    return re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)


@cache
def catalog_texts() -> tuple[set[str], list[re.Pattern], set[str], list[re.Pattern]]:
    """English msgids that have a different Swedish translation, and the Swedish translations."""
    from django.utils.translation import trans_real

    english, swedish = set(), set()
    for key, value in trans_real.translation("sv")._catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and value and value != msgid:
            english.add(msgid)
            swedish.add(value)
    english_patterns = [_placeholder_pattern(t) for t in english if "%" in t or "{" in t]
    swedish_patterns = [_placeholder_pattern(t) for t in swedish if "%" in t or "{" in t]
    return english, english_patterns, swedish, swedish_patterns


def _one_swedish_text(text: str) -> bool:
    english, english_patterns, swedish, swedish_patterns = catalog_texts()
    if text in english or any(p.fullmatch(text) for p in english_patterns):
        return False
    return text in swedish or any(p.fullmatch(text) for p in swedish_patterns)


def is_swedish(text: str) -> bool:
    """Texts from the Swedish catalog (with their values filled in), one or several joined by a space;
    never an English msgid."""
    text = text.strip()
    if _one_swedish_text(text):
        return True
    # Several errors joined into one message: "Säkerställ att … Null-tecken är inte tillåtna."
    for cut in (m.end() for m in re.finditer(r"[.!?] ", text)):
        if _one_swedish_text(text[:cut].strip()) and is_swedish(text[cut:]):
            return True
    return False


def form_errors(response) -> list[str]:
    """Every error of every form in the template context (lists of forms included)."""
    errors: list[str] = []
    seen: set[int] = set()
    for context in response.context or []:
        for value in context.dicts if hasattr(context, "dicts") else [context]:
            for item in value.values() if isinstance(value, dict) else []:
                forms = item if isinstance(item, list | tuple) else [item]
                for form in forms:
                    if isinstance(form, BaseForm) and id(form) not in seen and form.is_bound:
                        seen.add(id(form))
                        errors += [str(e) for field_errors in form.errors.values() for e in field_errors]
    return errors


def queued_messages(response) -> list:
    storage = getattr(response.wsgi_request, "_messages", None)
    return list(getattr(storage, "_queued_messages", []))


def fingerprint() -> str:
    """A checksum over every table's rows (sessions and the sign-in cache aside): any stored change shows.

    The sign-in cache holds rate-limit counters, which a refused attempt is meant to advance."""
    from core.models import Session

    ignored = {"django_session", Session._meta.db_table, django_settings.CACHES["default"]["LOCATION"]}
    tables = [t for t in connection.introspection.table_names() if t not in ignored]
    parts = " UNION ALL ".join(
        # Table names from the database's own catalogue, not from input.
        f"SELECT {i} AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h "  # noqa: S608
        f"FROM {connection.ops.quote_name(table)} t"
        for i, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT md5(string_agg(h, '' ORDER BY n)) FROM ({parts}) s")  # noqa: S608
        return cursor.fetchone()[0]


def other_forum_ids(world) -> list[int]:
    """Ids of what the Finnish dialogue group's people may not know: the Roma council and its meeting."""
    roma = world["meetings"]["roma"]
    ids = [roma.pk, world["forums"]["roma_dialogue"].pk, world["people"]["other_representative"].pk]
    ids += list(roma.agenda_items.values_list("pk", flat=True))
    ids += list(roma.attendances.values_list("pk", flat=True))
    return ids


def discover_fields(url_name: str, path: str, world, statuses: dict[str, int]) -> dict[str, dict]:
    """The form on the page (as the first role that may open it) and the keys the view reads."""
    fields: dict[str, dict] = {}
    for role in ["administrator", "coordinator", *ROLES]:
        if statuses[role] == 200:
            fields = forms_on_page(signed_in(world, role).get(path).content.decode(), url_name, path)
            break
    recorder = KeyRecorder()
    for role in ROLES:
        with transaction.atomic(), recorder:
            signed_in(world, role).post(path, {})
            transaction.set_rollback(True)
    django_cache.clear()
    for key in recorder.keys - {"csrfmiddlewaretoken"}:
        fields.setdefault(key, {"type": "text", "value": "", "options": []})
    return fields


def check_response(response, *, url_name: str, role: str, expected: int | None, before: str):
    status = response.status_code
    assert status < 500, f"server error {status}"
    location = response.get("Location", "")
    to_sign_in = status == 302 and reverse("account_login") in location
    if expected in (302, 403, 404):
        # Refused at the door, as the permission matrix says for a GET; nothing may change.
        assert status == expected, f"{role} got {status}, the matrix says {expected}"
        assert fingerprint() == before, f"{role} is refused, yet the database changed"
        return
    errors = [m for m in queued_messages(response) if m.level >= message_levels.WARNING]
    refused = status in (400, 403, 404, 405, 429) or to_sign_in or status == 200 or errors
    if refused:
        assert fingerprint() == before, f"refused input ({status}) changed the database"
    for message in errors:
        assert is_swedish(str(message)), f"message not in Swedish: {message}"
    content_type = response.get("Content-Type", "")
    if not content_type.startswith("text/html"):
        return
    content = response.content.decode()
    for marker in RAW_MARKERS:
        assert marker not in content, f"unescaped payload {marker!r} on the page"
    if status == 200:
        assert '<html lang="sv"' in content, "the form came back in another language"
        shown = form_errors(response)
        for error in shown:
            assert is_swedish(error), f"error not in Swedish: {error!r}"
        # The errors are on the page; or the page says, instead of the form, why it cannot be used
        # (allauth's expired link, a grant without categories).
        says_why = (response.context or {}).get("token_fail") or 'class="ds-alert"' in content
        assert shown or says_why, "the form came back without saying what is wrong"
        if not says_why:
            for error in shown:
                assert escape(error) in content, f"error not shown: {error!r}"


@pytest.mark.parametrize("url_name", POST_ENDPOINTS)
def test_hostile_input_never_breaks_an_endpoint(url_name, world):
    kwargs, statuses = EXPECTATIONS[url_name]
    if callable(kwargs):
        kwargs = kwargs(world)
    path = reverse(url_name, kwargs=kwargs)
    fields = discover_fields(url_name, path, world, statuses)
    other_ids = other_forum_ids(world)

    for role in ROLES:
        post_as(role, url_name=url_name, path=path, world=world, fields=fields, other_ids=other_ids)


def post_as(role: str, *, url_name: str, path: str, world, fields: dict, other_ids: list[int]) -> None:
    """Run the examples for one role: fewer where the role is refused at the door."""
    statuses = EXPECTATIONS[url_name][1]
    expected = None if url_name in POST_ONLY else statuses[role]
    may_post = expected not in (302, 403, 404) and not (url_name in POST_ONLY and role == "anonymous")

    @settings(max_examples=examples(may_post))
    @given(data=post_data(fields, other_ids))
    def post(data):
        SENT[url_name] += 1
        django_cache.clear()
        with transaction.atomic():
            response = client.post(path, data)
            check_response(response, url_name=url_name, role=role, expected=expected, before=before)
            follow = response.get("Location", "")
            to_sign_in = reverse("account_login") in follow
            if response.status_code == 302 and may_post and follow.startswith("/") and not to_sign_in:
                # The page after a save shows what was stored: escaped, never live.
                page = client.get(follow)
                assert page.status_code < 500
                if page.get("Content-Type", "").startswith("text/html"):
                    for marker in RAW_MARKERS:
                        assert marker not in page.content.decode(), f"stored payload {marker!r} is live"
            transaction.set_rollback(True)
        # Signing out (or in) inside the rolled-back savepoint changed the cookie, not the session.
        client.cookies = SimpleCookie(cookies.output(header="", sep="\n"))

    client = signed_in(world, role)
    cookies = SimpleCookie(client.cookies.output(header="", sep="\n"))
    # Every example starts from this state: the savepoint of the one before is rolled back.
    before = fingerprint()
    post()


def test_every_post_endpoint_is_covered():
    """New views are picked up from the matrix; this guards the discovery itself."""
    assert len(POST_ENDPOINTS) >= 60
    for name in ("core:meeting_respond", "proposals:comment", "account_login", "reports:order"):
        assert name in POST_ENDPOINTS
