"""Serves a CloudEvent handler over HTTP, the way every event target is deployed.

Event targets run with ``FUNCTION_SIGNATURE_TYPE=http``, not ``cloudevent``:
functions-framework's cloudevent mode registers POST routes only, so the
``GET /health`` probes every Service carries would get 405. Here POST (any
path) parses a binary or structured CloudEvent with the cloudevents SDK and
``GET /health`` answers the probes.

The status tells the broker what to do: 2xx done; 5xx (and 409/429) retry
with backoff; other 4xx go straight to the dead-letter sink, since retrying a
malformed event cannot help. The body is the error Knative hands on to the
dead-letter sink (``knativeerrordata``), so it never carries unexpected detail.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from cloudevents.http import CloudEvent

from common.errors import AppError, Conflict, ResourceExhausted, Unavailable, Unimplemented
from common.rpc.http import plain_response
from common.rpc.incidents import redacted_traceback

log = logging.getLogger("mirai.events")

EventHandler = Callable[[CloudEvent], Any]

_RETRY_LATER: dict[type[AppError], str] = {
    Conflict: "409 Conflict",
    ResourceExhausted: "429 Too Many Requests",
    Unavailable: "503 Service Unavailable",
    Unimplemented: "501 Not Implemented",
}
MAX_EVENT_BYTES = 1024 * 1024


def _status_for(err: AppError) -> str:
    for kind, status in _RETRY_LATER.items():
        if isinstance(err, kind):
            return status
    return "422 Unprocessable Entity"


def _read_body(environ: dict[str, Any]) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > MAX_EVENT_BYTES:
        raise ValueError(f"event larger than {MAX_EVENT_BYTES} bytes")
    body: bytes = environ["wsgi.input"].read(length) if length else b""
    return body


def _headers(environ: dict[str, Any]) -> dict[str, str]:
    headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


def parse_cloudevent(environ: dict[str, Any]) -> CloudEvent:
    """A CloudEvent from a WSGI request (binary or structured mode, attribute headers
    percent-decoded per the HTTP binding); ValueError if it is not one."""
    from cloudevents.exceptions import GenericException
    from cloudevents.http import from_http

    from events.http_binding import decoded_headers

    try:
        return from_http(decoded_headers(_headers(environ)), _read_body(environ))
    except GenericException as err:
        raise ValueError(f"not a CloudEvent: {err}") from None


class CloudEventEndpoint:
    def __init__(self, handler: EventHandler, *, name: str) -> None:
        self.handler = handler
        self.name = name

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        if method == "GET" and environ.get("PATH_INFO") == "/health":
            return plain_response(start_response, "200 OK", {"status": "ok"})
        if method != "POST":
            return plain_response(start_response, "405 Method Not Allowed", {"error": "POST a CloudEvent"})
        try:
            event = parse_cloudevent(environ)
        except ValueError as err:
            return plain_response(start_response, "400 Bad Request", {"error": str(err)})
        try:
            self.handler(event)
        except AppError as err:
            log.warning("%s: event %s (%s) failed: %s", self.name, event["id"], event["type"], err.message)
            return plain_response(start_response, _status_for(err), {"error": err.message})
        except Exception as err:  # noqa: BLE001 - every failure becomes an incident, logged redacted
            incident = uuid.uuid4().hex[:12]
            log.error("%s: event %s (%s) crashed (incident %s)\n%s", self.name, event["id"], event["type"], incident,
                      redacted_traceback(err))
            return plain_response(start_response, "500 Internal Server Error", {"error": f"internal error (incident {incident})"})
        # No body: Knative would try to read a reply body as an event to send back to the broker.
        start_response("204 No Content", [])
        return [b""]
