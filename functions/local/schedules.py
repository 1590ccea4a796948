"""PingSources on one machine: fires each schedule of ``knative/pingsources.yaml``
into the local broker on its cron ticks, with the event Knative's PingSource sends."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cloudevents.http import CloudEvent

from functions.manifests.names import NAMESPACE, PING_TYPE, ping_source_uri

log = logging.getLogger("mirai.broker")


@dataclass(frozen=True)
class PingSchedule:
    name: str
    schedule: str
    data: str | None = None
    content_type: str = "application/json"

    def ticks_between(self, after: datetime, until: datetime) -> list[datetime]:
        """Cron ticks in (after, until], in UTC."""
        from croniter import croniter

        ticks = []
        cron = croniter(self.schedule, after)
        tick = cron.get_next(datetime)
        while tick <= until:
            ticks.append(tick)
            tick = cron.get_next(datetime)
        return ticks

    def next_after(self, moment: datetime) -> datetime:
        from croniter import croniter

        tick: datetime = croniter(self.schedule, moment).get_next(datetime)
        return tick

    def event(self, tick: datetime) -> CloudEvent:
        attributes = {
            "id": str(uuid.uuid4()),
            "type": PING_TYPE,
            "source": ping_source_uri(self.name, NAMESPACE),
            "time": tick.isoformat(),
            "datacontenttype": self.content_type,
        }
        data: Any = json.loads(self.data) if self.data and self.content_type == "application/json" else self.data
        return CloudEvent(attributes, data)


def load_schedules(knative_dir: Path) -> list[PingSchedule]:
    from functions.manifests import load

    return [
        PingSchedule(
            name=doc["metadata"]["name"],
            schedule=doc["spec"]["schedule"],
            data=doc["spec"].get("data"),
            content_type=doc["spec"].get("contentType", "application/json"),
        )
        for doc in load(knative_dir, "pingsources.yaml")
    ]


class PingScheduler:
    def __init__(self, schedules: Sequence[PingSchedule], publish: Callable[[CloudEvent], Any]) -> None:
        self.schedules = list(schedules)
        self._publish = publish
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def fire_due(self, after: datetime, until: datetime) -> list[CloudEvent]:
        """Publishes one event per tick in (after, until]; returns them."""
        fired = []
        for schedule in self.schedules:
            for tick in schedule.ticks_between(after, until):
                event = schedule.event(tick)
                log.info("schedule %s fired (%s)", schedule.name, tick.isoformat())
                self._publish(event)
                fired.append(event)
        return fired

    def _loop(self) -> None:
        last = datetime.now(UTC)
        while not self._stop.is_set():
            upcoming = min((s.next_after(last) for s in self.schedules), default=last + timedelta(minutes=1))
            wait = max(0.0, (upcoming - datetime.now(UTC)).total_seconds())
            if self._stop.wait(wait):
                return
            now = datetime.now(UTC)
            self.fire_due(last, now)
            last = now

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="ping-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
