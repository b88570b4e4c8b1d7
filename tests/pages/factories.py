import factory
from django.utils import timezone

from pages.models import Page, PageVersion, VersionStatus


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"rattigheter-{n}")
    contact_name = "Minoritetssamordnaren"
    contact_email = "minoriteter@example.org"


class PageVersionFactory(factory.django.DjangoModelFactory):
    """A published version (the public reads published_*)."""

    class Meta:
        model = PageVersion

    page = factory.SubFactory(PageFactory)
    language = "sv"
    status = VersionStatus.PUBLISHED
    title = factory.Sequence(lambda n: f"Dina rättigheter {n}")
    summary = "Vad lagen ger dig."
    body = (
        "## Vad lagen säger\nKommunen ska informera dig om dina rättigheter.\n\nDu har rätt till inflytande."
    )
    revision = 1
    published_title = factory.SelfAttribute("title")
    published_summary = factory.SelfAttribute("summary")
    published_body = factory.SelfAttribute("body")
    published_at = factory.LazyFunction(timezone.now)


def published_page(slug: str = "rattigheter", minority=None, **texts) -> Page:
    """A page with a published Swedish version (and the languages given as language=(title, body))."""
    page = PageFactory(slug=slug, minority=minority)
    PageVersionFactory(page=page, language="sv", title=f"Dina rättigheter ({slug})")
    for language, (title, body) in texts.items():
        PageVersionFactory(
            page=page, language=language, title=title, body=body, source_revision=1, summary=""
        )
    return page
