"""The search tests run a search as a role and read the hits by kind."""

import pytest
from django.urls import reverse


@pytest.fixture
def search_as(client_for):
    """Search as a role; returns the response, whose context holds the groups of hits."""

    def run(role: str, text: str):
        response = client_for(role).get(reverse("search:results"), {"q": text})
        assert response.status_code == 200
        return response

    return run
