"""What both webhooks share: reading a bounded raw body and answering in JSON."""

from __future__ import annotations

from typing import Any

MAX_BODY_BYTES = 1024 * 1024


class BodyTooLarge(ValueError):
    pass


def read_body(environ: dict[str, Any]) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise BodyTooLarge(f"body larger than {MAX_BODY_BYTES} bytes")
    body: bytes = environ["wsgi.input"].read(length) if length > 0 else b""
    return body
