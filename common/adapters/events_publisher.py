"""Publishes CloudEvents to the broker (``K_SINK``) in binary mode, with retries.

Attribute headers are percent-encoded as the CloudEvents HTTP binding says
(events/http_binding.py), so any subject (an S3 key in any script) is a valid header.

Knative injects ``K_SINK`` through a SinkBinding; the local runner points it at
its in-process broker, so publishing code is the same in both places.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from cloudevents.http import CloudEvent

from common.transaction_guard import outside_call
from events.http_binding import to_binary

log = logging.getLogger("mirai.events")

# Statuses worth another try, as Knative's own dispatcher treats them.
RETRYABLE_STATUSES = frozenset({404, 408, 409, 429})


class PublishFailed(Exception):
    """The broker did not accept the event after every attempt."""


def is_retryable(status: int) -> bool:
    return status >= 500 or status in RETRYABLE_STATUSES


class HttpEventPublisher:
    def __init__(
        self,
        sink_url: str,
        *,
        attempts: int = 4,
        backoff_seconds: float = 0.2,
        timeout_seconds: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.sink_url = sink_url
        self._attempts = attempts
        self._backoff = backoff_seconds
        self._timeout = timeout_seconds
        self._sleep = sleep

    def publish(self, event: CloudEvent) -> None:
        headers, body = to_binary(event)
        last_error = ""
        for attempt in range(self._attempts):
            if attempt:
                self._sleep(self._backoff * 2 ** (attempt - 1))
            status, last_error = self._post(headers, body)
            if 200 <= status < 300:
                return
            if status and not is_retryable(status):
                break
            log.warning("publishing %s %s: %s (attempt %d)", event["type"], event["id"], last_error, attempt + 1)
        raise PublishFailed(f"broker refused {event['type']} {event['id']}: {last_error}")

    def _post(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        """(status, error text); status 0 when the broker could not be reached."""
        outside_call("event broker publish")
        request = urllib.request.Request(self.sink_url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                response.read()
                return int(response.status), ""
        except urllib.error.HTTPError as err:
            return err.code, f"HTTP {err.code}"
        except (urllib.error.URLError, OSError) as err:
            return 0, f"unreachable: {getattr(err, 'reason', err)}"
