"""Case-insensitive text search in SQL: what a user typed, matched literally."""

from __future__ import annotations

LIKE_ESCAPE = "\\"


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards escaped, so ``50%`` and ``a_b`` match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> str:
    """The ILIKE pattern of "holds ``text`` anywhere" (use with ``escape=LIKE_ESCAPE``)."""
    return f"%{escape_like(text)}%"
