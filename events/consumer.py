"""Idempotent consumers: delivery is at least once, so a handler must be able to
see the same event twice and act once.

The processed-event mark is written in the same transaction as the handler's
own changes: a handler that fails rolls the mark back with its work, so the
broker's retry runs it again; a duplicate that arrives after a commit is skipped.
Side effects outside that transaction (mail, HTTP) stay at least once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from cloudevents.http import CloudEvent

from events.ports import EventTransaction, EventTransactions

log = logging.getLogger("mirai.events")

def idempotent(
    consumer: str,
    *,
    transactions: EventTransactions,
    handler: Callable[[CloudEvent, EventTransaction], None],
) -> Callable[[CloudEvent], bool]:
    """Wraps ``handler(event, tx)`` so it runs at most once per ``source`` + ``id``.

    The returned callable answers whether the handler ran (False: a duplicate)."""

    def handle(event: CloudEvent) -> bool:
        source, event_id = event["source"], event["id"]
        with transactions() as tx:
            if not tx.processed_events.mark_processed(consumer=consumer, source=source, event_id=event_id):
                log.info("%s: skipping duplicate event %s from %s", consumer, event_id, source)
                return False
            handler(event, tx)
        return True

    return handle
