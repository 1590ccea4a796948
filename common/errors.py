"""The domain's error hierarchy. Business code raises these; ``common.rpc.errors``
maps them to Connect codes in exactly one place."""

from __future__ import annotations


class AppError(Exception):
    """An expected failure whose message is safe to show to the caller."""

    code_name = "internal"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidArgument(AppError):
    code_name = "invalid_argument"


class NotFound(AppError):
    code_name = "not_found"


class AlreadyExists(AppError):
    code_name = "already_exists"


class Conflict(AppError):
    """A stale ETag or a lost race: the caller should re-read and retry."""

    code_name = "aborted"


class FailedPrecondition(AppError):
    code_name = "failed_precondition"


class PermissionDenied(AppError):
    code_name = "permission_denied"


class Unauthenticated(AppError):
    code_name = "unauthenticated"


class ResourceExhausted(AppError):
    code_name = "resource_exhausted"


class Unavailable(AppError):
    """A dependency is down; retrying later may succeed."""

    code_name = "unavailable"


class Unimplemented(AppError):
    code_name = "unimplemented"
