"""A fake of Kratos' public API at the HTTP boundary: GET /sessions/whoami.

Tests register tokens with the identity they stand for; the fake answers the
way Kratos does (200 with the session, 401 otherwise) and counts requests so a
test can tell whether the cache answered instead.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class FakeSession:
    identity_id: str
    email: str
    active: bool
    expires_at: datetime


class FakeKratos:
    def __init__(self) -> None:
        self.sessions: dict[str, FakeSession] = {}
        self.requests = 0
        self.fail_with: int | None = None  # answer every request with this status (an outage)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeKratos:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def add_session(self, *, identity_id: str | None = None, email: str = "someone@example.com", active: bool = True,
                    expires_in: timedelta = timedelta(hours=24)) -> tuple[str, str]:
        """Registers a new session; returns (token, identity id)."""
        token = "ory_st_" + uuid.uuid4().hex
        identity = identity_id or str(uuid.uuid4())
        with self._lock:
            self.sessions[token] = FakeSession(identity, email, active, datetime.now(UTC) + expires_in)
        return token, identity

    def revoke(self, token: str) -> None:
        with self._lock:
            self.sessions.pop(token, None)

    def count(self) -> int:
        with self._lock:
            return self.requests

    def _whoami(self, token: str | None) -> tuple[int, dict[str, object]]:
        with self._lock:
            self.requests += 1
            if self.fail_with is not None:
                return self.fail_with, {"error": {"code": self.fail_with, "status": "Internal Server Error"}}
            session = self.sessions.get(token or "")
        if session is None:
            return 401, {"error": {"code": 401, "status": "Unauthorized", "reason": "No valid session credentials found."}}
        return 200, {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, token or "")),
            "active": session.active,
            "expires_at": session.expires_at.isoformat().replace("+00:00", "Z"),
            "authenticated_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "identity": {
                "id": session.identity_id,
                "schema_id": "default",
                "state": "active",
                "traits": {"email": session.email, "name": {"first": "Test", "last": "User"}},
            },
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.split("?")[0] != "/sessions/whoami":
                    self._answer(404, {"error": {"code": 404}})
                    return
                token = self.headers.get("X-Session-Token")
                if token is None and self.headers.get("Cookie"):
                    morsel = SimpleCookie(self.headers["Cookie"]).get("ory_kratos_session")
                    token = morsel.value if morsel else None
                self._answer(*fake._whoami(token))

            def _answer(self, status: int, body: dict[str, object]) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler
