"""Keyset pagination on (sort column, id): stable under inserts, index-friendly.

A page token is opaque to clients: base64url of the sort name and the last
row's (sort value, id). A token from another sort, or a forged one, is
``invalid_argument`` on ``page_token``.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, tuple_
from sqlalchemy.sql.elements import ColumnClause

from common.errors import InvalidArgument

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str


@dataclass(frozen=True)
class Cursor:
    value: Any
    id: uuid.UUID


def clamp_page_size(requested: int) -> int:
    """0 means the default; values above the maximum are clamped (common.proto)."""
    if requested < 0:
        raise InvalidArgument("must not be negative", field="page_size")
    return DEFAULT_PAGE_SIZE if requested == 0 else min(requested, MAX_PAGE_SIZE)


def _encode_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def encode_token(sort: str, value: Any, row_id: uuid.UUID) -> str:
    raw = json.dumps([sort, _encode_value(value), str(row_id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str, *, sort: str, column: ColumnClause[Any]) -> Cursor | None:
    if not token:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        name, value, row_id = json.loads(raw)
        if name != sort:
            raise ValueError("token of another sort")
        if column.type.python_type is datetime:
            value = datetime.fromisoformat(value)
        elif not isinstance(value, column.type.python_type):
            raise ValueError("wrong value type")
        return Cursor(value=value, id=uuid.UUID(row_id))
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise InvalidArgument("is not a token returned by this list", field="page_token") from None


def after(cursor: Cursor | None, *, column: ColumnClause[Any], id_column: ColumnClause[Any], descending: bool) -> ColumnElement[bool] | None:
    """Rows strictly after the cursor in (column, id) order, both in the same direction."""
    if cursor is None:
        return None
    # A row comparison, so PostgreSQL turns it into one index range condition.
    here, there = tuple_(column, id_column), tuple_(cursor.value, cursor.id)
    return here < there if descending else here > there


def order_by(column: ColumnClause[Any], id_column: ColumnClause[Any], *, descending: bool) -> list[Any]:
    return [column.desc(), id_column.desc()] if descending else [column.asc(), id_column.asc()]


def page_of(rows: list[T], *, size: int, sort: str, key: Any) -> Page[T]:
    """``rows`` was fetched with limit size + 1; the extra row only says there is more."""
    if len(rows) <= size:
        return Page(items=rows, next_page_token="")
    items = rows[:size]
    last = items[-1]
    value, row_id = key(last)
    return Page(items=items, next_page_token=encode_token(sort, value, row_id))
