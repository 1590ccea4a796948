"""SIGTERM, SIGINT and SIGHUP stop a local command the way Ctrl-C does.

Python's default SIGTERM and SIGHUP end the process at once, without unwinding, which
leaves the embedded PostgreSQL and Redis running (they are daemons, not our children);
a runner started in the background of a non-interactive shell even ignores SIGINT.
Here each of the three raises ``Stopped`` (a ``KeyboardInterrupt``, so waitress shuts
its loop down as on Ctrl-C) and the caller's ``ExitStack`` stops everything it holds.

While a service is starting the signal waits (``deferred``): raised half-way through a
start, it would leave a server running whose stop was not registered yet. Once stopping,
further signals are ignored so that the unwinding is not cut short.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StopSignals:
    def __init__(self) -> None:
        self._deferring = 0
        self._pending: int | None = None
        self._stopping = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._stopping:
            return
        if self._deferring:
            self._pending = signum
            return
        self._stopping = True
        raise Stopped(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
        if not self._deferring and self._pending is not None and not self._stopping:
            self._stopping = True
            raise Stopped(self._pending)


@contextmanager
def handled() -> Iterator[StopSignals]:
    """Installs the handlers (main thread only) and puts the previous ones back afterwards."""
    signals = StopSignals()
    previous: dict[int, Any] = {sig: signal.signal(sig, signals._handle) for sig in STOP_SIGNALS}
    try:
        yield signals
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
