"""The demo's register of duties: the duties of DOMAIN.md, last year assessed in full and this year in part.
The figures are counted by hand from demo/data/duties/duties.toml."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.models import Department
from demo.duties import build_duties_demo
from demo.haninge import build
from duties import figures
from duties.models import Duty, DutyAssessment, DutyScope

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def test_the_demo_register_has_the_law_s_duties_and_the_hand_counted_figures():
    build(TODAY)
    first = (Duty.history.count(), DutyAssessment.history.count())
    with translation.override("fi"), CaptureQueriesContext(connection) as queries:
        build_duties_demo(TODAY)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert (Duty.history.count(), DutyAssessment.history.count()) == first

    # Five duties of the basic protection (3, 4, 5, 5 a, 5 b §), five of the Finnish administrative area.
    assert Duty.objects.filter(scope=DutyScope.BASIC).count() == 5
    assert sorted(Duty.objects.filter(scope=DutyScope.BASIC).values_list("provision", flat=True)) == [
        "3 §",
        "4 §",
        "5 a §",
        "5 b §",
        "5 §",
    ]
    assert Duty.objects.filter(scope=DutyScope.FINNISH_AREA).count() == 5
    preschool = Duty.objects.get(code="preschool")
    assert preschool.source_sv == "Skollagen (2010:800)" and preschool.title_fi == "Suomenkielinen esikoulu"
    assert preschool.on_request and preschool.counts_served
    assert not Duty.objects.filter(checked_on__isnull=False).exists()

    last = figures.register(2025)
    assert last.counts == {"met": 5, "partly": 5, "not_met": 0, "not_assessed": 0}
    requests = last.requests()
    # Contact in Finnish 46/46, preschool 14/12 (12 served), elderly care 9/7 (7 served).
    assert (requests.duties, requests.received, requests.offered, requests.served) == (3, 69, 65, 19)

    this = figures.register(2026)
    assert this.counts == {"met": 2, "partly": 1, "not_met": 0, "not_assessed": 7}
    saf = Department.objects.get(code="SÄF")
    saf_register = figures.register(2026, department=saf)
    # SÄF answers for contact in Finnish, Finnish-speaking staff and elderly care; only elderly care is assessed.
    assert [row.duty.code for row in saf_register.rows] == [
        "finnish-contact",
        "finnish-staff",
        "elderly-care",
    ]
    assert [row.duty.code for row in saf_register.due] == ["finnish-contact", "finnish-staff"]
