"""Each kind of search result is looked up through its GIN index (search/migrations), not by computing
every row's text vectors: the plan of the query each search runs names its index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.queries import KINDS, PostgresFinder

pytestmark = pytest.mark.django_db

EXPECTED = {
    "meetings": {"search_meeting_gin"},
    "agenda-items": {"search_agendaitem_gin", "search_minutes_gin"},
    "proposals": {"search_proposal_gin"},
    "actions": {"search_action_gin"},
}


@pytest.mark.parametrize("kind", KINDS, ids=[k.key for k in KINDS])
def test_every_kind_of_result_is_found_through_its_index(kind, world):
    user = world["people"]["coordinator"]
    finder = PostgresFinder("finska äldreomsorg")
    guarded = kind.guarded(user) if kind.guarded else None
    with CaptureQueriesContext(connection) as queries:
        finder.find(kind.visible(user), kind.source, kind.order, guarded)
    assert len(queries.captured_queries) == 1
    with connection.cursor() as cursor:
        # The test tables are tiny, where a sequential scan is cheapest: ask whether the index *can* serve.
        # Without plain index scans and nested loops too, the answer does not hang on the statistics that
        # autovacuum may or may not have gathered on the test tables (a loop over departments, each read by
        # its index, was once cheaper on paper than the text index).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute("EXPLAIN " + queries.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for index in EXPECTED[kind.key]:
        assert index in plan, f"{kind.key}: {index} is not used:\n{plan}"
