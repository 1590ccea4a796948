"""The AI port: structured (JSON-schema) generation with a per-tenant API key.

Provider-neutral and SDK-free, so jobs and tests import it at no cost; the Gemini
implementation lives in ``common.adapters.gemini``.

Every failure is an ``AIError`` carrying a stable ``reason`` (stored as the job's
``error_code``) and the tokens already spent (failed attempts are billed too).
Messages never contain the API key or the prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from common.errors import AppError, FailedPrecondition, InvalidArgument, ResourceExhausted, Unavailable

T = TypeVar("T")


@dataclass(frozen=True)
class TokenUsage:
    prompt_tokens: int = 0
    candidates_tokens: int = 0
    # Reasoning ("thinking") tokens: billed as output.
    thoughts_tokens: int = 0
    total_tokens: int = 0

    @property
    def input_tokens(self) -> int:
        return self.prompt_tokens

    @property
    def output_tokens(self) -> int:
        return self.candidates_tokens + self.thoughts_tokens

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            candidates_tokens=self.candidates_tokens + other.candidates_tokens,
            thoughts_tokens=self.thoughts_tokens + other.thoughts_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class InvalidReply(ValueError):
    """Raised by a reply parser when valid JSON still breaks a content rule (a quiz with
    two correct options, ...). The adapter treats it exactly like a schema violation."""


@dataclass(frozen=True)
class StructuredRequest(Generic[T]):
    """One structured generation: prompts, the JSON Schema of the reply, and the parser
    that turns the schema-valid reply into ``T`` (raising ``InvalidReply``)."""

    model: str
    system_instruction: str
    prompt: str
    schema: Mapping[str, Any]
    parse: Callable[[Any], T]
    # Short label for logs and errors ("outline", "lesson", "component").
    purpose: str = "generation"
    temperature: float | None = None
    max_output_tokens: int | None = None


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    value: T
    # Summed over every attempt, including rejected replies.
    usage: TokenUsage
    # Model version the provider reports (falls back to the requested model id).
    model: str
    # Provider calls made (HTTP retries and the schema retry included).
    attempts: int
    raw: Any = field(default=None, repr=False)


class AIError(AppError):
    """Base of every AI failure. ``reason`` is the stable job ``error_code``."""

    reason = "internal"

    def __init__(self, message: str, *, usage: TokenUsage | None = None, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.usage = usage or TokenUsage()


class AIKeyInvalid(AIError, FailedPrecondition):
    """The provider rejected the tenant's key (revoked, wrong project, API not enabled)."""

    reason = "ai_key_invalid"


class AIQuotaExceeded(AIError, ResourceExhausted):
    """Still rate-limited after the retries, or asked to wait longer than we may."""

    reason = "ai_quota_exceeded"


class AIUnavailable(AIError, Unavailable):
    """The provider failed (5xx, connection) after the retries."""

    reason = "ai_unavailable"


class AITimeout(AIError, Unavailable):
    """The provider did not answer within the per-call timeout."""

    reason = "timeout"


class AIContentBlocked(AIError, FailedPrecondition):
    """The provider's safety filters blocked the prompt or the reply."""

    reason = "content_blocked"


class AIInvalidOutput(AIError, Unavailable):
    """The reply broke the schema or a content rule, and so did the one retry."""

    reason = "invalid_output"


class AIRequestRejected(AIError, InvalidArgument):
    """The provider refused the request itself (unknown model, prompt too long, ...)."""

    reason = "ai_request_rejected"


@dataclass(frozen=True)
class AIModelInfo:
    """A model the key can use for generation (maps onto ``AIModel``)."""

    id: str
    display_name: str
    description: str
    input_token_limit: int
    output_token_limit: int


class KeyCheck(Enum):
    """Outcome of checking a key with the provider (maps onto ``AiKeyStatus``)."""

    VALID = "valid"
    INVALID = "invalid"
    QUOTA_EXCEEDED = "quota_exceeded"


class StructuredGenerator(Protocol):
    """The port jobs and RPCs depend on; ``GeminiClient`` implements it."""

    def generate(self, request: StructuredRequest[T], *, api_key: str) -> StructuredResult[T]: ...

    def list_models(self, *, api_key: str) -> list[AIModelInfo]: ...

    def check_key(self, api_key: str) -> KeyCheck: ...
