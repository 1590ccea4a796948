"""Reading Gemini answers: token usage, safety blocks, the JSON reply checked against
its schema, the wait a 429 asks for, and the domain error of a non-retryable status.
SDK objects are read by attribute only, so this module imports no SDK."""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any, TypeVar

from common.adapters.ai import (
    AIContentBlocked,
    AIError,
    AIKeyInvalid,
    AIRequestRejected,
    InvalidReply,
    StructuredRequest,
    TokenUsage,
)

T = TypeVar("T")
BLOCKING_FINISH_REASONS = frozenset({"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY"})


def _error_body(err: Any) -> dict[str, Any]:
    details = err.details if isinstance(err.details, dict) else {}
    body = details.get("error", details)
    return body if isinstance(body, dict) else {}


def _detail_items(err: Any) -> list[dict[str, Any]]:
    items = _error_body(err).get("details", [])
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def permanent_error(err: Any, *, api_key: str, purpose: str, usage: TokenUsage) -> AIError:
    """The domain error of a status we do not retry (``err`` is the SDK's APIError)."""
    code = int(err.code or 0)
    detail = scrub(str(err.message or ""), api_key)
    text = shorten(f"{detail} ({err.status})" if err.status else detail)
    reasons = {str(item.get("reason", "")) for item in _detail_items(err)}
    if code in (401, 403) or "API_KEY_INVALID" in reasons or "API key not valid" in detail:
        return AIKeyInvalid(f"the AI provider rejected the company's API key: {text}", usage=usage)
    if code == 404:
        return AIRequestRejected(f"the AI model is not available: {text}", usage=usage, field="model")
    return AIRequestRejected(f"the AI provider refused the {purpose} request (HTTP {code}): {text}", usage=usage)


def requested_wait(err: Any) -> float | None:
    """Seconds the provider asks us to wait: Retry-After (seconds or HTTP date), else
    the ``retryDelay`` of a google.rpc.RetryInfo detail; None when it does not say."""
    headers = getattr(getattr(err, "response", None), "headers", None)
    raw = (headers.get("retry-after") or "").strip() if headers is not None else ""
    if raw:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
        try:
            return max(0.0, email.utils.parsedate_to_datetime(raw).timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    for item in _detail_items(err):
        delay = item.get("retryDelay")
        if isinstance(delay, str) and delay.endswith("s"):
            try:
                return max(0.0, float(delay[:-1]))
            except ValueError:
                return None
    return None


def usage_of(response: Any) -> TokenUsage:
    meta = getattr(response, "usage_metadata", None)
    if meta is None:
        return TokenUsage()
    return TokenUsage(
        prompt_tokens=meta.prompt_token_count or 0,
        candidates_tokens=meta.candidates_token_count or 0,
        thoughts_tokens=meta.thoughts_token_count or 0,
        total_tokens=meta.total_token_count or 0,
    )


def raise_if_blocked(response: Any, purpose: str, usage: TokenUsage) -> None:
    feedback = getattr(response, "prompt_feedback", None)
    block = getattr(feedback, "block_reason", None) if feedback else None
    if block:
        raise AIContentBlocked(f"the AI provider blocked the {purpose} request ({_enum_name(block)})", usage=usage)
    for candidate in response.candidates or []:
        reason = _enum_name(candidate.finish_reason)
        if reason in BLOCKING_FINISH_REASONS:
            raise AIContentBlocked(f"the AI provider blocked the {purpose} reply ({reason})", usage=usage)


def parse_reply(response: Any, request: StructuredRequest[T]) -> T:
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
        data = json.loads(_without_code_fence(text))
    except json.JSONDecodeError as err:
        raise InvalidReply(f"the reply is not JSON ({err.msg} at position {err.pos})") from None
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(request.schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise InvalidReply(f"{where}: {error.message}")
    return request.parse(data)


def _without_code_fence(text: str) -> str:
    # Models sometimes wrap JSON in a Markdown fence; not worth a paid retry.
    stripped = text.strip()
    if stripped.startswith("```") and stripped.endswith("```"):
        stripped = stripped[3:-3]
        if stripped.startswith("json"):
            stripped = stripped[4:]
    return stripped


def _enum_name(value: Any) -> str:
    return str(getattr(value, "name", value or ""))


def scrub(text: str, api_key: str) -> str:
    return text.replace(api_key, "[redacted]") if api_key else text


def shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
