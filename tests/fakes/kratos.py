"""A fake of Kratos at the HTTP boundary: the public API's GET /sessions/whoami and the
admin identities API (create with an imported password hash, list by credentials
identifier, get, delete).

Tests register tokens with the identity they stand for; the fake answers the
way Kratos does (200 with the session, 401 otherwise) and counts requests so a
test can tell whether the cache answered instead. Identities are kept with their
hashed password, so a test can check the imported hash verifies the password.
Shapes follow Kratos' API reference (identity: id, schema_id, state, traits; 409
when an identifier is taken).
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class FakeSession:
    identity_id: str
    email: str
    active: bool
    expires_at: datetime


@dataclass
class FakeIdentity:
    id: str
    traits: dict[str, Any]
    hashed_password: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "schema_id": "default", "state": "active", "traits": self.traits,
                "credentials": {"password": {"type": "password", "identifiers": [self.traits.get("email")]}}}


class FakeKratos:
    def __init__(self) -> None:
        self.sessions: dict[str, FakeSession] = {}
        self.identities: dict[str, FakeIdentity] = {}
        self.refuse_identities_with: int | None = None  # answer identity creation with this 4xx
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

    def identities_with_email(self, email: str) -> list[FakeIdentity]:
        with self._lock:
            return [i for i in self.identities.values() if str(i.traits.get("email", "")).lower() == email.lower()]

    def _admin(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, Any]:
        with self._lock:
            self.requests += 1
            if self.fail_with is not None:
                return self.fail_with, {"error": {"code": self.fail_with, "status": "Internal Server Error"}}
            if method == "GET" and path == "/admin/identities":
                wanted = (query.get("credentials_identifier") or [""])[0].lower()
                found = [i for i in self.identities.values() if not wanted or str(i.traits.get("email", "")).lower() == wanted]
                return 200, [i.as_json() for i in found]
            if method == "POST" and path == "/admin/identities":
                return self._create_identity(body)
            identity_id = path.removeprefix("/admin/identities/")
            if identity_id not in self.identities:
                return 404, {"error": {"code": 404, "status": "Not Found", "reason": "Unable to locate the resource"}}
            if method == "GET":
                return 200, self.identities[identity_id].as_json()
            if method == "DELETE":
                del self.identities[identity_id]
                return 204, None
        return 405, {"error": {"code": 405, "status": "Method Not Allowed"}}

    def _create_identity(self, body: Any) -> tuple[int, Any]:
        if self.refuse_identities_with is not None:
            return self.refuse_identities_with, {"error": {"code": self.refuse_identities_with, "status": "Bad Request",
                                                           "reason": "The identity schema rejected the traits."}}
        traits = body.get("traits") if isinstance(body, dict) else None
        hashed = (((body or {}).get("credentials") or {}).get("password") or {}).get("config", {}).get("hashed_password", "")
        if body.get("schema_id") != "default" or not isinstance(traits, dict) or "@" not in str(traits.get("email", "")):
            return 400, {"error": {"code": 400, "status": "Bad Request", "reason": "traits.email is required"}}
        if not str(hashed).startswith(("$argon2id$", "$2a$", "$2b$")):
            return 400, {"error": {"code": 400, "status": "Bad Request", "reason": "unsupported password hash format"}}
        email = str(traits["email"]).lower()
        if any(str(i.traits.get("email", "")).lower() == email for i in self.identities.values()):
            return 409, {"error": {"code": 409, "status": "Conflict",
                                   "reason": "This identity conflicts with another identity that already exists."}}
        identity = FakeIdentity(str(uuid.uuid4()), traits, str(hashed))
        self.identities[identity.id] = identity
        return 201, identity.as_json()

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
            def do_POST(self) -> None:
                self._admin_call("POST")

            def do_DELETE(self) -> None:
                self._admin_call("DELETE")

            def _admin_call(self, method: str) -> None:
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length)) if length else None
                except ValueError:
                    self._answer(400, {"error": {"code": 400, "status": "Bad Request"}})
                    return
                status, answer = fake._admin(method, parsed.path, parse_qs(parsed.query), body)
                self._answer(status, answer)

            def do_GET(self) -> None:
                if self.path.startswith("/admin/identities"):
                    self._admin_call("GET")
                    return
                if self.path.split("?")[0] != "/sessions/whoami":
                    self._answer(404, {"error": {"code": 404}})
                    return
                token = self.headers.get("X-Session-Token")
                if token is None and self.headers.get("Cookie"):
                    morsel = SimpleCookie(self.headers["Cookie"]).get("ory_kratos_session")
                    token = morsel.value if morsel else None
                self._answer(*fake._whoami(token))

            def _answer(self, status: int, body: Any) -> None:
                raw = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler
