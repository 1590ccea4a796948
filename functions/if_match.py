"""Optimistic concurrency on a versioned record: the request's if_match against its etag."""

from __future__ import annotations

from common.errors import Conflict
from common.repos.rows import VersionedRecord


def expected_version(if_match: str, record: VersionedRecord, *, conflict: str) -> int | None:
    """The version to compare-and-set against, or None when the caller skipped the check
    (an empty if_match); a stale if_match is ``Conflict(conflict)`` on ``if_match`` (→ aborted)."""
    if not if_match:
        return None
    if if_match != record.etag:
        raise Conflict(conflict, field="if_match")
    return record.version
