"""The event that starts an export, recorded in the caller's transaction (the outbox).

The RPC commits the export row and its event together, then nudges the relay; the
sweep records the event again for an export whose run died or whose event was lost.
"""

from __future__ import annotations

from typing import Any

from common.repos.exports import Export
from functions.export.formats import FORMATS

SOURCE = "/mirai/course"
EXPORT_REQUESTED = "io.mirai.export.requested"


def request_export(uow: Any, export: Export) -> None:
    uow.outbox.add(type=EXPORT_REQUESTED, source=SOURCE, subject=str(export.id), data={
        "tenant_id": str(export.tenant_id), "export_id": str(export.id), "course_id": str(export.course_id),
        "format": FORMATS[export.format].event_name,
    })


def nudge(container: Any) -> None:
    """After the commit: publish the event now rather than at the relay's next tick."""
    container.relay_nudge()
