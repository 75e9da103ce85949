"""Fixtures for the cross-domain proofs: a small marketplace with one object of
each kind, and an API client per role."""

import pytest

from tests.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()
