"""No page has two form controls with the same accessible name.

A screen reader lists a page's fields by name: two called "Språk" (the report's language beside the
portal's) cannot be told apart. Every page of the permission matrix is read as the roles that see the
most forms, and each control's name is worked out as a browser does: aria-labelledby, aria-label, the
label tied to it by `for` or around it, and for a radio button or checkbox the legend of its fieldset.
"""

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.permission_rows import all_rows

NOT_NAMED_CONTROLS = {"hidden", "submit", "button", "reset", "image"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Controls(HTMLParser):
    """The form controls of a page with what names them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text_by_id: dict[str, list[str]] = {}
        self.open_ids: list[str] = []  # elements with an id whose text is being collected
        self.stack: list[tuple[str, str | None]] = []
        self.label_for: dict[str, list[str]] = {}
        self.labels: list[dict] = []  # open <label> elements
        self.legends: list[list[str]] = []  # the legend of each open fieldset
        self.in_legend = False
        self.controls: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and (attrs.get("type") or "text") in NOT_NAMED_CONTROLS:
            return
        if tag in {"input", "select", "textarea"}:
            self.controls.append(
                {
                    "tag": tag,
                    "type": attrs.get("type") or tag,
                    "id": attrs.get("id"),
                    "aria_label": attrs.get("aria-label"),
                    "labelledby": attrs.get("aria-labelledby"),
                    "around": self.labels[-1] if self.labels else None,
                    "legend": " ".join(" ".join(self.legends[-1]).split()) if self.legends else "",
                }
            )
        if tag == "fieldset":
            self.legends.append([])
        if tag == "legend":
            self.in_legend = True
        if tag == "label":
            label = {"for": attrs.get("for"), "text": []}
            self.labels.append(label)
        if tag in VOID:
            return
        element_id = attrs.get("id")
        if element_id:
            self.text_by_id[element_id] = []
            self.open_ids.append(element_id)
        self.stack.append((tag, element_id))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "legend":
            self.in_legend = False
        if tag == "fieldset" and self.legends:
            self.legends.pop()
        if tag == "label" and self.labels:
            label = self.labels.pop()
            if label["for"]:
                self.label_for[label["for"]] = label["text"]
        while self.stack:
            open_tag, element_id = self.stack.pop()
            if element_id and element_id in self.open_ids:
                self.open_ids.remove(element_id)
            if open_tag == tag:
                break

    def handle_data(self, data):
        for element_id in self.open_ids:
            self.text_by_id[element_id].append(data)
        for label in self.labels:
            label["text"].append(data)
        if self.in_legend and self.legends:
            self.legends[-1].append(data)

    def names(self) -> list[str]:
        names = []
        for control in self.controls:
            if control["labelledby"]:
                parts = [" ".join(self.text_by_id.get(i, [])) for i in control["labelledby"].split()]
                name = " ".join(parts)
            elif control["aria_label"]:
                name = control["aria_label"]
            elif control["id"] in self.label_for:
                name = " ".join(self.label_for[control["id"]])
            elif control["around"] is not None:
                name = " ".join(control["around"]["text"])
            else:
                name = ""
            name = " ".join(name.split())
            if control["type"] in {"radio", "checkbox"} and control["legend"]:
                name = f"{control['legend']}: {name}"
            names.append(name)
        return names


def control_names(html: str) -> list[str]:
    parser = Controls()
    parser.feed(html)
    return parser.names()


def test_the_parser_names_controls_as_a_browser_does():
    html = """
    <label for="a">Språk</label><select id="a"></select>
    <label>Rapportens språk <input type="text"></label>
    <span id="h">Sök</span><input aria-labelledby="h">
    <input aria-label="Filter">
    <fieldset><legend>Närvaro</legend><label><input type="radio">Ja</label></fieldset>
    <input type="hidden" name="csrfmiddlewaretoken"><button>Skicka</button>
    """
    assert control_names(html) == ["Språk", "Rapportens språk", "Sök", "Filter", "Närvaro: Ja"]


ROWS = all_rows()
# The roles that see the most forms: visitors (sign-in, sign-up), residents, members and coordinators.
ROLES_TO_READ = ["anonymous", "representative", "coordinator", "administrator"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES_TO_READ)
def test_no_page_has_two_form_controls_with_the_same_name(role, client_for, world):
    client = client_for(role)
    duplicates = {}
    for url_name, (kwargs, expected) in sorted(ROWS.items()):
        if expected.get(role) != 200:
            continue
        if callable(kwargs):
            kwargs = kwargs(world)
        response = client.get(reverse(url_name, kwargs=kwargs))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        names = Counter(control_names(response.content.decode()))
        twice = sorted(name for name, count in names.items() if count > 1 or not name)
        if twice:
            duplicates[url_name] = twice
    assert not duplicates, f"Form controls without a name of their own, as {role}: {duplicates}"
