"""Asserting that a check refuses a value and names the request field it refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from common.errors import InvalidArgument


def refused(action: Callable[[], object], field: str) -> None:
    """``action`` raises ``InvalidArgument`` on ``field`` (the test fails otherwise)."""
    with pytest.raises(InvalidArgument) as caught:
        action()
    assert caught.value.field == field
