"""The text rule every request obeys, checked once before any handler runs.

Every string field of the request message (nested messages, repeated fields and
map keys and values too) is walked by its descriptor, so a field added to a
contract is covered the day it is added, with no per-field code.

The rule, one for all text: tab, line feed and carriage return are allowed
(titles, descriptions and content bodies carry line breaks); every other C0
control (NUL included: PostgreSQL refuses it in text), DEL, the C1 controls and
lone surrogates (not encodable as UTF-8) are refused. Bytes fields are not text
and are not checked. A failure is ``invalid_argument`` naming the field by its
path in the request, e.g. ``content.modules[0].title: must not contain control
characters``, and never echoes the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from common.errors import InvalidArgument

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
MESSAGE = "must not contain control characters"


def has_control_characters(value: str) -> bool:
    return CONTROL_CHARACTERS.search(value) is not None


def _strings(message: Message, prefix: str) -> Iterator[tuple[str, str]]:
    """(field path, value) of every string set anywhere in ``message``."""
    for field, value in message.ListFields():
        path = f"{prefix}{field.name}"
        if field.type == FieldDescriptor.TYPE_MESSAGE and field.message_type.GetOptions().map_entry:
            yield from _map_strings(field, value, path)
        elif field.type == FieldDescriptor.TYPE_MESSAGE:
            if field.is_repeated:
                for index, item in enumerate(value):
                    yield from _strings(item, f"{path}[{index}].")
            else:
                yield from _strings(value, f"{path}.")
        elif field.type == FieldDescriptor.TYPE_STRING:
            if field.is_repeated:
                for index, item in enumerate(value):
                    yield f"{path}[{index}]", item
            else:
                yield path, value


def _map_strings(field: FieldDescriptor, entries: Any, path: str) -> Iterator[tuple[str, str]]:
    key_field, value_field = field.message_type.fields_by_name["key"], field.message_type.fields_by_name["value"]
    for key, value in entries.items():
        if key_field.type == FieldDescriptor.TYPE_STRING:
            yield path, key
        if value_field.type == FieldDescriptor.TYPE_STRING:
            yield path, value
        elif value_field.type == FieldDescriptor.TYPE_MESSAGE:
            yield from _strings(value, f"{path}.")


def check_request_text(message: Message) -> None:
    """Raises ``InvalidArgument`` for the first string field that breaks the rule."""
    for path, value in _strings(message, ""):
        if has_control_characters(value):
            raise InvalidArgument(MESSAGE, field=path)


class RequestTextInterceptor:
    """Applies the text rule to every request of the RPC it guards."""

    def intercept_unary_sync(self, call_next: Callable[[Any, Any], Any], request: Any, ctx: Any, /) -> Any:
        check_request_text(request)
        return call_next(request, ctx)
