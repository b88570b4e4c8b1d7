"""Fixtures for the proposal workflow: a proposal of the Sweden Finns' dialogue group by its representative."""

import pytest

from proposals import services


@pytest.fixture
def make_proposal(world):
    def make(forum_key: str = "finnish_dialogue", proposer_key: str = "representative", **extra):
        fields = {"title": "Finskspråkig förskola", "description": "Fler platser behövs.", "language": "fi"}
        fields.update(extra)
        return services.submit_proposal(
            forum=world["forums"][forum_key], proposer=world["people"][proposer_key], **fields
        )

    return make


@pytest.fixture
def proposal(make_proposal):
    return make_proposal()
