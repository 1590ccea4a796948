"""WSGI wrappers every HTTP target shares: CORS for the browser, one path per
target, and the ``/health`` liveness answer Knative probes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

_ALLOWED_HEADERS = ", ".join(
    [
        "Content-Type", "Connect-Protocol-Version", "Connect-Timeout-Ms", "Connect-Accept-Encoding",
        "Connect-Content-Encoding", "Accept-Encoding", "Content-Encoding", "Authorization",
        "X-Session-Token", "X-User-Agent", "X-Grpc-Web", "Grpc-Timeout", "If-Match",
    ]
)
_EXPOSED_HEADERS = ", ".join(
    ["Grpc-Status", "Grpc-Message", "Grpc-Status-Details-Bin", "Connect-Content-Encoding", "Content-Encoding", "ETag"]
)


def plain_response(start_response: Callable[..., Any], status: str, body: dict[str, Any]) -> list[bytes]:
    payload = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


class Cors:
    """Answers preflights from the allowed origins and adds CORS headers to their requests."""

    def __init__(self, app: WSGIApp, allowed_origins: Iterable[str]) -> None:
        self.app = app
        self.allowed = {o.strip().rstrip("/") for o in allowed_origins if o.strip()}

    def _allows(self, origin: str | None) -> bool:
        return bool(origin) and origin.rstrip("/") in self.allowed  # type: ignore[union-attr]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        origin = environ.get("HTTP_ORIGIN")
        is_preflight = environ["REQUEST_METHOD"] == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in environ
        if is_preflight:
            if not self._allows(origin):
                return plain_response(start_response, "403 Forbidden", {"error": "origin not allowed"})
            start_response(
                "204 No Content",
                [
                    ("Access-Control-Allow-Origin", origin),
                    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                    ("Access-Control-Allow-Headers", _ALLOWED_HEADERS),
                    ("Access-Control-Expose-Headers", _EXPOSED_HEADERS),
                    ("Access-Control-Allow-Credentials", "true"),
                    ("Access-Control-Max-Age", "7200"),
                    ("Vary", "Origin"),
                ],
            )
            return [b""]
        if not self._allows(origin):
            return self.app(environ, start_response)

        def with_cors(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers = [
                *headers,
                ("Access-Control-Allow-Origin", origin or ""),
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Expose-Headers", _EXPOSED_HEADERS),
                ("Vary", "Origin"),
            ]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return self.app(environ, with_cors)


class SinglePath:
    """A deployed target answers its own path, plus ``GET /health`` for its probes; 404 otherwise."""

    def __init__(self, app: WSGIApp, path: str) -> None:
        self.app = app
        self.path = path

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == self.path:
            return self.app(environ, start_response)
        if path == "/health" and environ["REQUEST_METHOD"] == "GET":
            return plain_response(start_response, "200 OK", {"status": "ok"})
        return plain_response(start_response, "404 Not Found", {"error": f"no route for {path}"})
