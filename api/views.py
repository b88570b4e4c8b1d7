"""The open data API: read-only JSON of what the public pages show, and its documentation and catalogue.

Each queryset is the public pages' own rule (`Meeting.objects.public()`, `Action.objects.visible_to` a
visitor, published language versions), whoever asks: the API has no sign-in and never shows more to a
signed-in person.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response
from rules.contrib.views import PermissionRequiredMixin

from core.models import AgendaItem, Meeting
from core.plumbing.pagecache import cached_get
from followup.models import Action, Goal, Indicator, IndicatorValue, ProgressUpdate
from pages.content import rights_pages
from reports.models import Report

from . import dcat, serializers
from .http import LICENCE_URL, OpenDataMixin
from .permissions import ReadsOpenData

LANGUAGE_PARAMETER = OpenApiParameter(
    "lang", str, enum=["sv", "fi", "en"], default="sv", description="The language of names and titles."
)


def public_actions():
    return Action.objects.visible_to(AnonymousUser())


@extend_schema_view(
    list=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="Meetings of the public forums"),
    retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="A meeting with its agenda and minutes"),
)
class MeetingViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """Meetings of the forums open to the public once their notice is out, newest first. The minutes
    (discussion, decisions, who does what by when) are given once they are published."""

    serializer_class = serializers.MeetingSerializer
    permission_classes = [ReadsOpenData]

    def get_queryset(self):
        return (
            Meeting.objects.public()
            .select_related("forum")
            .prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.select_related("meeting").order_by("position", "pk"),
                )
            )
            .order_by("-starts_at", "pk")
        )


@extend_schema_view(
    list=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="Goals of the minority policy programme"),
    retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="A goal"),
)
class GoalViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """The goals, their themes and indicators, and the public actions towards each."""

    serializer_class = serializers.GoalSerializer
    permission_classes = [ReadsOpenData]

    def get_queryset(self):
        return Goal.objects.prefetch_related(
            "themes",
            "minorities",
            Prefetch("indicators", queryset=Indicator.objects.order_by("pk")),
            Prefetch("actions", queryset=public_actions().order_by("pk"), to_attr="public_actions"),
        ).order_by("code", "pk")


@extend_schema_view(
    list=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="Indicators with their measured values"),
    retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="An indicator"),
)
class IndicatorViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """What is measured, against which baseline and target, and every value measured, oldest first."""

    serializer_class = serializers.IndicatorSerializer
    permission_classes = [ReadsOpenData]

    def get_queryset(self):
        return Indicator.objects.prefetch_related(
            Prefetch("goals", queryset=Goal.objects.order_by("code", "pk")),
            "minorities",
            Prefetch("values", queryset=IndicatorValue.objects.order_by("measured_on", "pk")),
        ).order_by("pk")


@extend_schema_view(
    list=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="The public actions and their progress"),
    retrieve=extend_schema(parameters=[LANGUAGE_PARAMETER], summary="An action with its progress updates"),
)
class ActionViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """The actions the municipality shows to the public: responsible department, timetable, status,
    progress (%) and each progress update, oldest first. No person is named."""

    serializer_class = serializers.ActionSerializer
    permission_classes = [ReadsOpenData]

    def get_queryset(self):
        return (
            public_actions()
            .select_related("cycle", "department")
            .prefetch_related(
                Prefetch("goals", queryset=Goal.objects.order_by("code", "pk")),
                "minorities",
                Prefetch("updates", queryset=ProgressUpdate.objects.order_by("written_on", "pk")),
            )
            .order_by("pk")
        )


@extend_schema_view(
    list=extend_schema(summary="The rights pages in every published language"),
    retrieve=extend_schema(summary="A rights page"),
)
class RightsPageViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """The rights of the national minorities (§ 3 of the Act), a page per minority and one for all, with the
    text last published in each language. Drafts and texts awaiting review are never given."""

    serializer_class = serializers.RightsPageSerializer
    permission_classes = [ReadsOpenData]
    lookup_field = "slug"

    def get_queryset(self):
        return rights_pages().filter(versions__published_at__isnull=False).distinct()


@extend_schema_view(
    list=extend_schema(summary="The published reports"),
    retrieve=extend_schema(summary="A published report"),
)
class ReportViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """The quarterly and yearly reports a coordinator has published, newest period first: the public version,
    which names no person and holds only public work, as a PDF."""

    serializer_class = serializers.ReportSerializer
    permission_classes = [ReadsOpenData]

    def get_queryset(self):
        return Report.objects.published()


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([ReadsOpenData])
def datasets(request):
    """The list of datasets, with the licence and where the descriptions are."""
    return Response(
        {
            "title": "Haninge kommun: nationella minoriteter, öppna data",
            "licence": LICENCE_URL,
            "documentation": request.build_absolute_uri(reverse("api_documentation")),
            "openapi": request.build_absolute_uri(reverse("api:schema")),
            "catalogue": request.build_absolute_uri(reverse("api:catalogue")),
            "datasets": {
                name: request.build_absolute_uri(reverse(f"api:{name}-list")) for name in dcat.DATASET_NAMES
            },
        }
    )


def api_root(request):
    """The way in: a browser is shown the documentation in its language, a program the list of datasets."""
    accept = request.headers.get("Accept", "")
    if "text/html" in accept and "application/json" not in accept:
        return redirect("api_documentation")
    return datasets(request)


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([ReadsOpenData])
def catalogue(request):
    """The DCAT-AP-SE catalogue (RDF/XML) that Sweden's data portal harvests."""
    response = HttpResponse(dcat.catalogue(request), content_type="application/rdf+xml; charset=utf-8")
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@cached_get
class DocumentationView(PermissionRequiredMixin, TemplateView):
    """For everyone: what the open data holds, how to ask for it, its licence."""

    permission_required = "api.view_documentation"
    template_name = "api/documentation.html"

    def get_context_data(self, **kwargs) -> dict:
        absolute = self.request.build_absolute_uri
        return super().get_context_data(
            root=absolute(reverse("api:root")),
            schema=absolute(reverse("api:schema")),
            catalogue=absolute(reverse("api:catalogue")),
            datasets=[
                {**info, "url": absolute(reverse(f"api:{info['name']}-list"))} for info in dcat.datasets()
            ],
            licence=LICENCE_URL,
            **kwargs,
        )
