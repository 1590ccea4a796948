"""A fake of the Gemini API's generateContent endpoint on 127.0.0.1, for the real SDK.

    with FakeGemini() as gemini:               # or FakeGemini().start() / .stop()
        client = GeminiClient(base_url=gemini.url, ...)
        gemini.latency = 0.3                    # seconds before every reply
        gemini.script(FakeReply.error(429, retry_after="2"), FakeReply.error(500))
        gemini.script(FakeReply.text("not json"), FakeReply.json({...}))
        ...
        gemini.requests[0].api_key / .prompt / .system / .schema / .model
        gemini.max_in_flight                    # most generateContent calls served at the same time
        gemini.models = [...]                   # what GET /v1/models lists (Gemini's JSON shape)

Scripted replies are consumed in order, one per request (model listings included); with none left, the fake
answers with a plausible, deterministic reply built from the prompt and the response
schema (tests/fakes/gemini_replies.py). Every reply carries usageMetadata derived from
the sizes of prompt and reply (about 4 characters per token).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes.gemini_replies import default_reply

_PATH = re.compile(r"^/(?P<version>v[\w.]+)/models/(?P<model>[^/:]+):generateContent$")
_MODELS_PATH = re.compile(r"^/(?P<version>v[\w.]+)/models$")
DEFAULT_MODELS = [
    {"name": "models/gemini-2.5-flash", "displayName": "Gemini 2.5 Flash", "description": "Fast and cheap.",
     "inputTokenLimit": 1048576, "outputTokenLimit": 65536, "supportedGenerationMethods": ["generateContent", "countTokens"]},
    {"name": "models/gemini-2.5-pro", "displayName": "Gemini 2.5 Pro", "description": "Most capable.",
     "inputTokenLimit": 1048576, "outputTokenLimit": 65536, "supportedGenerationMethods": ["generateContent", "countTokens"]},
    {"name": "models/text-embedding-004", "displayName": "Text Embedding 004",
     "inputTokenLimit": 2048, "outputTokenLimit": 1, "supportedGenerationMethods": ["embedContent"]},
]


@dataclass(frozen=True)
class FakeReply:
    """One scripted answer: an HTTP error, a raw text body for the model's part, or JSON."""

    status: int = 200
    body_text: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error_details: list[dict[str, Any]] = field(default_factory=list)
    finish_reason: str = "STOP"
    block_reason: str | None = None
    delay: float | None = None
    message: str = ""

    @classmethod
    def error(
        cls, status: int, *, retry_after: str | None = None, details: list[dict[str, Any]] | None = None, message: str = ""
    ) -> FakeReply:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return cls(status=status, headers=headers, error_details=details or [], message=message)

    @classmethod
    def text(cls, text: str, *, finish_reason: str = "STOP") -> FakeReply:
        """The model's reply text verbatim (e.g. something that is not JSON)."""
        return cls(body_text=text, finish_reason=finish_reason)

    @classmethod
    def json(cls, value: Any) -> FakeReply:
        return cls(body_text=json.dumps(value))

    @classmethod
    def blocked(cls, reason: str = "SAFETY") -> FakeReply:
        return cls(block_reason=reason)

    @classmethod
    def slow(cls, seconds: float) -> FakeReply:
        """The default reply, after ``seconds``."""
        return cls(delay=seconds)


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    model: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def api_key(self) -> str | None:
        return self.headers.get("x-goog-api-key")

    @property
    def prompt(self) -> str:
        return "\n".join(part.get("text", "") for content in self.body.get("contents", []) for part in content.get("parts", []))

    @property
    def system(self) -> str:
        return "\n".join(part.get("text", "") for part in self.body.get("systemInstruction", {}).get("parts", []))

    @property
    def generation_config(self) -> dict[str, Any]:
        return dict(self.body.get("generationConfig", {}))

    @property
    def schema(self) -> dict[str, Any] | None:
        return self.generation_config.get("responseJsonSchema")


_STATUS_NAMES = {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED",
                 500: "INTERNAL", 503: "UNAVAILABLE"}


class _Server(ThreadingHTTPServer):
    # Many lessons call at once: with the default listen backlog (5) the rest would retry their SYN.
    request_queue_size = 128


class FakeGemini:
    def __init__(self, *, latency: float = 0.0) -> None:
        self.latency = latency
        self.models: list[dict[str, Any]] = [dict(model) for model in DEFAULT_MODELS]
        self.requests: list[RecordedRequest] = []
        self._script: deque[FakeReply] = deque()
        self._lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeGemini:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                fake._handle(self)

            def do_GET(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        server = self._server
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), name="fake-gemini", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeGemini:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_port}"

    # -- knobs -------------------------------------------------------------------------

    def script(self, *replies: FakeReply) -> None:
        with self._lock:
            self._script.extend(replies)

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self.requests.clear()
            self.max_in_flight = 0
        self.latency = 0.0
        self.models = [dict(model) for model in DEFAULT_MODELS]

    @property
    def pending(self) -> int:
        return len(self._script)

    # -- serving -----------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        raw = handler.rfile.read(int(handler.headers.get("content-length") or 0))
        route = handler.path.split("?", 1)[0]
        listing = handler.command == "GET" and _MODELS_PATH.match(route) is not None
        match = _PATH.match(route) if handler.command == "POST" else None
        if match is None and not listing:
            self._send(handler, 404, {"error": {"code": 404, "message": f"no route {handler.path}", "status": "NOT_FOUND"}})
            return
        body = json.loads(raw or b"{}")
        recorded = RecordedRequest(
            path=handler.path, model=match.group("model") if match else "", headers={k.lower(): v for k, v in handler.headers.items()}, body=body
        )
        with self._lock:
            self.requests.append(recorded)
            step = self._script.popleft() if self._script else FakeReply()
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self._answer(handler, recorded, step, listing=listing)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, handler: BaseHTTPRequestHandler, recorded: RecordedRequest, step: FakeReply, *, listing: bool) -> None:
        delay = self.latency if step.delay is None else step.delay
        if delay:
            time.sleep(delay)
        try:
            if step.status != 200:
                error = {"code": step.status, "message": step.message or f"fake error {step.status}", "status": _STATUS_NAMES.get(step.status, "UNKNOWN")}
                if step.error_details:
                    error["details"] = step.error_details
                self._send(handler, step.status, {"error": error}, headers=step.headers)
                return
            self._send(handler, 200, {"models": self.models} if listing else self._reply(recorded, step))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout): nothing to answer

    def _reply(self, request: RecordedRequest, step: FakeReply) -> dict[str, Any]:
        prompt_tokens = max(1, (len(request.prompt) + len(request.system)) // 4)
        if step.block_reason:
            return {
                "promptFeedback": {"blockReason": step.block_reason},
                "usageMetadata": {"promptTokenCount": prompt_tokens, "totalTokenCount": prompt_tokens},
            }
        text = step.body_text if step.body_text is not None else json.dumps(default_reply(request.prompt, request.schema))
        out_tokens = max(1, len(text) // 4)
        return {
            "candidates": [
                {"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": step.finish_reason, "index": 0}
            ],
            "usageMetadata": {
                "promptTokenCount": prompt_tokens,
                "candidatesTokenCount": out_tokens,
                "totalTokenCount": prompt_tokens + out_tokens,
            },
            "modelVersion": request.model,
        }

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any], *, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=UTF-8")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)
