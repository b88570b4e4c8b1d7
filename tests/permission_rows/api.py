"""Rows for the open data API: everyone reads it, signed in or not, and it never shows more to anyone; an
object that is not public is not found (404) by any role (tests/api/test_open_data.py looks inside)."""

from tests.permission_rows import everyone


def _public_meeting(world) -> dict:
    return {"pk": world["meetings"]["consultation"].pk}


def _public_action(world) -> dict:
    from tests.factories import ActionFactory

    return {"pk": ActionFactory(is_public=True, department=world["department"]).pk}


def _goal(world) -> dict:
    from tests.followup.factories import GoalFactory

    return {"pk": GoalFactory().pk}


def _indicator(world) -> dict:
    from tests.followup.factories import IndicatorFactory

    return {"pk": IndicatorFactory().pk}


def _rights_page(world) -> dict:
    from tests.permission_rows.pages import _page

    return _page(world)


def _published_report(world) -> dict:
    from tests.permission_rows.reports import _published_report as published

    return published(world)


ROWS = {
    "api:root": ({}, everyone(200)),
    "api:schema": ({}, everyone(200)),
    "api:catalogue": ({}, everyone(200)),
    "api:meetings-list": ({}, everyone(200)),
    "api:meetings-detail": (_public_meeting, everyone(200)),
    "api:goals-list": ({}, everyone(200)),
    "api:goals-detail": (_goal, everyone(200)),
    "api:indicators-list": ({}, everyone(200)),
    "api:indicators-detail": (_indicator, everyone(200)),
    "api:actions-list": ({}, everyone(200)),
    "api:actions-detail": (_public_action, everyone(200)),
    "api:rights-pages-list": ({}, everyone(200)),
    "api:rights-pages-detail": (_rights_page, everyone(200)),
    "api:reports-list": ({}, everyone(200)),
    "api:reports-detail": (_published_report, everyone(200)),
    "api_documentation": ({}, everyone(200)),
}
