"""A page's plain text as HTML: an empty line starts a paragraph, a line starting with ## a heading."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
BREAK = mark_safe("<br>")  # noqa: S308 (a constant)


def blocks(text: str) -> list[tuple[str, str]]:
    result = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            heading, _newline, rest = block.partition("\n")
            result.append(("h2", heading[3:].strip()))
            if rest.strip():
                result.append(("p", rest.strip()))
        else:
            result.append(("p", block))
    return result


@register.filter
def page_body(text: str) -> SafeString:
    """Escaped paragraphs and second-level headings (nothing a writer types becomes markup)."""
    parts = []
    for tag, value in blocks(text):
        if tag == "h2":
            parts.append(format_html('<h2 class="ds-heading" data-size="sm">{}</h2>', value))
        else:
            lines = value.split("\n")
            parts.append(format_html("<p>{}</p>", format_html_join(BREAK, "{}", ((line,) for line in lines))))
    return format_html_join("\n", "{}", ((part,) for part in parts))
