"""Turning result rows into the plain dataclasses repositories return."""

from __future__ import annotations

import uuid
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class VersionedRecord:
    """A record under optimistic locking: its etag (what clients send back as if_match)
    names the row and the version it was read at."""

    id: uuid.UUID
    version: int

    @property
    def etag(self) -> str:
        return f"{self.id.hex[:8]}-{self.version}"


def to_record(cls: type[T], row: Any) -> T:
    """Build ``cls`` from a row's columns of the same names (extra columns are ignored)."""
    mapping = row._mapping
    return cls(**{f.name: mapping[f.name] for f in fields(cls)})  # type: ignore[arg-type]


def violated_constraint(err: Exception) -> str:
    """The constraint an IntegrityError names (psycopg's diagnostics), or ''."""
    diag = getattr(getattr(err, "orig", None), "diag", None)
    return getattr(diag, "constraint_name", None) or ""
