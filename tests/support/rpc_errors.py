"""Catching the Connect error a client call raises, for assertions on its code and message."""

from __future__ import annotations

import pytest
from connectrpc.errors import ConnectError


def fails(call: object, *args: object, **kwargs: object) -> ConnectError:
    """The ConnectError that ``call(*args, **kwargs)`` raises; the test fails if it raises none."""
    with pytest.raises(ConnectError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value
