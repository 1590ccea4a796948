"""The dead-letter sink of every Trigger: records what failed, where, and why.

Knative adds the failure to the event as extensions: ``knativeerrordest`` (the
subscriber's URL), ``knativeerrorcode`` (its last HTTP status) and
``knativeerrordata`` (its response body, base64 when binary). The local broker
sets the same ones.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from cloudevents.http import CloudEvent

from events.ports import DeadLetters

log = logging.getLogger("mirai.events")

MAX_ERROR_CHARS = 2000


def consumer_of(destination: str | None) -> str:
    """The Knative Service a failed delivery was for: the first label of the subscriber's host."""
    if not destination:
        return "unknown"
    host = urlsplit(destination).hostname or destination
    return host.split(".", 1)[0]


def _decoded(error_data: str) -> str:
    try:
        return base64.b64decode(error_data, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return error_data


def failure_of(event: CloudEvent) -> str:
    code = event.get("knativeerrorcode") or "no response"
    detail = _decoded(str(event.get("knativeerrordata") or "")).strip()
    text = f"HTTP {code}: {detail}" if detail else f"HTTP {code}"
    return text[:MAX_ERROR_CHARS]


def record_dead_letter(event: CloudEvent, dead_letters: DeadLetters) -> Any:
    consumer = consumer_of(event.get("knativeerrordest"))
    error = failure_of(event)
    letter_id = dead_letters.record(
        consumer=consumer,
        source=event["source"],
        event_id=event["id"],
        type=event["type"],
        data=event.data,
        error=error,
    )
    log.error("dead letter %s: %s gave up on %s %s: %s", letter_id, consumer, event["type"], event["id"], error)
    return letter_id


def dead_letter(container: Any) -> Callable[[CloudEvent], Any]:
    def handle(event: CloudEvent) -> Any:
        return record_dead_letter(event, container.dead_letters)

    return handle
