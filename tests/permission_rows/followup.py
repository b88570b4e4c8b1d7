"""Rows for the follow-up: the register and public actions are open to all; the dashboard to every signed-in
role but residents; planning to coordinators and administrators; progress to the responsible department.

The internal action belongs to the administration contact's department (SÄF): its contact may report on it,
a representative may read it but not report (403), a resident or visitor does not know it (404/sign-in).
"""

from tests.permission_rows import everyone, signed_in_statuses

_statuses = signed_in_statuses


def _internal_action(world) -> dict:
    from tests.factories import ActionFactory

    return {"pk": ActionFactory(department=world["department"], is_public=False).pk}


def _update_file(world) -> dict:
    from django.core.files.base import ContentFile

    from tests.followup.factories import ProgressUpdateFactory

    update = ProgressUpdateFactory(action__department=world["department"], action__is_public=False)
    update.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    update.file_name = "rapport.pdf"
    update.file_type = "application/pdf"
    update.save()
    return {"pk": update.pk}


def _goal(world) -> dict:
    from tests.followup.factories import GoalFactory

    return {"pk": GoalFactory().pk}


def _indicator(world) -> dict:
    from tests.followup.factories import IndicatorFactory

    return {"pk": IndicatorFactory().pk}


def _cycle(world) -> dict:
    from tests.factories import CycleFactory

    CycleFactory()
    return {}


PLANNERS = _statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)
READERS = _statuses(
    resident=403,
    representative=200,
    other_representative=200,
    admin_contact=200,
    politician=200,
    coordinator=200,
    administrator=200,
)
INTERNAL_ACTION = _statuses(
    resident=404,
    representative=200,
    other_representative=200,
    admin_contact=200,
    politician=200,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "followup:dashboard": (_cycle, READERS),
    "followup:department": (
        {},
        _statuses(
            resident=403,
            representative=403,
            other_representative=403,
            admin_contact=200,
            politician=200,
            coordinator=200,
            administrator=200,
        ),
    ),
    "followup:register": (_cycle, everyone(200)),
    "followup:register_export": ({"fmt": "csv"}, everyone(200)),
    "followup:action_create": ({}, PLANNERS),
    "followup:action_detail": (_internal_action, INTERNAL_ACTION),
    "followup:action_edit": (
        _internal_action,
        _statuses(
            resident=404,
            representative=403,
            other_representative=403,
            admin_contact=403,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
    "followup:action_update": (
        _internal_action,
        _statuses(
            resident=404,
            representative=403,
            other_representative=403,
            admin_contact=200,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
    "followup:update_file": (_update_file, INTERNAL_ACTION),
    "followup:goal_list": ({}, everyone(200)),
    "followup:goal_create": ({}, PLANNERS),
    "followup:goal_detail": (_goal, everyone(200)),
    "followup:goal_edit": (_goal, PLANNERS),
    "followup:indicator_list": ({}, everyone(200)),
    "followup:indicator_create": ({}, PLANNERS),
    "followup:indicator_detail": (_indicator, everyone(200)),
    "followup:indicator_edit": (_indicator, PLANNERS),
    "followup:indicator_value": (
        _indicator,
        _statuses(
            resident=403,
            representative=403,
            other_representative=403,
            admin_contact=200,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
    "followup:cycle_list": ({}, PLANNERS),
    "followup:cycle_create": (_cycle, PLANNERS),
}
