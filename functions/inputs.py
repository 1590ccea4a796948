"""Checks of request fields that every area needs: ids, text, lists, enums.

Each failure is ``InvalidArgument`` naming the field as the contract spells it,
so a client can point at the input. Text follows the one rule of
``common.rpc.request_text`` (no control characters except tab and line breaks),
which every request already passed; ``text`` applies it again to values that
reach a handler by other ways.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from google.protobuf.descriptor import EnumDescriptor
from google.protobuf.timestamp_pb2 import Timestamp

from common.errors import InvalidArgument
from common.identifiers import canonical_uuid
from common.rpc.request_text import MESSAGE as CONTROL_CHARACTERS_MESSAGE
from common.rpc.request_text import has_control_characters

# language[-script][-region][-variant...], the shapes of BCP 47 tags people use.
_BCP47 = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*")
MAX_LANGUAGE_CHARS = 35


def required_id(value: str, *, field: str) -> uuid.UUID:
    if not value:
        raise InvalidArgument("is required", field=field)
    return uuid.UUID(canonical_uuid(value, field=field))


def id_list(values: Iterable[str], *, field: str, max_items: int) -> list[uuid.UUID]:
    """Distinct ids in the order given; at least one, at most ``max_items``."""
    ids = list(dict.fromkeys(uuid.UUID(canonical_uuid(v, field=field)) for v in values))
    if not ids:
        raise InvalidArgument("needs at least one id", field=field)
    if len(ids) > max_items:
        raise InvalidArgument(f"takes at most {max_items} ids", field=field)
    return ids


def text(value: str, *, field: str, max_chars: int, required: bool = False) -> str:
    """``value`` without surrounding whitespace, checked for length and control characters."""
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidArgument("is required", field=field)
    if len(cleaned) > max_chars:
        raise InvalidArgument(f"must be at most {max_chars} characters", field=field)
    if has_control_characters(cleaned):
        raise InvalidArgument(CONTROL_CHARACTERS_MESSAGE, field=field)
    return cleaned


def text_list(values: Iterable[str], *, field: str, max_items: int, max_chars: int) -> list[str]:
    """Each entry trimmed and non-empty; at most ``max_items`` entries of ``max_chars``."""
    items = [text(v, field=field, max_chars=max_chars) for v in values]
    if len(items) > max_items:
        raise InvalidArgument(f"takes at most {max_items} entries", field=field)
    if any(not item for item in items):
        raise InvalidArgument("entries must not be empty", field=field)
    return items


def language_tag(value: str, *, field: str) -> str:
    """A BCP 47 tag in its conventional case: ``de-de`` → ``de-DE``, ``zh-hant-tw`` → ``zh-Hant-TW``."""
    tag = value.strip()
    if len(tag) > MAX_LANGUAGE_CHARS or not _BCP47.fullmatch(tag):
        raise InvalidArgument("must be a BCP 47 language tag such as 'en' or 'de-DE'", field=field)
    first, *rest = tag.split("-")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())
        elif len(part) == 2 and part.isalpha():
            parts.append(part.upper())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def enum_value(value: int, enum: EnumDescriptor, *, field: str, allow_unspecified: bool = False) -> int:
    """A value the contract defines (proto3 keeps unknown numbers, so they arrive here)."""
    if value not in enum.values_by_number or (value == 0 and not allow_unspecified):
        raise InvalidArgument(f"must be one of the defined {enum.name} values", field=field)
    return value


def timestamp(value: Timestamp, *, field: str) -> datetime:
    """An aware UTC datetime; out-of-range seconds or nanos are refused, not wrapped."""
    try:
        converted: datetime = value.ToDatetime(tzinfo=UTC)
        return converted
    except (ValueError, OverflowError):
        raise InvalidArgument("is not a valid timestamp", field=field) from None
