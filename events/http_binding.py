"""CloudEvent attributes in HTTP headers, as the CloudEvents HTTP binding (1.0.2+,
section 3.1.3.2) prescribes; the cloudevents SDK writes and reads them raw.

Encoding: every character outside printable ASCII (U+0021-U+007E), and space,
double quote and percent, is written as the percent-encoded bytes of its UTF-8
form, so an object key such as ``日本語.pdf`` or one holding CR/LF or U+0000 is a
valid header value. Decoding: a double-quoted value is unquoted, then exactly one
round of percent-decoding; bytes that are not UTF-8 are refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, unquote_to_bytes

from cloudevents.conversion import to_binary as _sdk_to_binary
from cloudevents.http import CloudEvent

PREFIX = "ce-"
# quote() leaves letters, digits and these unencoded; the binding allows every printable
# ASCII character except space, '"' and '%'.
_SAFE = "!#$&'()*+,/:;<=>?@[\\]^`{|}~-._"


_QUOTED_PAIR = re.compile(r"\\(.)")


class BadHeaderValue(ValueError):
    """A ce- header whose percent-decoding is not UTF-8."""


def encode_value(value: str) -> str:
    return quote(value, safe=_SAFE, encoding="utf-8", errors="strict")


def decode_value(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = _QUOTED_PAIR.sub(r"\1", value[1:-1])
    try:
        return unquote_to_bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        raise BadHeaderValue("a ce- header is not percent-encoded UTF-8") from None


def to_binary(event: CloudEvent) -> tuple[dict[str, str], bytes]:
    """Binary-mode headers and body of ``event``, its attribute headers percent-encoded."""
    headers, body = _sdk_to_binary(event)
    encoded = {name: encode_value(value) if name.lower().startswith(PREFIX) else value for name, value in headers.items()}
    return encoded, body or b""


def decoded_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """``headers`` with every ce- value decoded, for the SDK to read."""
    return {name: decode_value(value) if name.lower().startswith(PREFIX) else value for name, value in headers.items()}
