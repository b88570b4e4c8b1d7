"""A rights page as PDF: Sami letters and Hebrew script in embedded fonts, extracted back as written, each
text marked with its language (PDF/UA-1)."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from tests.pages.factories import published_page

pytestmark = pytest.mark.django_db

SAMI = "á č đ ŋ š ŧ ž ï å æ ø Á Č Đ Ŋ Š Ŧ Ž"
HEBREW = "א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת"  # letters of the alphabet, not a text


def _fonts(reader: PdfReader) -> list[dict]:
    fonts = []
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            fonts.append(
                {
                    "name": str(font["/BaseFont"]),
                    "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                }
            )
    return fonts


def _pdf(path: str) -> PdfReader:
    response = Client().get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def test_sami_letters_and_hebrew_are_embedded_and_extract_as_written(world):
    published_page(
        "samer",
        se=(f"Sámegiella {SAMI}", f"{SAMI}\n\n{SAMI.upper()}"),
        yi=("ייִדיש", HEBREW),
    )
    sami = _pdf("/sv/rights/samer/se/page.pdf")
    text = "".join(page.extract_text() for page in sami.pages)
    for letter in SAMI.split():
        assert letter in text, letter
    assert str(sami.trailer["/Root"]["/Lang"]) == "se"
    fonts = _fonts(sami)
    assert fonts and all(font["embedded"] for font in fonts), fonts
    assert any("Noto" in font["name"] for font in fonts), fonts

    yiddish = _pdf("/sv/rights/samer/yi/page.pdf")
    text = "".join(page.extract_text() for page in yiddish.pages)
    for letter in HEBREW.split():
        assert letter in text, letter
    assert str(yiddish.trailer["/Root"]["/Lang"]) == "yi"
    fonts = _fonts(yiddish)
    assert all(font["embedded"] for font in fonts), fonts
    assert any("Hebrew" in font["name"] for font in fonts), fonts


def test_an_untranslated_pdf_is_the_swedish_text_marked_swedish(world):
    published_page("romer")
    reader = _pdf("/fi/rights/romer/rmy/page.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Dina rättigheter (romer)" in text
    assert "romani čhib (kalderash)" in text
    assert str(reader.trailer["/Root"]["/Lang"]) == "sv"
