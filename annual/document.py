"""The yearly follow-up as a document: one section per question, each with the figures the portal computed
and the coordinator's text beside them.

The figures come from the functions the reports and the register use (reports.content.collect for the
yearly report's sections, duties.figures.register for the duties): one source. A draft is built from the
data as it is now; an approved follow-up is read from its snapshot, which holds the document in each
language as it was on the day of approval. The document is JSON-safe so that it can be that snapshot.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation

from core.plumbing.packed import unpacked
from core.templatetags.content_language import translated_value
from duties import figures as duty_figures
from followup.models import Cycle
from reports.content import collect
from reports.models import ReportKind

from .models import Figures, FollowUpAnswer, FollowUpQuestion, YearlyFollowUp, snapshot_attribute

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The yearly report's sections that the figures below come from (_figures); the follow-up shows no other,
# and of the actions only their total, average progress and rows by minority.
REPORT_SECTIONS = ("actions_by_minority", "meetings", "indicators", "consultations", "yearly")


def document(follow_up: YearlyFollowUp, language: str) -> dict:
    """The follow-up in the language: frozen once approved, built from today's data before that.

    A follow-up read `with_snapshot_in(language)` has that language's document alone; otherwise the whole
    snapshot is read."""
    if follow_up.is_approved:
        attribute = snapshot_attribute(language)
        if attribute in follow_up.__dict__:
            frozen = follow_up.__dict__[attribute]
        else:
            frozen = follow_up.snapshot.get(language)
        if frozen is not None:
            return frozen
    return build(follow_up, language)


def build(follow_up: YearlyFollowUp, language: str) -> dict:
    with translation.override(language):
        year = follow_up.year
        # A draft read with_draft_sources() brings its year's cycles.
        cycles = follow_up.__dict__.get("packed_cycles")
        data = collect(
            ReportKind.YEARLY,
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            language,
            only=REPORT_SECTIONS,
            cycles=None if cycles is None else unpacked(Cycle, cycles),
        )
        computed = _figures(data, duty_figures.register(year, with_departments=False))
        sections = []
        for question in _questions_with_answers(follow_up):
            text, text_language = translated_value(question, "question")
            guidance, guidance_language = translated_value(question, "guidance")
            answered = question.answer_language is not None
            sections.append(
                {
                    "question_id": question.pk,
                    "code": question.code,
                    "question": text,
                    "question_language": text_language,
                    "guidance": guidance,
                    "guidance_language": guidance_language,
                    "figures_kind": question.figures,
                    "figures": computed.get(question.figures),
                    "answer": question.answer_text if answered else "",
                    "answer_language": question.answer_language if answered else language,
                }
            )
        return {
            "year": year,
            "language": language,
            "made_at": timezone.now().isoformat(),
            "due_on": follow_up.due_on.isoformat(),
            "sections": sections,
        }


def _questions_with_answers(follow_up: YearlyFollowUp) -> list[Any]:
    """The active questions, each with the follow-up's answer to it (`answer_text`, `answer_language`,
    None where there is none): from the follow-up's row where it was read `with_draft_sources()`, else in one
    query."""
    packed_questions = follow_up.__dict__.get("packed_questions")
    if packed_questions is None:
        answers = FollowUpAnswer.objects.filter(follow_up=follow_up, question=OuterRef("pk"))
        return list(
            FollowUpQuestion.objects.filter(is_active=True).annotate(
                answer_text=Subquery(answers.values("text")[:1]),
                answer_language=Subquery(answers.values("language")[:1]),
            )
        )
    answers_by_question = {row["question_id"]: row for row in follow_up.__dict__.get("packed_answers") or ()}
    questions: list[Any] = unpacked(FollowUpQuestion, packed_questions)
    for question in questions:
        answer = answers_by_question.get(question.pk, {})
        question.answer_text = answer.get("text")
        question.answer_language = answer.get("language")
    return questions


def _figures(data: dict, register: duty_figures.Register) -> dict:
    """The computed figures of each kind a question may show (models.Figures)."""
    yearly = data.get("yearly") or {}
    meetings = data.get("meetings") or {}
    records = data.get("consultations") or []
    actions = data.get("actions") or {}
    return {
        Figures.CONSULTATION: {
            "meetings_total": meetings.get("total", 0),
            "by_tier": meetings.get("by_tier", []),
            "by_minority": meetings.get("by_minority", []),
            "consultations_total": yearly.get("consultations_total", len(records)),
            "records": [_record(r) for r in records],
        },
        Figures.CHILDREN: {
            "consultations_with_children": yearly.get("consultations_with_children", 0),
            "proposals_about_children": yearly.get("proposals_about_children", 0),
            "proposals": yearly.get("children_proposals", []),
            "records": [_record(r) for r in records if r["children_and_youth"]],
        },
        Figures.GOALS: {"goals": yearly.get("goal_list", [])},
        Figures.MINORITIES: {
            "actions_total": actions.get("total", 0),
            "average_progress": actions.get("average_progress"),
            "by_minority": [
                {
                    "label": g["label"],
                    "total": g["total"],
                    "done": g["by_status"].get("done", 0),
                    "average_progress": g["average_progress"],
                }
                for g in actions.get("by_minority", [])
            ],
            "indicators": data.get("indicators", []),
        },
        Figures.DUTIES: _duties(register),
        Figures.GRANT: yearly.get("grant"),
    }


def _record(row: dict) -> dict:
    return {k: row[k] for k in ("date", "forum", "subject", "form", "how_it_changed")}


def _duties(register: duty_figures.Register) -> dict:
    rows = []
    for row in register.rows:
        duty, assessment = row.duty, row.assessment
        title, title_language = translated_value(duty, "title")
        rows.append(
            {
                "code": duty.code,
                "title": title,
                "title_language": title_language,
                "citation": duty.citation,
                "scope": str(duty.get_scope_display()),
                "status": row.status,
                "status_label": row.status_label,
                "evidence": assessment.evidence if assessment else "",
                "evidence_language": assessment.language if assessment else "",
                "on_request": duty.on_request,
                "requests_received": assessment.requests_received if assessment else None,
                "requests_offered": assessment.requests_offered if assessment else None,
                "served": assessment.served if assessment else None,
            }
        )
    return {
        "counts": [{"status": s, "label": label, "count": n} for s, label, n in register.status_figures()],
        "rows": rows,
    }


def figure_lines(kind: str, figures: dict | None) -> list[str]:
    """The figures of a section as plain lines, for the spreadsheet's cell beside the answer."""
    from django.utils.translation import gettext as _

    if not figures:
        return []
    if kind == Figures.CONSULTATION:
        lines = [_("Meetings held: %(n)s") % {"n": figures["meetings_total"]}]
        lines += [f"{t['label']}: {t['count']}" for t in figures["by_tier"]]
        lines.append(_("Consultation records: %(n)s") % {"n": figures["consultations_total"]})
        lines += [f"{r['date']} {r['forum']}: {r['subject']}" for r in figures["records"]]
        return lines
    if kind == Figures.CHILDREN:
        return [
            _("Consultations about children and young people: %(n)s")
            % {"n": figures["consultations_with_children"]},
            _("Proposals about children and young people: %(n)s")
            % {"n": figures["proposals_about_children"]},
            *[f"{p['title']} ({p['status']})" for p in figures["proposals"]],
        ]
    if kind == Figures.GOALS:
        return [
            f"{g['title']} ({g['kind_label']}; "
            + (_("adopted %(date)s") % {"date": g["adopted_on"]} if g["adopted_on"] else _("not adopted"))
            + (
                (
                    "; "
                    + _("revised %(n)s times, last %(date)s")
                    % {"n": g["revisions"], "date": g["last_revised"]}
                )
                if g["revisions"]
                else ""
            )
            + ")"
            for g in figures["goals"]
        ]
    if kind == Figures.MINORITIES:
        return [
            _("%(label)s: %(total)s actions, %(done)s done, average progress %(progress)s")
            % {
                "label": m["label"],
                "total": m["total"],
                "done": m["done"],
                "progress": "–" if m["average_progress"] is None else f"{m['average_progress']} %",
            }
            for m in figures["by_minority"]
        ]
    if kind == Figures.DUTIES:
        lines = []
        for d in figures["rows"]:
            line = f"{d['title']}: {d['status_label']}"
            if d["on_request"] and d["requests_received"] is not None:
                line += "; " + _("requests received %(received)s, offered %(offered)s") % {
                    "received": d["requests_received"],
                    "offered": d["requests_offered"] if d["requests_offered"] is not None else "–",
                }
            lines.append(line)
        return lines
    if kind == Figures.GRANT:
        return [
            _("Granted %(amount)s kr, used %(used)s kr, remaining %(remaining)s kr") % figures,
            *[f"{c['label']}: {c['amount']} kr" for c in figures["by_category"]],
        ]
    return []
