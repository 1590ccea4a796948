"""The post-commit nudge: after a transaction that wrote outbox rows commits, tell
the relay to publish now rather than at its next every-minute tick.

Best effort by design: the rows are already committed, the tick is the safety
net, so a failed nudge is logged and never fails (or slows) the caller.
"""

from __future__ import annotations

import logging

from cloudevents.http import CloudEvent

from events.ports import EventPublisher

log = logging.getLogger("mirai.outbox")

OUTBOX_PENDING = "io.mirai.outbox.pending"
OUTBOX_SOURCE = "/mirai/outbox"


class RelayNudge:
    def __init__(self, publisher: EventPublisher | None) -> None:
        self._publisher = publisher

    def __call__(self) -> bool:
        """True when the broker took the nudge."""
        from common.adapters.events_publisher import PublishFailed

        if self._publisher is None:
            return False
        event = CloudEvent({"type": OUTBOX_PENDING, "source": OUTBOX_SOURCE, "datacontenttype": "application/json"}, {})
        try:
            self._publisher.publish(event)
        except PublishFailed as err:
            log.warning("outbox nudge not delivered (the next tick relays the rows): %s", err)
            return False
        return True
