"""Every minute (PingSource): re-publishes exports whose run died or whose event was lost
(functions/export/lease_sweep.py). Idempotent by nature: a second run finds them taken."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent


def export_sweep(container: Any) -> Callable[[CloudEvent], int]:
    def handle(event: CloudEvent) -> int:
        from functions.export.lease_sweep import sweep_stalled_exports

        return len(sweep_stalled_exports(container))

    return handle
