"""Tagged PDF/UA-1 from HTML by WeasyPrint: every PDF of the portal (reports, the yearly follow-up, the
meetings' protocols) is made here.

WeasyPrint makes bookmarks from the headings, takes the document language from `<html lang>` and the
title from `<title>`. The fonts (Noto Sans, DejaVu Sans as fallback) carry the Swedish, Finnish, Sami
and Romani letters.
"""


def mark_structure_languages() -> None:
    """Give a PDF structure element the /Lang of its HTML element's lang attribute (WCAG 3.1.2, PDF/UA),
    and each header cell its /Scope.

    WeasyPrint (70) writes only the document's /Lang, from <html lang>; a Swedish text in a Finnish report
    would be read aloud in Finnish. Its structure tree is built box by box in `_build_box_tree`, which
    calls itself by its module name: wrapping it marks each element made for a box whose element names a
    language other than its parent's. Installed once, before the first PDF.
    """
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree
    if getattr(original, "marks_languages", False):
        return

    def build_box_tree(box, parent, *args, **kwargs):
        element = getattr(box, "element", None)
        language = element.get("lang") if element is not None and hasattr(element, "get") else None
        if getattr(box, "element_tag", None) in ("html", "body"):
            language = None  # the document's language is the catalog's /Lang
        for struct in original(box, parent, *args, **kwargs):
            # Only the element made for this box points at this parent; its children come from deeper calls.
            if struct.get("P") != parent.reference:
                yield struct
                continue
            if language and "Lang" not in struct:
                struct["Lang"] = pydyf.String(language)
            if struct.get("S") == "/TH" and element is not None:
                # PDF/UA (Matterhorn 15-003): a header cell says whether it heads a column or a row.
                scope = "/Row" if element.get("scope") == "row" else "/Column"
                struct.setdefault("A", pydyf.Dictionary({"O": "/Table"}))["Scope"] = scope
            yield struct

    build_box_tree.marks_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = build_box_tree


def tagged_pdf(html: str) -> tuple[bytes, int]:
    """The HTML as tagged PDF/UA-1 with each element's language marked, and its number of pages: every PDF of
    the portal (the reports, the yearly follow-up) is made here."""
    from weasyprint import HTML

    mark_structure_languages()
    document = HTML(string=html, base_url=".").render()
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
