"""Fixtures the end-to-end modules share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.gemini import FakeGemini
from tests.fakes.stripe_api import FakeStripe, fake_stripe


@pytest.fixture(scope="module")
def gemini() -> Iterator[FakeGemini]:
    """Gemini faked at the HTTP boundary, one server per module."""
    with FakeGemini() as fake:
        yield fake


@pytest.fixture(autouse=True)
def _fresh_gemini(request: pytest.FixtureRequest) -> None:
    """Every test that talks to the fake starts with no scripted replies and no recorded calls."""
    if "gemini" in request.fixturenames:
        request.getfixturevalue("gemini").reset()


@pytest.fixture(scope="module")
def stripe() -> Iterator[FakeStripe]:
    """The Stripe API fake (tests/fakes/stripe_api.py), one per test module."""
    with fake_stripe() as fake:
        yield fake
