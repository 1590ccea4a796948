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

import email.utils
import hashlib
import json
import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from common.adapters.ai import (
    AIContentBlocked,
    AIError,
    AIInvalidOutput,
    AIKeyInvalid,
    AIQuotaExceeded,
    AIRequestRejected,
    AITimeout,
    AIUnavailable,
    InvalidReply,
    StructuredRequest,
    StructuredResult,
    TokenUsage,
)
from common.config import Settings

T = TypeVar("T")
log = logging.getLogger("mirai.ai.gemini")

# Pinned so the SDK's own environment variables (GOOGLE_GENAI_API_VERSION) cannot change it.
API_VERSION = "v1"
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
BLOCKING_FINISH_REASONS = frozenset({"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY"})
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
            usage = usage + _usage_of(response)
            _raise_if_blocked(response, request.purpose, usage)
            try:
                value = _parse(response, request)
            except InvalidReply as err:
                reason = _short(str(err))
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
        client = genai.Client(api_key=api_key, vertexai=False, http_options=options)
        evicted = None
        with self._lock:
            self._clients[slot] = client
            if len(self._clients) > _CLIENT_CACHE_SIZE:
                _, evicted = self._clients.popitem(last=False)
        if evicted is not None:
            evicted.close()
        return client

    def _call_with_retries(
        self, client: Any, request: StructuredRequest[Any], prompt: str, *, api_key: str, usage: TokenUsage
    ) -> tuple[Any, int]:
        from google.genai import errors, types

        timeouts, transport = _transport_exceptions()
        config = types.GenerateContentConfig(
            system_instruction=request.system_instruction,
            response_mime_type="application/json",
            response_json_schema=dict(request.schema),
            temperature=request.temperature,
            max_output_tokens=request.max_output_tokens,
            # No tools are declared; this also silences the SDK's per-call AFC log line.
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        for attempt in range(1, self.max_attempts + 1):
            try:
                return client.models.generate_content(model=request.model, contents=prompt, config=config), attempt
            except errors.APIError as err:
                code = int(err.code or 0)
                detail = _scrub(str(err.message or err.status or ""), api_key)
                if code not in RETRYABLE_STATUS:
                    raise _permanent_error(code, detail, err.status, request.purpose, usage) from None
                wait = _requested_wait(err)
                log.warning("gemini %s: HTTP %d (attempt %d of %d)", request.purpose, code, attempt, self.max_attempts)
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
                    f"the AI provider did not answer the {request.purpose} request within {self.timeout_seconds:g}s",
                    usage=usage,
                ) from None
            except transport as err:
                log.warning("gemini %s: %s (attempt %d of %d)", request.purpose, type(err).__name__, attempt, self.max_attempts)
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


def _permanent_error(code: int, detail: str, status: str | None, purpose: str, usage: TokenUsage) -> AIError:
    text = f"{detail} ({status})" if status else detail
    if code in (401, 403) or "API_KEY_INVALID" in text or "API key not valid" in text:
        return AIKeyInvalid(f"the AI provider rejected the company's API key: {_short(text)}", usage=usage)
    if code == 404:
        return AIRequestRejected(f"the AI model is not available: {_short(text)}", usage=usage, field="model")
    return AIRequestRejected(f"the AI provider refused the {purpose} request (HTTP {code}): {_short(text)}", usage=usage)


def _requested_wait(err: Any) -> float | None:
    """Seconds the provider asks us to wait: Retry-After, else RetryInfo.retryDelay."""
    headers = getattr(getattr(err, "response", None), "headers", None)
    raw = headers.get("retry-after") if headers is not None else None
    if raw:
        raw = raw.strip()
        if raw.replace(".", "", 1).isdigit():
            return float(raw)
        when = email.utils.parsedate_to_datetime(raw) if raw else None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    details = err.details.get("error", err.details) if isinstance(err.details, dict) else {}
    for item in details.get("details", []) if isinstance(details, dict) else []:
        delay = item.get("retryDelay") if isinstance(item, dict) else None
        if isinstance(delay, str) and delay.endswith("s"):
            try:
                return float(delay[:-1])
            except ValueError:
                return None
    return None


def _usage_of(response: Any) -> TokenUsage:
    meta = getattr(response, "usage_metadata", None)
    if meta is None:
        return TokenUsage()
    return TokenUsage(
        prompt_tokens=meta.prompt_token_count or 0,
        candidates_tokens=meta.candidates_token_count or 0,
        thoughts_tokens=meta.thoughts_token_count or 0,
        total_tokens=meta.total_token_count or 0,
    )


def _raise_if_blocked(response: Any, purpose: str, usage: TokenUsage) -> None:
    feedback = getattr(response, "prompt_feedback", None)
    block = getattr(feedback, "block_reason", None) if feedback else None
    if block:
        raise AIContentBlocked(f"the AI provider blocked the {purpose} request ({_enum_name(block)})", usage=usage)
    for candidate in response.candidates or []:
        reason = _enum_name(candidate.finish_reason)
        if reason in BLOCKING_FINISH_REASONS:
            raise AIContentBlocked(f"the AI provider blocked the {purpose} reply ({reason})", usage=usage)


def _parse(response: Any, request: StructuredRequest[T]) -> T:
    import jsonschema

    candidates = response.candidates or []
    if not candidates:
        raise InvalidReply("the reply had no candidates")
    if _enum_name(candidates[0].finish_reason) == "MAX_TOKENS":
        raise InvalidReply("the reply was cut off at the output token limit")
    text = response.text
    if not text:
        raise InvalidReply("the reply was empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InvalidReply(f"the reply is not JSON ({err.msg} at position {err.pos})") from None
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(request.schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise InvalidReply(f"{where}: {error.message}")
    return request.parse(data)


def _enum_name(value: Any) -> str:
    return str(getattr(value, "name", value or ""))


def _scrub(text: str, api_key: str) -> str:
    return text.replace(api_key, "[redacted]") if api_key else text


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
