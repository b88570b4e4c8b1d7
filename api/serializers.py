"""What the open data API says about each public object: what the public pages show, and no person.

The public pages name the person responsible for an action and who wrote an update; the API does not, so that
nobody can harvest names in bulk. Texts that people write in Swedish, Finnish or English are given in the
language asked for (`?lang=`), falling back to Swedish as the pages do; stored texts carry their language.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.models import AgendaItem, Meeting, MinutesStatus, NationalMinority
from core.models.languages import other_language
from followup.models import Action, Goal, Indicator, IndicatorValue, ProgressUpdate
from pages.models import Page
from reports.models import Report


def portal_url(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class PortalUrlField(serializers.Field):
    """The object's page on the portal, as an absolute address."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return portal_url(self.context.get("request"), value.get_absolute_url())


extend_schema_field(OpenApiTypes.URI)(PortalUrlField)


class MinoritySerializer(serializers.ModelSerializer):
    class Meta:
        model = NationalMinority
        fields = ["slug", "name"]


class Translation(serializers.Serializer):
    """A text's translation into the other of Swedish and Finnish, where one was written."""

    language = serializers.CharField()
    text = serializers.CharField()


def translation_of(text: str, language: str | None) -> dict | None:
    target = other_language(language)
    return {"language": target, "text": text} if target and text.strip() else None


class AgendaItemSerializer(serializers.ModelSerializer):
    """An item of the agenda; the minutes (discussion, decisions, who does what) once they are published.
    Each text in its own language, and its translation into the other of Swedish and Finnish where one exists."""

    title_translation = serializers.SerializerMethodField()
    description_translation = serializers.SerializerMethodField()
    minutes = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    follow_up = serializers.SerializerMethodField()
    minutes_language = serializers.SerializerMethodField()
    minutes_translation = serializers.SerializerMethodField()
    decision_translation = serializers.SerializerMethodField()
    follow_up_translation = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "position",
            "title",
            "description",
            "language",
            "title_translation",
            "description_translation",
            "minutes",
            "decision",
            "follow_up",
            "minutes_language",
            "minutes_translation",
            "decision_translation",
            "follow_up_translation",
        ]

    def _published(self, item: AgendaItem) -> bool:
        return item.meeting.minutes_status == MinutesStatus.PUBLISHED

    def _minutes_text(self, item: AgendaItem, field: str) -> str:
        return getattr(item, field) if self._published(item) else ""

    def _minutes_translation(self, item: AgendaItem, field: str) -> dict | None:
        if not self._published(item):
            return None
        return translation_of(getattr(item, f"{field}_translation"), item.minutes_language)

    @extend_schema_field(Translation(allow_null=True))
    def get_title_translation(self, item: AgendaItem) -> dict | None:
        return translation_of(item.title_translation, item.language)

    @extend_schema_field(Translation(allow_null=True))
    def get_description_translation(self, item: AgendaItem) -> dict | None:
        return translation_of(item.description_translation, item.language)

    @extend_schema_field(OpenApiTypes.STR)
    def get_minutes(self, item: AgendaItem) -> str:
        """Sanitised HTML; empty until the minutes are published."""
        return self._minutes_text(item, "minutes")

    @extend_schema_field(OpenApiTypes.STR)
    def get_decision(self, item: AgendaItem) -> str:
        return self._minutes_text(item, "decision")

    @extend_schema_field(OpenApiTypes.STR)
    def get_follow_up(self, item: AgendaItem) -> str:
        return self._minutes_text(item, "follow_up")

    @extend_schema_field(OpenApiTypes.STR)
    def get_minutes_language(self, item: AgendaItem) -> str | None:
        return item.minutes_language if self._published(item) else None

    @extend_schema_field(Translation(allow_null=True))
    def get_minutes_translation(self, item: AgendaItem) -> dict | None:
        return self._minutes_translation(item, "minutes")

    @extend_schema_field(Translation(allow_null=True))
    def get_decision_translation(self, item: AgendaItem) -> dict | None:
        return self._minutes_translation(item, "decision")

    @extend_schema_field(Translation(allow_null=True))
    def get_follow_up_translation(self, item: AgendaItem) -> dict | None:
        return self._minutes_translation(item, "follow_up")


class ForumSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    tier = serializers.CharField()


class MeetingSerializer(serializers.ModelSerializer):
    forum = ForumSerializer()
    url = PortalUrlField()
    minutes_published = serializers.SerializerMethodField()
    agenda = AgendaItemSerializer(source="agenda_items", many=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "forum",
            "title",
            "starts_at",
            "ends_at",
            "location",
            "status",
            "agenda_published_at",
            "minutes_published",
            "minutes_published_at",
            "agenda",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_minutes_published(self, meeting: Meeting) -> bool:
        return meeting.minutes_status == MinutesStatus.PUBLISHED


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["measured_on", "value", "note"]


class IndicatorSerializer(serializers.ModelSerializer):
    url = PortalUrlField()
    goals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    minorities = MinoritySerializer(many=True)
    values = IndicatorValueSerializer(many=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "url",
            "name",
            "description",
            "unit",
            "baseline",
            "baseline_on",
            "target",
            "target_on",
            "latest_value",
            "latest_on",
            "goals",
            "minorities",
            "values",
        ]


class GoalSerializer(serializers.ModelSerializer):
    url = PortalUrlField()
    themes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    minorities = MinoritySerializer(many=True)
    indicators = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Goal
        fields = [
            "id",
            "url",
            "code",
            "title",
            "description",
            "kind",
            "adopted_on",
            "themes",
            "minorities",
            "indicators",
            "actions",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_actions(self, goal: Goal) -> list[int]:
        """The public actions towards the goal."""
        return [action.pk for action in goal.public_actions]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    translation = serializers.SerializerMethodField()

    class Meta:
        model = ProgressUpdate
        fields = ["written_on", "text", "language", "translation", "status", "progress"]

    @extend_schema_field(Translation(allow_null=True))
    def get_translation(self, update: ProgressUpdate) -> dict | None:
        return translation_of(update.text_translation, update.language)


class ActionSerializer(serializers.ModelSerializer):
    url = PortalUrlField()
    cycle = serializers.CharField(source="cycle.title")
    department = serializers.CharField(source="department.name")
    goals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    minorities = MinoritySerializer(many=True)
    updates = ProgressUpdateSerializer(many=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "url",
            "title",
            "description",
            "status",
            "progress",
            "starts_on",
            "due_on",
            "completed_on",
            "cycle",
            "department",
            "goals",
            "minorities",
            "updates",
        ]


class PageVersionSerializer(serializers.Serializer):
    """A published language version: the text last published, never a draft."""

    language = serializers.CharField()
    title = serializers.CharField(source="published_title")
    summary = serializers.CharField(source="published_summary")
    body = serializers.CharField(
        source="published_body", help_text="Plain text; lines starting with ## are headings."
    )
    published_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, version) -> str:
        return portal_url(self.context.get("request"), version.page.url_in(version.language))

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf(self, version) -> str:
        path = reverse("pages:pdf", kwargs={"slug": version.page.slug, "language": version.language})
        return portal_url(self.context.get("request"), path)


class RightsPageSerializer(serializers.ModelSerializer):
    url = PortalUrlField()
    minority = MinoritySerializer()
    versions = serializers.SerializerMethodField()

    class Meta:
        model = Page
        fields = [
            "slug",
            "url",
            "kind",
            "minority",
            "source_language",
            "contact_name",
            "contact_email",
            "contact_phone",
            "versions",
        ]

    @extend_schema_field(PageVersionSerializer(many=True))
    def get_versions(self, page: Page) -> list:
        published = [version for version in page.versions.all() if version.is_published]
        for version in published:
            version.page = page
        return PageVersionSerializer(published, many=True, context=self.context).data


class ReportSerializer(serializers.ModelSerializer):
    """A published report: its public version only, as a PDF (PDF/UA-1); who made or published it is not said."""

    pdf = serializers.SerializerMethodField()
    pages = serializers.IntegerField(source="public_pages")
    size = serializers.IntegerField(source="public_size", help_text="Bytes.")

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "period_start",
            "period_end",
            "language",
            "published_at",
            "pages",
            "size",
            "pdf",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf(self, report: Report) -> str:
        return portal_url(self.context.get("request"), report.get_public_url())
