"""A stateful fake of Stripe's API at the HTTP boundary, for the real ``stripe`` SDK
(``STRIPE_API_BASE`` points at it).

Objects are Stripe's own fixtures (tests/conformance/events/stripe/stripe-openapi-fixtures3.json,
the set stripe-mock serves) with the fields a call sets filled in. Requests are
form-encoded as the SDK sends them; ``Idempotency-Key`` is honoured as Stripe does: the
same key with the same parameters answers the first response again, with other
parameters it is an ``idempotency_error``. Only the endpoints Mirai calls exist.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

FIXTURES = Path(__file__).resolve().parents[1] / "conformance" / "events" / "stripe" / "stripe-openapi-fixtures3.json"
SECRET_KEY = "sk_test_mirai_fake_0123456789"


def _fixture(name: str) -> dict[str, Any]:
    resources: dict[str, dict[str, Any]] = json.loads(FIXTURES.read_text())["resources"]
    return copy.deepcopy(resources[name])


def _nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """``line_items[0][price]=x`` → ``{"line_items": {"0": {"price": "x"}}}`` (lists stay keyed by index)."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return root


@dataclass
class Call:
    method: str
    path: str
    params: dict[str, Any]
    idempotency_key: str | None


@dataclass
class FakeStripe:
    prices: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    fail_with: int | None = None
    _replays: dict[str, tuple[str, int, dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def add_price(self, *, unit_amount: int, currency: str = "eur", interval: str = "month") -> str:
        price = _fixture("price")
        price.update(id=f"price_{uuid.uuid4().hex[:14]}", unit_amount=unit_amount, unit_amount_decimal=str(unit_amount),
                     currency=currency)
        price["recurring"]["interval"] = interval
        with self._lock:
            self.prices[price["id"]] = price
        return str(price["id"])

    def checkout_creations(self) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if (c.method, c.path) == ("POST", "/v1/checkout/sessions")]

    # --- the API ---------------------------------------------------------------
    def handle(self, method: str, path: str, params: dict[str, Any], idempotency_key: str | None,
               authorization: str | None) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.calls.append(Call(method, path, params, idempotency_key))
            if authorization != f"Bearer {SECRET_KEY}":
                return 401, _error("invalid_request_error", "Invalid API Key provided.")
            if self.fail_with is not None:
                return self.fail_with, _error("api_error", "Something went wrong on Stripe's end.")
            if method == "POST" and idempotency_key:
                fingerprint = json.dumps([path, params], sort_keys=True)
                replay = self._replays.get(idempotency_key)
                if replay is not None:
                    if replay[0] != fingerprint:
                        return 400, _error("idempotency_error", "Keys for idempotent requests can only be used with the "
                                                                "same parameters they were first used with.")
                    return replay[1], replay[2]
                status, body = self._route(method, path, params)
                self._replays[idempotency_key] = (fingerprint, status, body)
                return status, body
            return self._route(method, path, params)

    def _route(self, method: str, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "GET" and (found := re.fullmatch(r"/v1/prices/([^/]+)", path)):
            price = self.prices.get(found.group(1))
            return (200, price) if price else (404, _error("invalid_request_error", f"No such price: '{found.group(1)}'"))
        if method == "POST" and path == "/v1/checkout/sessions":
            return self._create_session(params)
        if method == "GET" and (found := re.fullmatch(r"/v1/checkout/sessions/([^/]+)", path)):
            session = self.sessions.get(found.group(1))
            return (200, session) if session else (404, _error("invalid_request_error", f"No such checkout.session: '{found.group(1)}'"))
        return 404, _error("invalid_request_error", f"Unrecognized request URL ({method}: {path}).")

    def _create_session(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        items = params.get("line_items", {})
        first = items.get("0", {}) if isinstance(items, dict) else {}
        price = self.prices.get(first.get("price", ""))
        if price is None:
            return 400, _error("invalid_request_error", f"No such price: '{first.get('price')}'")
        if params.get("mode") != "subscription" or price.get("type") != "recurring":
            return 400, _error("invalid_request_error", "You must use a recurring price in subscription mode.")
        expires_at = int(params.get("expires_at") or time.time() + 86400)
        if not time.time() + 1800 - 5 <= expires_at <= time.time() + 86400 + 5:
            return 400, _error("invalid_request_error", "expires_at must be between 30 minutes and 24 hours from now.")
        quantity = int(first.get("quantity", "1"))
        session = _fixture("checkout.session")
        session_id = f"cs_test_{uuid.uuid4().hex}"
        session.update(
            id=session_id, mode="subscription", status="open", payment_status="unpaid", customer=None, subscription=None,
            client_reference_id=params.get("client_reference_id"), customer_email=params.get("customer_email"),
            success_url=params.get("success_url"), cancel_url=params.get("cancel_url"), expires_at=expires_at,
            metadata=params.get("metadata", {}), currency=price["currency"],
            amount_subtotal=price["unit_amount"] * quantity, amount_total=price["unit_amount"] * quantity,
            url=f"{self.url}/checkout/{session_id}", created=int(time.time()),
        )
        session["line_items_requested"] = [{"price": price["id"], "quantity": quantity}]
        self.sessions[session_id] = session
        return 200, session

    # --- serving ---------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def _serve(self, method: str) -> None:
                path, _, query = self.path.partition("?")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else query
                status, answer = fake.handle(method, path, _nest(parse_qsl(body)), self.headers.get("Idempotency-Key"),
                                             self.headers.get("Authorization"))
                raw = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.send_header("Request-Id", f"req_{uuid.uuid4().hex[:14]}")
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler


def _error(kind: str, message: str) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message}}


@contextmanager
def fake_stripe() -> Iterator[FakeStripe]:
    fake = FakeStripe()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake._handler())
    fake.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
