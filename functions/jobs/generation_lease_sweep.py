"""Every minute (PingSource): re-publishes generation work whose lease ended
(functions/ai_generation/lease_sweep.py). Idempotent by nature: a second run finds
the leases renewed or the work claimed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudevents.http import CloudEvent


def generation_lease_sweep(container: Any) -> Callable[[CloudEvent], int]:
    def handle(event: CloudEvent) -> int:
        from functions.ai_generation.lease_sweep import sweep_expired_leases

        return len(sweep_expired_leases(container))

    return handle
