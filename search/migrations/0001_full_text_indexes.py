"""GIN indexes on the very expressions search.queries matches against, so that PostgreSQL looks words up
instead of computing every row's text vectors on each search (about 300 ms to 1 ms per kind on ten years
of data). PostgreSQL only: SQLite (`make run`) searches with a plain substring match.

The index expressions come from search.queries; tests/search/test_indexes.py fails if a change there makes
a search stop using its index (then add a migration that drops and recreates it).
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations


def _indexes(apps):
    from search.queries import AGENDA_ITEM, ACTION, MEETING, MINUTES, PROPOSAL, PostgresFinder

    vector = PostgresFinder._vector
    return [
        (apps.get_model("core", "Meeting"), GinIndex(vector(MEETING), name="search_meeting_gin")),
        (apps.get_model("core", "AgendaItem"), GinIndex(vector(AGENDA_ITEM), name="search_agendaitem_gin")),
        (apps.get_model("core", "AgendaItem"), GinIndex(vector(MINUTES), name="search_minutes_gin")),
        (apps.get_model("proposals", "Proposal"), GinIndex(vector(PROPOSAL), name="search_proposal_gin")),
        (apps.get_model("followup", "Action"), GinIndex(vector(ACTION), name="search_action_gin")),
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("proposals", "0001_proposals_comments_support_consultation_log"),
        ("followup", "0003_state_grant"),
    ]

    operations = [migrations.RunPython(create, drop)]
