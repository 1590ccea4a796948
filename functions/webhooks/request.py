"""What both webhooks share: reading a bounded raw body and parsing it as one JSON object.

Anything else is the sender's mistake and gets 400, never a 500: a 5xx makes
Stripe and MinIO deliver the same body again, forever.
"""

from __future__ import annotations

import json
from typing import Any

MAX_BODY_BYTES = 1024 * 1024
# Real Stripe events and S3 notifications nest about six levels; far deeper bodies
# are hostile, and deep enough ones break json.loads (RecursionError) or a later json.dumps.
MAX_JSON_DEPTH = 32


class BadBody(ValueError):
    """The body cannot be what the webhook expects; the message says why (and never quotes it)."""


class BodyTooLarge(BadBody):
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


def _complaint(value: Any) -> str | None:
    """What makes parsed JSON unusable: nesting deeper than ``MAX_JSON_DEPTH`` or a string
    holding a lone surrogate (an escape such as \\ud800: not a character, not encodable
    in a header or a database). Walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return "body holds a string that is not valid Unicode"
            continue
        children = [*item.keys(), *item.values()] if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > MAX_JSON_DEPTH:
            return f"body nests deeper than {MAX_JSON_DEPTH} levels"
        stack.extend((child, depth + 1) for child in children)
    return None


def json_object(raw: bytes) -> dict[str, Any]:
    """``raw`` parsed as a JSON object; ``BadBody`` for anything else."""
    try:
        parsed = json.loads(raw)
    except RecursionError:
        raise BadBody(f"body nests deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError:
        raise BadBody("body is not JSON") from None
    if not isinstance(parsed, dict):
        raise BadBody("body is not a JSON object")
    complaint = _complaint(parsed)
    if complaint:
        raise BadBody(complaint)
    return parsed
