"""Rows for the register of duties: the summary is public; the register and a duty are read by every
signed-in role but residents, like the rest of the follow-up; coordinators keep the register; a year's
assessment is recorded by coordinators and the responsible department's administration contacts (SÄF)."""

from tests.permission_rows import everyone, signed_in_statuses


def _duty(world) -> dict:
    from tests.duties.factories import DutyFactory

    return {"pk": DutyFactory(departments=[world["department"]]).pk}


def _assessment_file(world) -> dict:
    from django.core.files.base import ContentFile

    from tests.duties.factories import DutyAssessmentFactory

    assessment = DutyAssessmentFactory(duty__departments=[world["department"]])
    assessment.file.save("underlag.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    assessment.file_name = "underlag.pdf"
    assessment.file_type = "application/pdf"
    assessment.save()
    return {"pk": assessment.pk}


def _assess(world) -> dict:
    from django.utils import timezone

    return {**_duty(world), "year": timezone.localdate().year}


READERS = signed_in_statuses(
    resident=403,
    representative=200,
    other_representative=200,
    admin_contact=200,
    politician=200,
    coordinator=200,
    administrator=200,
)
KEEPERS = signed_in_statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "duties:summary": ({}, everyone(200)),
    "duties:register": ({}, READERS),
    "duties:create": ({}, KEEPERS),
    "duties:detail": (_duty, {**READERS, "resident": 404}),
    "duties:edit": (_duty, {**KEEPERS, "resident": 404}),
    "duties:assess": (
        _assess,
        signed_in_statuses(
            resident=404,
            representative=403,
            other_representative=403,
            admin_contact=200,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
}
ROWS["duties:register_export"] = ({"fmt": "xlsx"}, READERS)
ROWS["duties:assessment_file"] = (_assessment_file, {**READERS, "resident": 404})
