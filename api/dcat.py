"""The open data's catalogue in DCAT-AP-SE (the Swedish profile of DCAT-AP), for Sweden's data portal.

One catalogue, one dataset per kind of public object with a JSON distribution at its API address, and the
API itself as a data service with its OpenAPI description. Written with rdflib as RDF/XML, the format
dataportal.se harvests.
"""

from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from .http import LICENCE_URL

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_ACCESS = Namespace("http://publications.europa.eu/resource/authority/access-right/")
EU_FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")

# The route of each dataset in the API, its title and its description (in sv, fi and en through the catalogs).
DATASETS = [
    (
        "meetings",
        _("Meetings of the public forums"),
        _(
            "Meetings of the consultation group and the other public forums, with agendas and published minutes."
        ),
    ),
    (
        "goals",
        _("Goals of the minority policy"),
        _("The municipality's goals and guidelines for the rights of the national minorities."),
    ),
    (
        "indicators",
        _("Indicators with measured values"),
        _("What is measured over time, with its baseline, target and every value measured."),
    ),
    (
        "actions",
        _("Actions and their progress"),
        _("The public actions: responsible department, timetable, status, progress and progress updates."),
    ),
    (
        "rights-pages",
        _("Your rights as a national minority"),
        _(
            "The information on the national minorities' rights (section 3 of the Act on National Minorities "
            "and Minority Languages) in every language it is published in."
        ),
    ),
    (
        "reports",
        _("Quarterly and yearly reports"),
        _(
            "The public versions of the quarterly and yearly reports on the work for the national minorities, "
            "as accessible PDF files."
        ),
    ),
]
DATASET_NAMES = [dataset[0] for dataset in DATASETS]
PUBLISHER = "Haninge kommun"
CATALOGUE_TITLE = _("National minorities in Haninge: open data")
CATALOGUE_DESCRIPTION = _("The municipality's work for the rights of the national minorities, as open data.")
KEYWORD = _("national minorities")
SERVICE_TITLE = _("Open data API on the national minorities")
# The catalogue's languages and the EU's names for them.
LANGUAGES = {"sv": "SWE", "fi": "FIN", "en": "ENG"}


def datasets() -> list[dict]:
    """The datasets in the active language, for the documentation page."""
    return [{"name": name, "title": title, "description": text} for name, title, text in DATASETS]


def texts(text) -> list[Literal]:
    """A translatable text as one literal per language of the catalogue."""
    literals = []
    for code in LANGUAGES:
        with translation.override(code):
            literals.append(Literal(str(text), lang=code))
    return literals


def contact_email() -> str:
    return getattr(settings, "OPEN_DATA_CONTACT_EMAIL", "") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def catalogue(request) -> bytes:
    absolute = request.build_absolute_uri
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)

    catalogue = URIRef(absolute(reverse("api:catalogue")))
    publisher = URIRef(absolute("/") + "#publisher")
    contact = URIRef(absolute("/") + "#contact")
    licence = URIRef(LICENCE_URL)
    service = URIRef(absolute(reverse("api:root")))

    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(PUBLISHER, lang="sv")))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(PUBLISHER, lang="sv")))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{contact_email()}")))

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    for literal in texts(CATALOGUE_TITLE):
        graph.add((catalogue, DCTERMS.title, literal))
    for literal in texts(CATALOGUE_DESCRIPTION):
        graph.add((catalogue, DCTERMS.description, literal))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, FOAF.homepage, URIRef(absolute(reverse("api_documentation")))))
    for code in LANGUAGES.values():
        graph.add((catalogue, DCTERMS.language, EU_LANGUAGE[code]))
    graph.add((catalogue, DCAT.service, service))

    graph.add((service, RDF.type, DCAT.DataService))
    for literal in texts(SERVICE_TITLE):
        graph.add((service, DCTERMS.title, literal))
    graph.add((service, DCAT.endpointURL, service))
    graph.add((service, DCAT.endpointDescription, URIRef(absolute(reverse("api:schema")))))
    graph.add((service, DCTERMS.publisher, publisher))
    graph.add((service, DCTERMS.license, licence))
    graph.add((service, DCTERMS.accessRights, EU_ACCESS.PUBLIC))

    for name, title, description in DATASETS:
        url = absolute(reverse(f"api:{name}-list"))
        dataset = URIRef(f"{url}#dataset")
        distribution = URIRef(f"{url}#json")
        graph.add((catalogue, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        for literal in texts(title):
            graph.add((dataset, DCTERMS.title, literal))
            graph.add((distribution, DCTERMS.title, Literal(f"{literal} (JSON)", lang=literal.language)))
        for literal in texts(description):
            graph.add((dataset, DCTERMS.description, literal))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCAT.contactPoint, contact))
        graph.add((dataset, DCAT.theme, EU_THEME.GOVE))
        graph.add((dataset, DCAT.theme, EU_THEME.SOCI))
        for literal in texts(KEYWORD):
            graph.add((dataset, DCAT.keyword, literal))
        graph.add((dataset, DCTERMS.accessRights, EU_ACCESS.PUBLIC))
        graph.add((dataset, DCTERMS.accrualPeriodicity, EU_FREQUENCY.CONT))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.accessURL, URIRef(url)))
        graph.add((distribution, DCAT.accessService, service))
        graph.add((distribution, DCTERMS.format, EU_FILE_TYPE.JSON))
        graph.add(
            (
                distribution,
                DCAT.mediaType,
                URIRef("https://www.iana.org/assignments/media-types/application/json"),
            )
        )
        graph.add((distribution, DCTERMS.license, licence))
        graph.add((service, DCAT.servesDataset, dataset))
    return graph.serialize(format="pretty-xml", encoding="utf-8")
