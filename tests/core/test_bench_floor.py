"""The floor page of `make bench`: one query whoever asks, and nothing on it but the figure."""

import pytest
from django.urls import reverse

from core.models import Forum

pytestmark = pytest.mark.django_db


def test_the_floor_costs_one_query(client, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("core:bench_floor"))
    assert response.status_code == 200
    assert response.content.decode().strip() == str(Forum.objects.filter(is_public=True).count())


def test_signed_in_the_floor_adds_only_the_session_and_the_user(client_for, world, django_assert_num_queries):
    client = client_for("coordinator")
    client.get(reverse("core:bench_floor"))  # the first request of a session records its activity time
    with django_assert_num_queries(3):
        response = client.get(reverse("core:bench_floor"))
    assert response.status_code == 200
