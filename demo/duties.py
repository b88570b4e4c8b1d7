"""The register of duties in the demo: the duties of ../shared/DOMAIN.md (demo/data/duties/duties.toml), last
year assessed in full and this year in part, so that the department view shows what is due."""

import datetime as dt
import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from core.models import Department, Meeting, MeetingStatus, Tier, User
from demo.upsert import upsert
from duties.models import Duty, DutyAssessment
from followup.models import Action
from proposals.models import ConsultationRecord

DATA = Path(__file__).parent / "data" / "duties" / "duties.toml"


def load() -> dict:
    with DATA.open("rb") as file:
        return tomllib.load(file)


def _texts(name: str, texts: dict) -> dict:
    return {f"{name}_{code}": texts.get(code) or None for code in ("sv", "fi", "en")}


def build_duties_demo(today: dt.date) -> dict[str, Duty]:
    """Create or update the demo's duties and assessments; with the same day, a second run writes nothing."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today)


def _build(today: dt.date) -> dict[str, Duty]:
    data = load()
    departments = {d.code: d for d in Department.objects.all()}
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    duties: dict[str, Duty] = {}
    for position, item in enumerate(data["duties"]):
        duty, _ = upsert(
            Duty,
            code=item["key"].replace("_", "-"),
            defaults={
                **_texts("title", item["title"]),
                **_texts("description", item["description"]),
                **_texts("source", data["sources"][item["source"]]),
                "provision": item["provision"],
                "scope": item["scope"],
                "on_request": item.get("on_request", False),
                "counts_served": item.get("counts_served", False),
                "contact": people.get(item["contact"]),
                "position": position,
            },
        )
        wanted = {departments[code].pk for code in item["departments"] if code in departments}
        if set(duty.departments.values_list("pk", flat=True)) != wanted:
            duty.departments.set(wanted)
        duties[item["key"]] = duty

    for item in data["assessments"]:
        duty = duties[item["duty"]]
        year = today.year - 1 if item["year"] == "last" else today.year
        assessment, _ = upsert(
            DutyAssessment,
            duty=duty,
            year=year,
            defaults={
                "status": item["status"],
                "evidence": item["evidence"],
                "language": "sv",
                "recorded_by": people.get(item["recorded_by"]),
                "requests_received": item.get("requests_received"),
                "requests_offered": item.get("requests_offered"),
                "served": item.get("served"),
            },
        )
        if item.get("link_meetings"):
            meetings = Meeting.objects.filter(
                forum__tier=Tier.CONSULTATION, status=MeetingStatus.HELD, starts_at__year=year
            )
            _set(assessment.meetings, meetings)
        if item.get("link_consultations"):
            _set(assessment.consultations, ConsultationRecord.objects.filter(consulted_on__year=year))
        if item.get("link_actions"):
            codes = list(duty.departments.all())
            actions = Action.objects.filter(
                Q(department__in=codes) | Q(collaborating_departments__in=codes), cycle__year=year
            ).distinct()
            _set(assessment.actions, actions)
    return duties


def _set(related, queryset) -> None:
    wanted = set(queryset.values_list("pk", flat=True))
    if set(related.values_list("pk", flat=True)) != wanted:
        related.set(wanted)
