"""The pages of the permission matrix a role may open (GET, 200): the crawl that the accessibility
tests (titles, valid HTML, reflow) walk instead of a hand-kept list."""

from dataclasses import dataclass

from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.permission_rows import all_rows


@dataclass(frozen=True)
class MatrixPage:
    url_name: str
    kwargs: dict
    path: str
    html: str

    @property
    def has_form(self) -> bool:
        """A form in the page's main content (the header's sign-out form does not count)."""
        main = self.html.split('<main id="main"', 1)[-1].split("</main>", 1)[0]
        return "<form" in main

    def path_in(self, language: str) -> str:
        with translation.override(language):
            return reverse(self.url_name, kwargs=self.kwargs)


def pages_for(role: str, client: Client, world: dict, language: str = "sv") -> list[MatrixPage]:
    """Every page of the matrix that `role` gets with 200, rendered through `client`."""
    pages = []
    for url_name, (kwargs, expected) in sorted(all_rows().items()):
        if expected.get(role) != 200:
            continue
        if callable(kwargs):
            kwargs = kwargs(world)
        with translation.override(language):
            path = reverse(url_name, kwargs=kwargs)
        response = client.get(path)
        content_type = "" if response.streaming else response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        pages.append(MatrixPage(url_name, kwargs, path, response.content.decode()))
    return pages
