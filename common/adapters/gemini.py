"""Gemini implementation of the AI port (``google-genai``, imported on first use).

Retries are ours, not the SDK's, because the SDK ignores ``Retry-After``:
- 408/429/5xx and connection failures are retried up to ``max_attempts`` with
  exponential backoff, waiting what the provider asks (``Retry-After`` header or a
  ``google.rpc.RetryInfo`` detail) when it says; a wait longer than ``max_retry_wait``
  fails at once (a daily quota will not recover within a job).
- A per-call timeout is not retried: the job decides whether the lesson is retried.
- A reply that breaks the schema (or a content rule of ``request.parse``) is retried
  once with the reason appended to the prompt, then fails with ``AIInvalidOutput``.

The API key comes with each call (each tenant has its own). It is sent only in the
``x-goog-api-key`` header, never logged, and scrubbed from any provider message we
quote.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from common.adapters.ai import (
    AIInvalidOutput,
    AIKeyInvalid,
    AIModelInfo,
    AIQuotaExceeded,
    AITimeout,
    AIUnavailable,
    InvalidReply,
    KeyCheck,
    StructuredRequest,
    StructuredResult,
    TokenUsage,
)
from common.adapters.gemini_responses import (
    parse_reply,
    permanent_error,
    raise_if_blocked,
    requested_wait,
    shorten,
    usage_of,
)
from common.config import Settings
from common.transaction_guard import outside_call

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger("mirai.ai.gemini")

# Pinned so the SDK's own environment variables (GOOGLE_GENAI_API_VERSION) cannot change it.
API_VERSION = "v1"
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# SDK clients are kept per key (a client costs ~90 ms: TLS context, connection pool).
_CLIENT_CACHE_SIZE = 8


class GeminiClient:
    """Structured generation against Gemini. One per process (see ``Container.ai``)."""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout_seconds: float = 120.0,
        max_attempts: int = 4,
        backoff_initial: float = 1.0,
        backoff_max: float = 30.0,
        max_retry_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url
        self.timeout_seconds = timeout_seconds
        self.max_attempts = max(1, max_attempts)
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep
        self._clients: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> GeminiClient:
        return cls(
            base_url=settings.gemini_api_base_url,
            timeout_seconds=settings.gemini_timeout_seconds,
            max_attempts=settings.gemini_max_attempts,
        )

    def generate(self, request: StructuredRequest[T], *, api_key: str) -> StructuredResult[T]:
        if not api_key.strip():
            raise AIKeyInvalid("no AI API key is configured for this company")
        client = self._client(api_key)
        usage = TokenUsage()
        calls = 0
        prompt = request.prompt
        for schema_attempt in (1, 2):
            response, made = self._call_with_retries(client, request, prompt, api_key=api_key, usage=usage)
            calls += made
            usage = usage + usage_of(response)
            raise_if_blocked(response, request.purpose, usage)
            try:
                value = parse_reply(response, request)
            except InvalidReply as err:
                reason = shorten(str(err))
                log.warning("gemini %s reply rejected (attempt %d): %s", request.purpose, schema_attempt, reason)
                if schema_attempt == 2:
                    raise AIInvalidOutput(
                        f"the AI's {request.purpose} did not match the expected format twice: {reason}", usage=usage
                    ) from None
                prompt = (
                    f"{request.prompt}\n\nYour previous reply was rejected: {reason}\n"
                    "Reply again with JSON only, exactly matching the response schema."
                )
                continue
            model = getattr(response, "model_version", None) or request.model
            return StructuredResult(value=value, usage=usage, model=model, attempts=calls, raw=response)
        raise AssertionError("unreachable")  # pragma: no cover

    def list_models(self, *, api_key: str) -> list[AIModelInfo]:
        """Models this key may use for generateContent, by id. Costs no tokens."""
        if not api_key.strip():
            raise AIKeyInvalid("no AI API key is configured for this company")
        client = self._client(api_key)

        def fetch() -> list[Any]:
            return list(client.models.list(config={"page_size": 100}))

        models, _ = self._with_retries(fetch, purpose="model list", api_key=api_key, usage=TokenUsage())
        found = {
            model.name.removeprefix("models/"): AIModelInfo(
                id=model.name.removeprefix("models/"),
                display_name=model.display_name or model.name.removeprefix("models/"),
                description=model.description or "",
                input_token_limit=model.input_token_limit or 0,
                output_token_limit=model.output_token_limit or 0,
            )
            for model in models
            if model.name and "generateContent" in (model.supported_actions or [])
        }
        return [found[key] for key in sorted(found)]

    def check_key(self, api_key: str) -> KeyCheck:
        """Whether the provider accepts the key (used before storing a new one). Outages
        still raise (``AIUnavailable``/``AITimeout``): they say nothing about the key."""
        try:
            self.list_models(api_key=api_key)
        except AIKeyInvalid:
            return KeyCheck.INVALID
        except AIQuotaExceeded:
            return KeyCheck.QUOTA_EXCEEDED
        return KeyCheck.VALID

    def close(self) -> None:
        with self._lock:
            clients = list(self._clients.values())
            self._clients.clear()
        for client in clients:
            client.close()

    # -- transport -----------------------------------------------------------------

    def _client(self, api_key: str) -> Any:
        # Keyed by a hash so a reused tenant key reuses its connection pool.
        slot = hashlib.sha256(api_key.encode()).hexdigest()
        with self._lock:
            client = self._clients.get(slot)
            if client is not None:
                self._clients.move_to_end(slot)
                return client
        from google import genai
        from google.genai import types

        options = types.HttpOptions(api_version=API_VERSION, timeout=int(self.timeout_seconds * 1000))
        if self.base_url:
            options.base_url = self.base_url
        built = genai.Client(api_key=api_key, vertexai=False, http_options=options)
        evicted = []
        with self._lock:
            client = self._clients.setdefault(slot, built)
            if client is not built:  # another thread won the race
                evicted.append(built)
            while len(self._clients) > _CLIENT_CACHE_SIZE:
                evicted.append(self._clients.popitem(last=False)[1])
        for extra in evicted:
            extra.close()
        return client

    def _call_with_retries(
        self, client: Any, request: StructuredRequest[Any], prompt: str, *, api_key: str, usage: TokenUsage
    ) -> tuple[Any, int]:
        from google.genai import types

        config = types.GenerateContentConfig(
            system_instruction=request.system_instruction,
            response_mime_type="application/json",
            response_json_schema=dict(request.schema),
            temperature=request.temperature,
            max_output_tokens=request.max_output_tokens,
            # No tools are declared; this also silences the SDK's per-call AFC log line.
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        return self._with_retries(
            lambda: client.models.generate_content(model=request.model, contents=prompt, config=config),
            purpose=request.purpose,
            api_key=api_key,
            usage=usage,
        )

    def _with_retries(self, operation: Callable[[], R], *, purpose: str, api_key: str, usage: TokenUsage) -> tuple[R, int]:
        """``operation``'s result and the attempts it took; failures as ``AIError``."""
        from google.genai import errors

        outside_call(f"gemini {purpose}")

        timeouts, transport = _transport_exceptions()
        for attempt in range(1, self.max_attempts + 1):
            try:
                return operation(), attempt
            except errors.APIError as err:
                code = int(err.code or 0)
                if code not in RETRYABLE_STATUS:
                    raise permanent_error(err, api_key=api_key, purpose=purpose, usage=usage) from None
                wait = requested_wait(err)
                log.warning("gemini %s: HTTP %d (attempt %d of %d)", purpose, code, attempt, self.max_attempts)
                if wait is not None and wait > self.max_retry_wait:
                    raise AIQuotaExceeded(
                        f"the AI provider asks to wait {wait:.0f}s before retrying; try again later", usage=usage
                    ) from None
                if attempt == self.max_attempts:
                    if code == 429:
                        raise AIQuotaExceeded("the AI provider's rate limit or quota is exhausted", usage=usage) from None
                    raise AIUnavailable(f"the AI provider failed (HTTP {code}) after {attempt} attempts", usage=usage) from None
                self._sleep(wait if wait is not None else self._backoff(attempt))
            except timeouts:
                raise AITimeout(
                    f"the AI provider did not answer the {purpose} request within {self.timeout_seconds:g}s", usage=usage
                ) from None
            except transport as err:
                log.warning("gemini %s: %s (attempt %d of %d)", purpose, type(err).__name__, attempt, self.max_attempts)
                if attempt == self.max_attempts:
                    raise AIUnavailable(f"the AI provider cannot be reached ({type(err).__name__})", usage=usage) from None
                self._sleep(self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.backoff_max, self.backoff_initial * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)


def _transport_exceptions() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """(timeouts, other transport failures) of whichever httpx flavour the SDK uses."""
    timeouts: list[type[BaseException]] = []
    transport: list[type[BaseException]] = []
    for name in ("httpx2", "httpx"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        timeouts.append(module.TimeoutException)
        transport.append(module.TransportError)
    return tuple(timeouts), tuple(transport)
