"""One English word, several meanings: each meaning has its own context, so Swedish and Finnish can say it
their own way ("Waiting" is a queued report, an unanswered invitation and how long a proposal has waited).

The labels are compared with pgettext of their context in each language, which holds before and after the
catalogs are merged; a label that fell back to the context-free msgid would read e.g. "Väntetid" instead.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from core.models import InvitationStatus, MeetingStatus
from followup.models import ActionStatus
from proposals.forms import InboxFilterForm
from reports.models import Report, ReportKind, ReportStatus

LABELS = [
    (lambda: ReportStatus.QUEUED.label, "report status", "Waiting"),
    (lambda: InvitationStatus.PENDING.label, "invitation status", "Waiting"),
    (lambda: InboxFilterForm().fields["age"].label, "how long a proposal has waited", "Waiting"),
    (lambda: dict(InboxFilterForm().fields["status"].choices)["open"], "proposals not yet decided", "Open"),
    (lambda: MeetingStatus.PLANNED.label, "meeting status", "Planned"),
    (lambda: MeetingStatus.CANCELLED.label, "meeting status", "Cancelled"),
    (lambda: ActionStatus.PLANNED.label, "action status", "Planned"),
    (lambda: ActionStatus.CANCELLED.label, "action status", "Cancelled"),
    (lambda: ActionStatus.DELAYED.label, "action status", "Behind schedule"),
]


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
@pytest.mark.parametrize(("label", "context", "msgid"), LABELS, ids=[f"{c}:{m}" for _l, c, m in LABELS])
def test_each_meaning_is_translated_in_its_own_context(label, context, msgid, language):
    with translation.override(language):
        assert str(label()) == pgettext(context, msgid)


def test_a_queued_report_says_it_waits_in_the_queue_not_a_waiting_time(client_for, world):
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start="2026-07-01",
        period_end="2026-09-30",
        language="sv",
        status=ReportStatus.QUEUED,
    )
    page = client_for("coordinator").get(reverse("reports:detail", kwargs={"pk": report.pk})).content.decode()
    status = re.search(r'<dd id="report-status">(.*?)</dd>', page).group(1)
    assert status == pgettext("report status", "Waiting")
    assert "Väntetid" not in page
