"""A real HTTP server on 127.0.0.1 that receives CloudEvents, as a subscriber or a broker would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cloudevents.http import CloudEvent, from_http

from events.http_binding import decoded_headers


class EventReceiver:
    def __init__(self) -> None:
        self.events: list[CloudEvent] = []
        self.raw_headers: list[dict[str, str]] = []
        self.statuses: list[int] = []
        """Statuses to answer, in order, before answering 202 for good."""
        self.arrived = threading.Condition()
        self.url = ""

    def wait_for(self, count: int, timeout: float = 10) -> list[CloudEvent]:
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.events) >= count, timeout=timeout):
                raise AssertionError(f"expected {count} events, got {len(self.events)}")
            return list(self.events)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver.arrived:
                    status = receiver.statuses.pop(0) if receiver.statuses else 202
                    # As a Knative broker does: header values must be printable ASCII (RFC 7230).
                    if any(not (value.isascii() and value.isprintable()) for value in headers.values()):
                        status = 400
                    receiver.raw_headers.append(headers)
                    if status < 300:
                        receiver.events.append(from_http(decoded_headers(headers), body))
                    receiver.arrived.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


@contextmanager
def event_receiver() -> Iterator[EventReceiver]:
    receiver = EventReceiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), receiver._handler())
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
