"""Image uploads (avatars, logos): the presigned PUT and the check when the object lands.

The PUT is signed with the content type asked for, so S3 refuses a PUT with another
one; the size cannot be bounded by a presigned PUT, so the landing check enforces it,
and the first bytes must be the signature of the declared type (a renamed file, or
HTML posing as an image, is refused and deleted).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from common.errors import AppError, InvalidArgument

log = logging.getLogger("mirai.uploads")

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # the contract's limit for avatars and logos
_PEEK_BYTES = 512


def _png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _webp(head: bytes) -> bool:
    return len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _svg(head: bytes) -> bool:
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text)


SIGNATURES = {"image/png": _png, "image/jpeg": _jpeg, "image/webp": _webp, "image/svg+xml": _svg}
AVATAR_TYPES = ("image/png", "image/jpeg", "image/webp")
LOGO_TYPES = (*AVATAR_TYPES, "image/svg+xml")


@dataclass(frozen=True)
class UploadUrl:
    url: str
    expires_at: datetime
    content_type: str


def upload_url(storage: Any, ttl_seconds: int, key: str, *, content_type: str, size_bytes: int,
               allowed: tuple[str, ...]) -> UploadUrl:
    """A presigned PUT at ``key`` for an image of ``content_type`` and ``size_bytes``, both checked."""
    kind = content_type.strip().lower()
    if kind not in allowed:
        raise InvalidArgument(f"must be one of {', '.join(allowed)}", field="content_type")
    if not 0 < size_bytes <= MAX_IMAGE_BYTES:
        raise InvalidArgument(f"must be the file's size, from 1 byte to {MAX_IMAGE_BYTES // (1024 * 1024)} MiB",
                              field="size_bytes")
    expires_at = datetime.now(UTC) + timedelta(seconds=ttl_seconds)
    url = storage.presigned_upload_url(key, expires_in=ttl_seconds, content_type=kind)
    return UploadUrl(url=url, expires_at=expires_at, content_type=kind)


def image_problem(storage: Any, key: str, *, allowed: tuple[str, ...]) -> str | None:
    """Why the landed object at ``key`` is no acceptable image, or None when it is one."""
    found = storage.peek(key, _PEEK_BYTES)
    if found.size > MAX_IMAGE_BYTES:
        return f"larger than {MAX_IMAGE_BYTES} bytes"
    kind = (found.content_type or "").split(";")[0].strip().lower()
    if kind not in allowed:
        return "content type not accepted"
    if not SIGNATURES[kind](found.head):
        return "content does not match its content type"
    return None


def discard_removed(storage: Any, removed_key: str | None) -> None:
    """Deletes an image whose record was just cleared (after the commit); best effort: the
    next upload to the same key replaces it anyway, and presigned links end within the hour."""
    if not removed_key:
        return
    try:
        storage.delete(removed_key)
    except AppError as err:
        log.warning("removed image left in storage: %s", type(err).__name__)
