"""Contract enums ↔ the lower-case words the database stores.

``EXPERIENCE_LEVEL_BEGINNER`` is stored as ``beginner``: the enum's prefix (the
name of its zero value minus ``UNSPECIFIED``) is dropped. The zero value is NULL.
"""

from __future__ import annotations

from google.protobuf.descriptor import EnumDescriptor


def _prefix(enum: EnumDescriptor) -> str:
    return str(enum.values_by_number[0].name).removesuffix("UNSPECIFIED")


def stored_name(enum: EnumDescriptor, number: int) -> str | None:
    if number == 0:
        return None
    return str(enum.values_by_number[number].name).removeprefix(_prefix(enum)).lower()


def enum_number(enum: EnumDescriptor, stored: str | None) -> int:
    """The number of a stored word; a word the contract no longer has reads as unspecified."""
    if stored is None:
        return 0
    value = enum.values_by_name.get(_prefix(enum) + stored.upper())
    return value.number if value is not None else 0


def stored_names(enum: EnumDescriptor) -> tuple[str, ...]:
    """Every word of the enum, in number order, the zero value excepted."""
    return tuple(stored_name(enum, v.number) or "" for v in enum.values if v.number != 0)
